import type { User } from '../../../domain/user'
import type { Repositories } from '../../../data'
import type { Clock } from '../../clock'
import { withoutHash } from './fetch-user.service'
import { hashInvitationToken } from './invitations'

/** The person an invitation link is for, while it is unused, unexpired and their account enabled. */
export function findInvitationService(repos: Repositories, clock: Clock) {
  return async (token: string): Promise<User | undefined> => {
    const invitation = await repos.invitations.findUsable(hashInvitationToken(token), clock())
    if (!invitation) return undefined
    const user = await repos.users.findById(invitation.userId)
    return user && !user.disabled ? withoutHash(user) : undefined
  }
}
