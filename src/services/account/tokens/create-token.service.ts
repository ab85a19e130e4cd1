import { randomBytes } from 'node:crypto'
import { checkTokenInput, TOKEN_PREFIX, VISIBLE_LENGTH, type ApiToken } from '../../../domain/api-token'
import { ValidationError } from '../../../domain/errors'
import type { User } from '../../../domain/user'
import type { Repositories } from '../../../data'
import type { Clock } from '../../clock'
import { hashToken } from './token-hash'

const DAY_MS = 24 * 3600 * 1000

export interface TokenForm {
  name?: unknown
  expiresInDays?: unknown
}

/** Makes a token for the user; the secret is returned this once and never stored. */
export function createTokenService(repos: Repositories, clock: Clock) {
  return async (user: User, form: TokenForm): Promise<{ secret: string; token: ApiToken }> => {
    const { value, errors } = checkTokenInput(form)
    if (!value) throw new ValidationError(errors)
    const secret = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`
    const createdAt = clock()
    const expiresAt = new Date(createdAt.getTime() + value.expiresInDays * DAY_MS)
    const token = await repos.database.transaction(async trx => {
      const created = await repos.tokens.create(
        {
          userId: user.id,
          name: value.name,
          tokenHash: hashToken(secret),
          prefix: secret.slice(0, VISIBLE_LENGTH),
          createdAt,
          expiresAt,
        },
        trx,
      )
      await repos.audit.record(
        {
          at: createdAt,
          actorUserId: user.id,
          action: 'api-token.created',
          entityType: 'api_token',
          entityId: created.id,
          after: { name: created.name, prefix: created.prefix, expiresAt: expiresAt.toISOString() },
        },
        trx,
      )
      return created
    })
    return { secret, token }
  }
}
