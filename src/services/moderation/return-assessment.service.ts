import type { AssessmentState } from '../../domain/assessment/workflow'
import { ValidationError } from '../../domain/errors'
import type { User } from '../../domain/user'
import { moveAssessment, type ModerationDeps } from './moderation-access'
import { wholeNumber } from '../../domain/format/plurals'

export const COMMENT_MAX_LENGTH = 5000

/** Sends an assessment in moderation back to the borough, saying what it needs to change. */
export function returnAssessment(deps: ModerationDeps) {
  return async function returnToBorough(user: User, id: number, comment: unknown): Promise<AssessmentState> {
    if (typeof comment !== 'string' || comment.trim() === '') {
      throw new ValidationError([{ field: '/comment', message: 'say what the borough needs to change' }])
    }
    if (comment.length > COMMENT_MAX_LENGTH)
      throw new ValidationError([
        { field: '/comment', message: `must be ${wholeNumber(COMMENT_MAX_LENGTH)} characters or fewer` },
      ])
    return moveAssessment(deps, user, id, 'return', trx =>
      deps.repos.moderations.setComments(id, { returned: comment.trim() }, trx),
    )
  }
}
