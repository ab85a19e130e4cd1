import { ConflictError } from '../../../domain/errors'
import type { Repositories } from '../../../data'
import type { Clock } from '../../clock'
import { fetchUserService } from './fetch-user.service'

/** Disables or enables an account; either way its tokens end, and disabling ends its sessions. */
export function setUserDisabledService(repos: Repositories, clock: Clock) {
  const get = fetchUserService(repos)
  return async (userId: number, disabled: boolean, actorUserId: number): Promise<void> => {
    const user = await get(userId)
    if (userId === actorUserId && disabled) throw new ConflictError('You cannot disable your own account')
    const at = clock()
    await repos.database.transaction(async trx => {
      await repos.users.setDisabled(userId, disabled ? at : null, trx)
      // Tokens end with the disabling, so enabling the account later does not bring them back. Enabling
      // revokes too: an account disabled before tokens ended this way may still hold some.
      const revoked = await repos.tokens.revokeAllForUser(userId, at, trx)
      await repos.audit.record(
        {
          at,
          actorUserId,
          action: disabled ? 'user.disabled' : 'user.enabled',
          entityType: 'user',
          entityId: userId,
          before: { disabled: user.disabled },
          after: { disabled, tokensRevoked: revoked.map(t => t.id) },
        },
        trx,
      )
    })
    if (disabled) await repos.sessions.destroyForUser(userId)
  }
}
