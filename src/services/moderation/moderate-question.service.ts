import { RATIONALE_MAX_LENGTH } from '../../domain/assessment/moderation'
import type { Moderation } from '../../domain/assessment/moderation'
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors'
import { allQuestions } from '../../domain/questionnaire/definition'
import type { User } from '../../domain/user'
import type { Transaction } from '../../data/db'
import { moderatable, type ModerationDeps } from './moderation-access'
import { wholeNumber } from '../../domain/format/plurals'

export { RATIONALE_MAX_LENGTH }

/** A moderation save based on a stale revision: another assessor got there first. */
export class ModerationConflictError extends ConflictError {
  constructor(
    readonly current: Moderation | undefined,
    readonly questionKey?: string,
  ) {
    super('Another assessor changed this moderation since you loaded it')
  }
}

/** A moderation as posted, once its fields have been checked. */
export interface ModerationInput {
  level: number
  rationale: unknown
  revision: number
}

/**
 * Sets the moderated level of one maturity question of an assessment in moderation. A level other
 * than the self-assessed one needs a rationale; the revision must be the one the assessor loaded.
 */
export function moderateQuestion(deps: ModerationDeps) {
  const { repos, questionnaires } = deps
  return async function moderate(
    user: User,
    id: number,
    questionKey: string,
    body: Record<string, unknown>,
  ): Promise<{ revision: number }> {
    const assessment = await moderatable(deps, user, id)
    const round = await repos.rounds.findById(assessment.roundId)
    if (!round) throw new Error(`assessment ${id} has lost its round`)
    const definition = await questionnaires.definitionOf(round.questionnaireKey, round.questionnaireVersion)
    const question = allQuestions(definition).find(l => l.question.key === questionKey)?.question
    if (!question) throw new NotFoundError(`There is no question "${questionKey}" in this questionnaire`)
    if (question.type !== 'maturity')
      throw new ValidationError([{ field: '', message: 'only maturity questions are moderated' }])
    return writeModeration(deps, user, id, questionKey, checkedInput(body))
  }
}

export function checkedInput(body: Record<string, unknown>): ModerationInput {
  const errors: { field: string; message: string }[] = []
  const { level, rationale, revision } = body
  if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 5)
    errors.push({ field: '/level', message: 'must be a whole number from 1 to 5' })
  if (rationale !== undefined && rationale !== null && typeof rationale !== 'string')
    errors.push({ field: '/rationale', message: 'must be text' })
  else if (typeof rationale === 'string' && rationale.length > RATIONALE_MAX_LENGTH)
    errors.push({
      field: '/rationale',
      message: `must be ${wholeNumber(RATIONALE_MAX_LENGTH)} characters or fewer`,
    })
  if (typeof revision !== 'number' || !Number.isSafeInteger(revision) || revision < 0)
    errors.push({
      field: '/revision',
      message: 'must be the whole-number revision the change was based on (0 for a first moderation)',
    })
  if (errors.length > 0) throw new ValidationError(errors)
  return { level: level as number, rationale, revision: revision as number }
}

/** The moderation and its audit event, under the assessment's lock. */
async function writeModeration(
  deps: ModerationDeps,
  user: User,
  id: number,
  questionKey: string,
  input: ModerationInput,
): Promise<{ revision: number }> {
  return deps.repos.database.transaction(async trx => {
    await lockInModeration(deps, id, trx)
    const self = (await deps.repos.assessments.answers(id, trx)).find(a => a.questionKey === questionKey)
    const text = typeof input.rationale === 'string' && input.rationale.trim() !== '' ? input.rationale.trim() : null
    if (input.level !== self?.level && !text) {
      throw new ValidationError([
        {
          field: '/rationale',
          message: 'give a rationale for setting a level different from the self-assessed one',
        },
      ])
    }
    const existing = await deps.repos.moderations.findForUpdate(id, questionKey, trx)
    if ((existing?.revision ?? 0) !== input.revision) throw new ModerationConflictError(existing, questionKey)
    return recordModeration(deps, user, id, trx, {
      questionKey,
      level: input.level,
      rationale: text,
      existing,
      selfLevel: self?.level ?? null,
    })
  })
}

/** Locks the assessment and checks it is being moderated. */
export async function lockInModeration({ repos }: ModerationDeps, id: number, trx: Transaction): Promise<void> {
  const locked = await repos.assessments.lock(id, trx)
  if (!locked) throw new NotFoundError('There is no such assessment')
  if (locked.state !== 'in_moderation')
    throw new ConflictError('Only an assessment in moderation can be moderated: open it first')
}

/** Writes one checked moderation and its audit event, inside the caller's transaction and lock. */
export async function recordModeration(
  { repos, clock }: ModerationDeps,
  user: User,
  id: number,
  trx: Transaction,
  m: {
    questionKey: string
    level: number
    rationale: string | null
    existing: Moderation | undefined
    selfLevel: number | null
    agreedInBulk?: boolean
  },
): Promise<{ revision: number }> {
  const { questionKey, level, rationale, existing } = m
  const next = (existing?.revision ?? 0) + 1
  await repos.moderations.write(
    id,
    questionKey,
    { level, rationale, assessorId: user.id, revision: next, at: clock() },
    trx,
  )
  await repos.audit.record(
    {
      at: clock(),
      actorUserId: user.id,
      action: 'moderation.saved',
      entityType: 'assessment',
      entityId: id,
      before: existing
        ? { questionKey, level: existing.level, rationale: existing.rationale, revision: existing.revision }
        : { questionKey, selfLevel: m.selfLevel },
      after: { questionKey, level, rationale, revision: next, ...(m.agreedInBulk ? { agreedWithBorough: true } : {}) },
    },
    trx,
  )
  return { revision: next }
}
