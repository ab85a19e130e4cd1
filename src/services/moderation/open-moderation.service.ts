import type { AssessmentState } from '../../domain/assessment/workflow'
import type { User } from '../../domain/user'
import { moveAssessment, type ModerationDeps } from './moderation-access'

/** Opening a submitted assessment starts its moderation. */
export function openModeration(deps: ModerationDeps) {
  return async function open(user: User, id: number): Promise<AssessmentState> {
    return moveAssessment(deps, user, id, 'open_moderation')
  }
}
