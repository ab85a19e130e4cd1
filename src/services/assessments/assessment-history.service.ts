import type { User } from '../../domain/user'
import { loadAssessment, type AssessmentDeps } from './assessment-access'

/** Every change to the assessment, oldest first, with who made it. */
export function assessmentHistory(deps: AssessmentDeps) {
  const { repos } = deps
  return async function history(user: User, id: number) {
    await loadAssessment(deps, user, id)
    const events = await repos.audit.forEntity('assessment', id)
    const users = new Map((await repos.users.list()).map(u => [u.id, u.name]))
    return events.map(e => ({
      ...e,
      actorName: e.actorUserId === null ? 'The service' : (users.get(e.actorUserId) ?? 'A former user'),
    }))
  }
}
