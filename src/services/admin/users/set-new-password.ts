import type { Repositories } from '../../../data'
import type { Transaction } from '../../../data/db'

/**
 * A new password shuts out whoever knew the old one: every personal access token of the person is
 * revoked here, in the caller's transaction and audited with it; the caller ends the other sessions
 * once it has committed.
 */
export function setNewPassword(repos: Repositories) {
  return async (
    userId: number,
    passwordHash: string,
    at: Date,
    trx: Transaction,
    action: 'user.password-set' | 'user.password-changed' = 'user.password-set',
  ): Promise<void> => {
    await repos.users.setPasswordHash(userId, passwordHash, trx)
    const revoked = await repos.tokens.revokeAllForUser(userId, at, trx)
    await repos.audit.record(
      {
        at,
        actorUserId: userId,
        action,
        entityType: 'user',
        entityId: userId,
        after: { tokensRevoked: revoked.map(t => t.id), otherSessionsEnded: true },
      },
      trx,
    )
  }
}
