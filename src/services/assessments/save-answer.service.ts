import { EMPTY_ANSWER, checkAnswer, sameContent, type Answer, type AnswerContent } from '../../domain/assessment/answer'
import { roundStatus } from '../../domain/assessment/round'
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors'
import { isCentralRole } from '../../domain/roles'
import type { User } from '../../domain/user'
import type { AnswerSaveContext } from '../../data/assessment.repository'
import { editability, findQuestion, type AssessmentDeps } from './assessment-access'
import { answerEvent } from './answer-event'
import { saveAnswersLocked } from './save-answers.service'
import { dateTime } from '../../domain/format/dates'

/** A save based on a stale revision: the caller is shown what is there now, and by whom. */
export class AnswerConflictError extends ConflictError {
  constructor(readonly current: Answer) {
    super(`Someone else changed this answer on ${dateTime(current.updatedAt)}`)
  }
}

interface Saved {
  revision: number
  savedAt: Date
}

/**
 * One answer, as the API and the autosave script send it. The everyday case is one guarded write
 * (saveWithoutWaiting); anything else (a conflict, a refusal, the save that starts the assessment) is
 * settled under the assessment's lock.
 *
 * What this process last wrote of each answer (assessment and question) is remembered, with the
 * assessment and round as they were (`repos.copies.answers`): the next save of the same answer, the
 * autosave's usual case, need not read them again. A copy may be stale (another process, another tab);
 * the guarded write then fails and the locked path decides, so a stale copy costs a trip and never a
 * wrong answer.
 */
export function saveAnswer(deps: AssessmentDeps) {
  const { repos, questionnaires, clock } = deps
  const lastWritten = repos.copies.answers
  const save = saveAnswersLocked(deps)
  return async function saveAnswer(
    user: User,
    id: number,
    questionKey: string,
    body: Record<string, unknown>,
  ): Promise<Saved> {
    const remembered = lastWritten.get(`${id}:${questionKey}`)
    const context =
      remembered ?? (Number.isSafeInteger(id) ? await repos.assessments.answerSaveContext(id, questionKey) : undefined)
    // Respondents learn nothing of other organisations' assessments, not even that they exist.
    if (!context || (!isCentralRole(user.role) && user.organisationId !== context.assessment.organisationId))
      throw new NotFoundError('There is no such assessment')
    const { round } = context
    const definition = await questionnaires.definitionOf(round.questionnaireKey, round.questionnaireVersion)
    const question = findQuestion(definition, questionKey)
    const revision = checkedRevision(body.revision)
    const checked = checkAnswer(question, body)
    if (!checked.content)
      throw new ValidationError(checked.problems.map(p => ({ field: p.pointer, message: p.message })))
    const known = remembered ? 'remembered' : 'read now'
    const quick = await saveWithoutWaiting(deps, user, context, questionKey, checked.content, revision, known)
    if (quick) return quick
    lastWritten.delete(`${id}:${questionKey}`)
    const inputs = new Map([[questionKey, { content: checked.content, revision }]])
    // A remembered round may have closed since: the locked path then reads everything afresh.
    const loaded = remembered ? undefined : { round, definition }
    const [outcome] = await save(user, id, inputs, { confirmUnchanged: true }, loaded)
    if (!outcome) throw new Error('no outcome')
    if (outcome.outcome === 'conflict') throw new AnswerConflictError(outcome.current ?? missingAnswer(questionKey))
    const saved =
      outcome.savedAt ??
      (await repos.assessments.answers(id)).find(a => a.questionKey === questionKey)?.updatedAt ??
      clock()
    return { revision: outcome.revision, savedAt: saved }
  }
}

function checkedRevision(revision: unknown): number {
  if (typeof revision !== 'number' || !Number.isSafeInteger(revision) || revision < 0) {
    throw new ValidationError([
      {
        field: '/revision',
        message: 'must be the whole-number revision the change was based on (0 for a first answer)',
      },
    ])
  }
  return revision
}

/**
 * The everyday autosave, in one write: when what is known says the save will go through (an editable,
 * started assessment, its round open, and the answer at the revision the browser had), the answer and
 * its audit event are written on condition that none of them has moved since. Undefined when any of
 * that does not hold, so the caller takes the locked path, which decides every other case.
 */
async function saveWithoutWaiting(
  { repos, clock }: AssessmentDeps,
  user: User,
  { assessment, round, answer }: AnswerSaveContext,
  questionKey: string,
  content: AnswerContent,
  revision: number,
  known: 'read now' | 'remembered',
): Promise<Saved | undefined> {
  if (assessment.state === 'not_started') return undefined
  if (!editability(user, assessment, roundStatus(round, clock())).allowed) return undefined
  if (revision !== (answer?.revision ?? 0)) return undefined
  const unchanged = sameContent(answer ?? EMPTY_ANSWER, content)
  // Nothing to write, if what was just read is what the browser has; a remembered copy cannot say so.
  if (unchanged && !answer?.carriedFrom)
    return known === 'read now' ? { revision, savedAt: answer?.updatedAt ?? clock() } : undefined
  const at = clock()
  const written = await repos.assessments.writeAnswerIfCurrent(
    {
      assessmentId: assessment.id,
      assessmentRevision: assessment.revision,
      round,
      questionKey,
      answerRevision: revision,
    },
    content,
    { at, by: user.id },
    answerEvent(user, assessment.id, questionKey, answer, content, unchanged, at),
  )
  if (!written) return undefined
  const now: Answer = {
    questionKey,
    ...content,
    revision: revision + 1,
    updatedAt: at,
    updatedBy: { id: user.id, name: user.name },
    carriedFrom: null,
  }
  repos.copies.answers.set(`${assessment.id}:${questionKey}`, { assessment, round, answer: now })
  return { revision: revision + 1, savedAt: at }
}

function missingAnswer(questionKey: string): Answer {
  return { questionKey, ...EMPTY_ANSWER, revision: 0, updatedAt: new Date(0), updatedBy: null, carriedFrom: null }
}
