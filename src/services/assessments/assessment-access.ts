import { roundStatus, type RoundStatus } from '../../domain/assessment/round'
import { respondentsMayEdit } from '../../domain/assessment/workflow'
import { NotFoundError } from '../../domain/errors'
import { questionByKey, type Question, type QuestionnaireDefinition } from '../../domain/questionnaire/definition'
import { isCentralRole } from '../../domain/roles'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { AssessmentRecord } from '../../data/assessment.repository'
import type { Clock } from '../clock'
import type { QuestionnaireService } from '../admin/questionnaire.service'

/** What every assessment use case is built on. */
export interface AssessmentDeps {
  repos: Repositories
  questionnaires: QuestionnaireService
  clock: Clock
}

/** Whether a user may change an assessment's answers now, and if not, why not. */
export type Editability = { allowed: true } | { allowed: false; reason: string }

/** The assessment with its round, organisation and questionnaire, if this user may see it at all. */
export async function loadAssessment({ repos, questionnaires, clock }: AssessmentDeps, user: User, id: number) {
  const assessment = Number.isSafeInteger(id) ? await repos.assessments.findById(id) : undefined
  if (!assessment) throw new NotFoundError('There is no such assessment')
  // Respondents learn nothing of other organisations' assessments, not even that they exist.
  if (!isCentralRole(user.role) && user.organisationId !== assessment.organisationId) {
    throw new NotFoundError('There is no such assessment')
  }
  const [round, organisation] = await Promise.all([
    repos.rounds.findById(assessment.roundId),
    repos.organisations.findById(assessment.organisationId),
  ])
  if (!round || !organisation) throw new Error(`assessment ${id} has lost its round or organisation`)
  return {
    assessment,
    round: { ...round, status: roundStatus(round, clock()) },
    organisation,
    definition: await questionnaires.definitionOf(round.questionnaireKey, round.questionnaireVersion),
  }
}

export function editability(user: User, assessment: AssessmentRecord, status: RoundStatus): Editability {
  if (user.role !== 'respondent' || user.organisationId !== assessment.organisationId) {
    return { allowed: false, reason: 'Only respondents of this organisation can change its answers' }
  }
  if (status === 'scheduled') return { allowed: false, reason: 'This round has not opened yet' }
  if (status === 'cancelled') return { allowed: false, reason: 'This round was cancelled: it takes no answers' }
  if (status === 'closed')
    return { allowed: false, reason: 'This round has closed: answers can be read but not changed' }
  if (!respondentsMayEdit(assessment.state)) {
    return {
      allowed: false,
      reason: 'This assessment has been submitted: answers can be read but not changed unless an assessor returns it',
    }
  }
  return { allowed: true }
}

export function findQuestion(definition: QuestionnaireDefinition, questionKey: string): Question {
  const question = questionByKey(definition, questionKey)
  if (!question) throw new NotFoundError(`There is no question "${questionKey}" in this questionnaire`)
  return question
}
