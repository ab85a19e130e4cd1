import type { Knex } from 'knex'
import { deafFeed, type ChangeFeed } from '../db/change-feed'
import { assessmentRepository } from './assessment.repository'
import { auditRepository } from './audit.repository'
import { catalogueRepository } from './catalogue.repository'
import { createCopies } from '../db/copies'
import { estateRepository } from './estate.repository'
import { estateAnalysisRepository } from './estate-analysis.repository'
import { estateRatingRepository } from './estate-rating.repository'
import { demoEstateRepository } from './demo-estate.repository'
import { healthRepository } from './health.repository'
import { invitationRepository } from './invitation.repository'
import { loginAttemptRepository } from './login-attempt.repository'
import { moderationRepository } from './moderation.repository'
import { organisationRepository } from './organisation.repository'
import { partnershipRepository } from './partnership.repository'
import { pipelineRepository } from './pipeline.repository'
import { questionnaireRepository } from './questionnaire.repository'
import { questionnaireErrataRepository } from './questionnaire-errata.repository'
import { roundRepository } from './round.repository'
import { sessionRepository } from './session.repository'
import { standardRepository } from './standard.repository'
import { tokenRepository } from './token.repository'
import { userRepository } from './user.repository'

export function createRepositories(knex: Knex, changes: ChangeFeed = deafFeed()) {
  const copies = createCopies(changes)
  return {
    changes,
    copies,
    assessments: assessmentRepository(knex, changes),
    audit: auditRepository(knex),
    catalogue: catalogueRepository(knex),
    database: healthRepository(knex),
    demoEstate: demoEstateRepository(knex),
    invitations: invitationRepository(knex),
    loginAttempts: loginAttemptRepository(knex),
    moderations: moderationRepository(knex),
    organisations: organisationRepository(knex),
    partnerships: partnershipRepository(knex),
    pipeline: pipelineRepository(knex),
    questionnaires: questionnaireRepository(knex),
    questionnaireErrata: questionnaireErrataRepository(knex),
    rounds: roundRepository(knex),
    sessions: sessionRepository(knex, copies),
    standards: standardRepository(knex),
    tokens: tokenRepository(knex),
    users: userRepository(knex),
    estate: estateRepository(knex),
    estateAnalysis: estateAnalysisRepository(knex),
    estateRatings: estateRatingRepository(knex),
  }
}

export type Repositories = ReturnType<typeof createRepositories>
