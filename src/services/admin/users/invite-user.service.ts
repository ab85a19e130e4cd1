import type { Repositories } from '../../../data'
import type { Clock } from '../../clock'
import { issueInvitation } from './invitations'
import { emailTaken, resolveUserInput, type UserForm } from './user-input'

/** Creates an account without a password and returns a one-time link for the person to set one. */
export function inviteUserService(repos: Repositories, clock: Clock) {
  const issue = issueInvitation(repos, clock)
  return async (
    form: UserForm,
    actorUserId: number | null,
  ): Promise<{ userId: number; token: string; expiresAt: Date }> => {
    const input = await resolveUserInput(repos, form)
    return repos.database.transaction(async trx => {
      if (await repos.users.findByEmail(input.email, trx)) throw emailTaken()
      const userId = await repos.users.create(input, null, trx)
      const invitation = await issue(userId, trx)
      await repos.audit.record(
        { actorUserId, action: 'user.invited', entityType: 'user', entityId: userId, after: input },
        trx,
      )
      return { userId, ...invitation }
    })
  }
}
