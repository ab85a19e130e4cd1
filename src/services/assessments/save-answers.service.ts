import { EMPTY_ANSWER, sameContent, type Answer, type AnswerContent } from '../../domain/assessment/answer'
import { roundStatus, type Round } from '../../domain/assessment/round'
import { ForbiddenError, NotFoundError } from '../../domain/errors'
import type { QuestionnaireDefinition } from '../../domain/questionnaire/definition'
import type { User } from '../../domain/user'
import type { Transaction } from '../../data/db'
import type { AssessmentRecord } from '../../data/assessment.repository'
import { editability, findQuestion, loadAssessment, type AssessmentDeps } from './assessment-access'
import { answerEvent } from './answer-event'
import { moveState } from './move-state'

export interface SaveInput {
  content: AnswerContent
  revision: number
}

export interface SaveOutcome {
  questionKey: string
  outcome: 'saved' | 'unchanged' | 'conflict'
  revision: number
  savedAt?: Date
  current?: Answer
}

export interface SaveOptions {
  /** Whether saving a carried-over answer unchanged confirms it (a write) rather than doing nothing. */
  confirmUnchanged: boolean
}

/**
 * Saves answers in one transaction with their audit events. The assessment row is locked first, so
 * saves to one assessment queue rather than race; each answer's revision must match what is stored.
 * `loaded` spares reading the round and questionnaire again when the caller has just read them.
 */
export function saveAnswersLocked(deps: AssessmentDeps) {
  const { repos, clock } = deps
  return async function save(
    user: User,
    id: number,
    inputs: Map<string, SaveInput>,
    options: SaveOptions,
    loaded?: { round: Round; definition: QuestionnaireDefinition },
  ): Promise<SaveOutcome[]> {
    const { round, definition } = loaded ?? (await loadAssessment(deps, user, id))
    for (const key of inputs.keys()) findQuestion(definition, key)
    return repos.database.transaction(async trx => {
      const assessment = await repos.assessments.lock(id, trx)
      if (!assessment) throw new NotFoundError('There is no such assessment')
      const editable = editability(user, assessment, roundStatus(round, clock()))
      if (!editable.allowed) throw new ForbiddenError(editable.reason)
      const now = clock()
      const outcomes: SaveOutcome[] = []
      for (const [questionKey, input] of inputs) {
        outcomes.push(await saveOne(deps, trx, { user, assessment, now, options }, questionKey, input))
      }
      if (assessment.state === 'not_started' && outcomes.some(o => o.outcome === 'saved')) {
        await moveState(deps, trx, assessment, 'start', user.id)
      }
      return outcomes
    })
  }
}

/** A theme page's answers, already checked; confirming an unchanged carried answer counts as a save. */
export function saveMany(deps: AssessmentDeps) {
  const save = saveAnswersLocked(deps)
  return async function saveMany(user: User, id: number, inputs: Map<string, SaveInput>): Promise<SaveOutcome[]> {
    return save(user, id, inputs, { confirmUnchanged: true })
  }
}

/** One answer under the assessment's lock: a conflict or no change is reported, anything else written. */
async function saveOne(
  { repos, clock }: AssessmentDeps,
  trx: Transaction,
  saving: { user: User; assessment: AssessmentRecord; now: Date; options: SaveOptions },
  questionKey: string,
  input: SaveInput,
): Promise<SaveOutcome> {
  const { user, assessment, now, options } = saving
  const id = assessment.id
  const existing = await repos.assessments.answerForUpdate(id, questionKey, trx)
  const currentRevision = existing?.revision ?? 0
  if (input.revision !== currentRevision) {
    if (existing && sameContent(existing, input.content) && !existing.carriedFrom) {
      return { questionKey, outcome: 'unchanged', revision: currentRevision }
    }
    return { questionKey, outcome: 'conflict', revision: currentRevision, current: existing }
  }
  const unchanged = sameContent(existing ?? EMPTY_ANSWER, input.content)
  if (unchanged && !(existing?.carriedFrom && options.confirmUnchanged)) {
    return { questionKey, outcome: 'unchanged', revision: currentRevision }
  }
  const revision = currentRevision + 1
  await repos.assessments.writeAnswer(
    id,
    questionKey,
    input.content,
    { revision, at: now, by: user.id, carriedFrom: null },
    trx,
  )
  await repos.audit.record(answerEvent(user, id, questionKey, existing, input.content, unchanged, clock()), trx)
  return { questionKey, outcome: 'saved', revision, savedAt: now }
}
