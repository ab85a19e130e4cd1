import type { Repositories } from '../data'
import { assessmentService } from './assessment.service'
import { authService } from './auth.service'
import { systemClock, type Clock } from './clock'
import { moderationService } from './moderation.service'
import { organisationService } from './organisation.service'
import { partnershipService } from './partnership.service'
import { questionnaireService } from './questionnaire.service'
import { roundService } from './round.service'
import { seedService } from './seed.service'
import { userService } from './user.service'

export function createServices(repos: Repositories, clock: Clock = systemClock) {
  const questionnaires = questionnaireService(repos, clock)
  return {
    assessments: assessmentService(repos, questionnaires, clock),
    auth: authService(repos, clock),
    health: { check: () => repos.database.ping() },
    moderation: moderationService(repos, questionnaires, clock),
    organisations: organisationService(repos),
    partnerships: partnershipService(repos),
    questionnaires,
    rounds: roundService(repos, clock),
    seed: seedService(repos, questionnaires, clock),
    sessions: repos.sessions,
    users: userService(repos, clock),
    clock,
  }
}

export type Services = ReturnType<typeof createServices>
