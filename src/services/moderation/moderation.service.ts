import { transition, type AssessmentState, type WorkflowAction } from '../../domain/assessment/workflow'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors'
import { allQuestions } from '../../domain/questionnaire/definition'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { Transaction } from '../../data/db'
import type { Moderation } from '../../domain/assessment/moderation'
import type { Clock } from '../clock'
import type { QuestionnaireService } from '../admin/questionnaire.service'

export const RATIONALE_MAX_LENGTH = 2000
export const COMMENT_MAX_LENGTH = 5000

/** A moderation save based on a stale revision: another assessor got there first. */
export class ModerationConflictError extends ConflictError {
  constructor(readonly current: Moderation | undefined) {
    super('Another assessor changed this moderation since you loaded it')
  }
}

const MODERATORS = ['assessor', 'admin']

export function moderationService(repos: Repositories, questionnaires: QuestionnaireService, clock: Clock) {
  /** The assessment, if this user may moderate it: a central moderator, never of their own organisation. */
  async function moderatable(user: User, id: number) {
    const assessment = Number.isSafeInteger(id) ? await repos.assessments.findById(id) : undefined
    if (!assessment) throw new NotFoundError('There is no such assessment')
    if (!MODERATORS.includes(user.role)) throw new ForbiddenError('Only assessors can moderate assessments')
    if (user.organisationId === assessment.organisationId) {
      throw new ForbiddenError('You cannot moderate your own organisation’s assessment')
    }
    return assessment
  }

  async function move(
    user: User,
    id: number,
    action: WorkflowAction,
    extra: (trx: Transaction) => Promise<unknown> = () => Promise.resolve(),
  ) {
    await moderatable(user, id)
    return repos.database.transaction(async trx => {
      const assessment = await repos.assessments.lock(id, trx)
      if (!assessment) throw new NotFoundError('There is no such assessment')
      const next = transition(assessment.state, action)
      if (!next.allowed) throw new ConflictError(next.reason)
      await extra(trx)
      await repos.assessments.setState(id, next.to, {}, trx)
      await repos.audit.record(
        {
          at: clock(),
          actorUserId: user.id,
          action: `assessment.${action}`,
          entityType: 'assessment',
          entityId: id,
          before: { state: assessment.state },
          after: { state: next.to },
        },
        trx,
      )
      return next.to
    })
  }

  return {
    /** Opening a submitted assessment starts its moderation. */
    async open(user: User, id: number): Promise<AssessmentState> {
      return move(user, id, 'open_moderation')
    },

    async moderate(
      user: User,
      id: number,
      questionKey: string,
      body: Record<string, unknown>,
    ): Promise<{ revision: number }> {
      const assessment = await moderatable(user, id)
      const round = await repos.rounds.findById(assessment.roundId)
      if (!round) throw new Error(`assessment ${id} has lost its round`)
      const definition = await questionnaires.definitionOf(round.questionnaireKey, round.questionnaireVersion)
      const question = allQuestions(definition).find(l => l.question.key === questionKey)?.question
      if (!question) throw new NotFoundError(`There is no question "${questionKey}" in this questionnaire`)
      if (question.type !== 'maturity')
        throw new ValidationError([{ field: '', message: 'only maturity questions are moderated' }])

      const errors: { field: string; message: string }[] = []
      const { level, rationale, revision } = body
      if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 5)
        errors.push({ field: '/level', message: 'must be a whole number from 1 to 5' })
      if (rationale !== undefined && rationale !== null && typeof rationale !== 'string')
        errors.push({ field: '/rationale', message: 'must be text' })
      else if (typeof rationale === 'string' && rationale.length > RATIONALE_MAX_LENGTH)
        errors.push({
          field: '/rationale',
          message: `must be ${RATIONALE_MAX_LENGTH.toLocaleString('en-GB')} characters or fewer`,
        })
      if (typeof revision !== 'number' || !Number.isSafeInteger(revision) || revision < 0)
        errors.push({
          field: '/revision',
          message: 'must be the whole-number revision the change was based on (0 for a first moderation)',
        })
      if (errors.length > 0) throw new ValidationError(errors)

      return repos.database.transaction(async trx => {
        const locked = await repos.assessments.lock(id, trx)
        if (!locked) throw new NotFoundError('There is no such assessment')
        if (locked.state !== 'in_moderation')
          throw new ConflictError('Only an assessment in moderation can be moderated: open it first')
        const self = (await repos.assessments.answers(id, trx)).find(a => a.questionKey === questionKey)
        const text = typeof rationale === 'string' && rationale.trim() !== '' ? rationale.trim() : null
        if (level !== self?.level && !text) {
          throw new ValidationError([
            {
              field: '/rationale',
              message: 'give a rationale for setting a level different from the self-assessed one',
            },
          ])
        }
        const existing = await repos.moderations.findForUpdate(id, questionKey, trx)
        if ((existing?.revision ?? 0) !== revision) throw new ModerationConflictError(existing)
        const next = (existing?.revision ?? 0) + 1
        await repos.moderations.write(
          id,
          questionKey,
          { level: level as number, rationale: text, assessorId: user.id, revision: next, at: clock() },
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
              : { questionKey, selfLevel: self?.level ?? null },
            after: { questionKey, level, rationale: text, revision: next },
          },
          trx,
        )
        return { revision: next }
      })
    },

    async returnToBorough(user: User, id: number, comment: unknown): Promise<AssessmentState> {
      if (typeof comment !== 'string' || comment.trim() === '') {
        throw new ValidationError([{ field: '/comment', message: 'say what the borough needs to change' }])
      }
      if (comment.length > COMMENT_MAX_LENGTH)
        throw new ValidationError([
          { field: '/comment', message: `must be ${COMMENT_MAX_LENGTH.toLocaleString('en-GB')} characters or fewer` },
        ])
      return move(user, id, 'return', trx => repos.moderations.setComments(id, { returned: comment.trim() }, trx))
    },

    async complete(user: User, id: number, comment?: unknown): Promise<AssessmentState> {
      if (comment !== undefined && comment !== null && typeof comment !== 'string')
        throw new ValidationError([{ field: '/comment', message: 'must be text' }])
      const text = typeof comment === 'string' ? comment.trim() : ''
      // The comment is optional: with none there is nothing to write (an empty update is an error in knex).
      return move(user, id, 'complete', async trx => {
        if (text !== '') await repos.moderations.setComments(id, { moderation: text }, trx)
      })
    },

    /** What a moderator sees of an assessment's moderation: refused, as every write is, to its own organisation. */
    async forModerator(
      user: User,
      id: number,
    ): Promise<{ moderations: Moderation[]; comments: { moderation: string | null; returned: string | null } }> {
      await moderatable(user, id)
      const [moderations, comments] = await Promise.all([
        repos.moderations.forAssessment(id),
        repos.moderations.comments(id),
      ])
      return { moderations, comments }
    },

    async forAssessment(id: number): Promise<Moderation[]> {
      return repos.moderations.forAssessment(id)
    },
  }
}

export type ModerationService = ReturnType<typeof moderationService>
