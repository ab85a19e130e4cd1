import type { Repositories } from '../../data'
import type { Clock } from '../clock'
import type { QuestionnaireService } from '../admin/questionnaire.service'
import { completeModeration, leftToModerate } from './complete-moderation.service'
import { moderateSection } from './moderate-section.service'
import { moderateQuestion } from './moderate-question.service'
import type { ModerationDeps } from './moderation-access'
import { openModeration } from './open-moderation.service'
import { returnAssessment } from './return-assessment.service'
import { moderationsOf, viewModeration } from './view-moderation.service'

export { ModerationConflictError, RATIONALE_MAX_LENGTH } from './moderate-question.service'
export { COMMENT_MAX_LENGTH } from './return-assessment.service'
export { UnmoderatedQuestionsError, type UnmoderatedQuestion } from './complete-moderation.service'
export { sectionField, type SectionEntry } from './moderate-section.service'

/** The moderation use cases, one a file, as the one object routes and other services call. */
export function moderationService(repos: Repositories, questionnaires: QuestionnaireService, clock: Clock) {
  const deps: ModerationDeps = { repos, questionnaires, clock }
  return {
    open: openModeration(deps),
    moderate: moderateQuestion(deps),
    moderateSection: moderateSection(deps),
    unmoderated: leftToModerate(deps),
    returnToBorough: returnAssessment(deps),
    complete: completeModeration(deps),
    forModerator: viewModeration(deps),
    forAssessment: moderationsOf(deps),
  }
}

export type ModerationService = ReturnType<typeof moderationService>
