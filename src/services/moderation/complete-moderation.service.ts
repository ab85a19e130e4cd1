import type { AssessmentState } from '../../domain/assessment/workflow'
import { ValidationError } from '../../domain/errors'
import type { User } from '../../domain/user'
import { moveAssessment, type ModerationDeps } from './moderation-access'

/** Completes a moderation, with the assessor's overall comment if there is one. */
export function completeModeration(deps: ModerationDeps) {
  return async function complete(user: User, id: number, comment?: unknown): Promise<AssessmentState> {
    if (comment !== undefined && comment !== null && typeof comment !== 'string')
      throw new ValidationError([{ field: '/comment', message: 'must be text' }])
    const text = typeof comment === 'string' ? comment.trim() : ''
    // The comment is optional: with none there is nothing to write (an empty update is an error in knex).
    return moveAssessment(deps, user, id, 'complete', async trx => {
      if (text !== '') await deps.repos.moderations.setComments(id, { moderation: text }, trx)
    })
  }
}
