import type { Moderation } from '../../domain/assessment/moderation'
import type { User } from '../../domain/user'
import { moderatable, type ModerationDeps } from './moderation-access'

/** What a moderator sees of an assessment's moderation: refused, as every write is, to its own organisation. */
export function viewModeration(deps: ModerationDeps) {
  const { repos } = deps
  return async function forModerator(
    user: User,
    id: number,
  ): Promise<{ moderations: Moderation[]; comments: { moderation: string | null; returned: string | null } }> {
    await moderatable(deps, user, id)
    const [moderations, comments] = await Promise.all([
      repos.moderations.forAssessment(id),
      repos.moderations.comments(id),
    ])
    return { moderations, comments }
  }
}

/** An assessment's moderations, for callers that have already decided who may see them. */
export function moderationsOf({ repos }: ModerationDeps) {
  return async function forAssessment(id: number): Promise<Moderation[]> {
    return repos.moderations.forAssessment(id)
  }
}
