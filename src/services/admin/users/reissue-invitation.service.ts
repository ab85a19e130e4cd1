import type { Repositories } from '../../../data'
import type { Clock } from '../../clock'
import { fetchUserService } from './fetch-user.service'
import { issueInvitation } from './invitations'

/** A new link for someone invited before, or a reset link for someone who has a password. */
export function reissueInvitationService(repos: Repositories, clock: Clock) {
  const get = fetchUserService(repos)
  const issue = issueInvitation(repos, clock)
  return async (userId: number, actorUserId: number): Promise<{ token: string; expiresAt: Date }> => {
    const user = await get(userId)
    return repos.database.transaction(async trx => {
      const invitation = await issue(user.id, trx)
      await repos.audit.record(
        { actorUserId, action: 'user.invitation-reissued', entityType: 'user', entityId: user.id },
        trx,
      )
      return invitation
    })
  }
}
