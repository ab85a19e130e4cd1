import type { Repositories } from '../../data'
import type { Clock } from '../clock'
import type { QuestionnaireService } from '../admin/questionnaire.service'
import { findQuestion, type AssessmentDeps } from './assessment-access'
import { assessmentHistory } from './assessment-history.service'
import { assessmentScores } from './assessment-scores.service'
import { carryOver } from './carry-over.service'
import { declineCarryOver } from './decline-carry-over.service'
import { listAssessments } from './list-assessments.service'
import { saveAnswer } from './save-answer.service'
import { saveMany } from './save-answers.service'
import { submitAssessment } from './submit-assessment.service'
import { viewAssessment } from './view-assessment.service'

export { AnswerConflictError } from './save-answer.service'
export type { AssessmentView } from './view-assessment.service'
export type { CarryOverResult } from './carry-over.service'
export type { SaveInput, SaveOutcome } from './save-answers.service'

/**
 * The assessment use cases, one a file, as the one object routes and other services call: reading
 * (view, list, scores, history), saving (saveAnswer, the autosave; saveMany, a theme page) and the
 * respondent's workflow (carryOver or declineCarryOver, submit).
 */
export function assessmentService(repos: Repositories, questionnaires: QuestionnaireService, clock: Clock) {
  const deps: AssessmentDeps = { repos, questionnaires, clock }
  return {
    view: viewAssessment(deps),
    list: listAssessments(deps),
    findQuestion,
    saveAnswer: saveAnswer(deps),
    saveMany: saveMany(deps),
    carryOver: carryOver(deps),
    declineCarryOver: declineCarryOver(deps),
    submit: submitAssessment(deps),
    scores: assessmentScores(deps),
    history: assessmentHistory(deps),
  }
}

export type AssessmentService = ReturnType<typeof assessmentService>
