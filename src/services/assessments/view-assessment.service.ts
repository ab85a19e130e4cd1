import type { Answer } from '../../domain/assessment/answer'
import { progress, type Progress } from '../../domain/assessment/progress'
import type { Round, RoundStatus } from '../../domain/assessment/round'
import type { Organisation } from '../../domain/organisation'
import type { QuestionnaireDefinition } from '../../domain/questionnaire/definition'
import type { User } from '../../domain/user'
import type { AssessmentRecord } from '../../data/assessment.repository'
import { editability, loadAssessment, type AssessmentDeps, type Editability } from './assessment-access'
import { previousAnswers } from './previous-assessment'

export interface AssessmentView {
  assessment: AssessmentRecord
  round: Round & { status: RoundStatus }
  organisation: Organisation
  definition: QuestionnaireDefinition
  answers: Map<string, Answer>
  progress: Progress
  /** Whether this user may change answers now, and if not, why not. */
  editable: Editability
  /** Last round's answers, offered while no one in the council has taken or declined them. */
  carryOver: { available: boolean; from?: string }
  /** What the assessor asked the borough to change, while the assessment is returned. */
  returnComment: string | null
}

/** One assessment as its pages show it: answers, progress, whether this user may edit, what may be carried over. */
export function viewAssessment(deps: AssessmentDeps) {
  const { repos } = deps
  return async function view(user: User, id: number): Promise<AssessmentView> {
    const { assessment, round, organisation, definition } = await loadAssessment(deps, user, id)
    const answers = new Map((await repos.assessments.answers(id)).map(a => [a.questionKey, a]))
    const editable = editability(user, assessment, round.status)
    // Offered until someone in the council takes or declines it, however many answers they have given since.
    const previous =
      editable.allowed && assessment.carryOver === null
        ? await previousAnswers(deps, assessment.organisationId, round)
        : undefined
    const comments = assessment.state === 'returned' ? await repos.moderations.comments(id) : undefined
    return {
      assessment,
      round,
      organisation,
      definition,
      answers,
      progress: progress(definition, answers),
      editable,
      carryOver: previous ? { available: true, from: previous.round.name } : { available: false },
      returnComment: comments?.returned ?? null,
    }
  }
}
