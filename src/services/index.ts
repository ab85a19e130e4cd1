import type { Repositories } from '../data'
import { assessmentService } from './assessment.service'
import { authService } from './auth.service'
import { calibrationService } from './calibration.service'
import { clusterBriefService } from './cluster-brief.service'
import { systemClock, type Clock } from './clock'
import { exportService } from './export.service'
import { insightsService } from './insights.service'
import { moderationService } from './moderation.service'
import { opportunityService } from './opportunity.service'
import { organisationService } from './organisation.service'
import { partnershipService } from './partnership.service'
import { pipelineService } from './pipeline.service'
import { questionnaireService } from './questionnaire.service'
import { reportService } from './report.service'
import { roundService } from './round.service'
import { seedService } from './seed.service'
import { trendService } from './trend.service'
import { tokenService } from './token.service'
import { userService } from './user.service'

export interface ServiceOptions {
  /** The fewest organisations behind any London figure a respondent sees. */
  disclosureMinimum: number
}

export function createServices(
  repos: Repositories,
  clock: Clock = systemClock,
  options: ServiceOptions = { disclosureMinimum: 5 },
) {
  const questionnaires = questionnaireService(repos, clock)
  return {
    assessments: assessmentService(repos, questionnaires, clock),
    auth: authService(repos, clock),
    calibration: calibrationService(repos, questionnaires),
    clusterBriefs: clusterBriefService(repos, questionnaires),
    exports: exportService(repos, questionnaires, clock),
    health: { check: () => repos.database.ping() },
    insights: insightsService(repos, questionnaires),
    moderation: moderationService(repos, questionnaires, clock),
    opportunities: opportunityService(repos, questionnaires, clock),
    organisations: organisationService(repos),
    partnerships: partnershipService(repos),
    pipeline: pipelineService(repos, questionnaires, clock),
    questionnaires,
    reports: reportService(repos, questionnaires, options),
    rounds: roundService(repos, clock),
    seed: seedService(repos, questionnaires, clock),
    sessions: repos.sessions,
    trends: trendService(repos, questionnaires),
    tokens: tokenService(repos, clock),
    users: userService(repos, clock),
    clock,
  }
}

export type Services = ReturnType<typeof createServices>
