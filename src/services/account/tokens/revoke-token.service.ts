import type { ApiToken } from '../../../domain/api-token'
import { NotFoundError } from '../../../domain/errors'
import type { Repositories } from '../../../data'
import type { Clock } from '../../clock'

/**
 * Revokes one of the owner's tokens, audited as the actor's: the owner themselves, or an admin (the
 * route sees to that). Another person's token is as good as absent.
 */
export function revokeTokenService(repos: Repositories, clock: Clock) {
  return async (actorUserId: number, ownerId: number, id: number): Promise<ApiToken> => {
    const at = clock()
    return repos.database.transaction(async trx => {
      const revoked = await repos.tokens.revoke(ownerId, id, at, trx)
      if (!revoked) {
        // Revoking twice (a double click, a second tab) is not an error, and is audited once.
        const existing = await repos.tokens.findOwned(ownerId, id, trx)
        if (!existing) throw new NotFoundError('There is no such token')
        return existing
      }
      await repos.audit.record(
        {
          at,
          actorUserId,
          action: 'api-token.revoked',
          entityType: 'api_token',
          entityId: revoked.id,
          before: { revokedAt: null },
          after: { name: revoked.name, prefix: revoked.prefix, userId: ownerId, revokedAt: at.toISOString() },
        },
        trx,
      )
      return revoked
    })
  }
}
