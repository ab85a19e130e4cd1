import { createHash, randomBytes } from 'node:crypto'
import {
  checkTokenInput,
  looksLikeToken,
  TOKEN_PREFIX,
  tokenStatus,
  VISIBLE_LENGTH,
  type ApiToken,
  type TokenStatus,
} from '../../domain/api-token'
import { NotFoundError, ValidationError } from '../../domain/errors'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { Clock } from '../clock'

const DAY_MS = 24 * 3600 * 1000

/*
 * A 256-bit random secret cannot be guessed, so it needs no slow password hash: SHA-256 is enough to make
 * a stolen copy of the table useless, and being deterministic it lets a request find its token by index.
 */
const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

export interface TokenForm {
  name?: unknown
  expiresInDays?: unknown
}

export interface ListedToken extends ApiToken {
  status: TokenStatus
}

export function tokenService(repos: Repositories, clock: Clock) {
  async function revokeOwned(actorUserId: number, ownerId: number, id: number): Promise<ApiToken> {
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

  return {
    async list(user: User): Promise<ListedToken[]> {
      const now = clock()
      return (await repos.tokens.forUser(user.id)).map(t => ({ ...t, status: tokenStatus(t, now) }))
    },

    /** Makes a token for the user; the secret is returned this once and never stored. */
    async create(user: User, form: TokenForm): Promise<{ secret: string; token: ApiToken }> {
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
    },

    /** Revokes one of the user's own tokens; anyone else's is as good as absent. */
    async revoke(user: User, id: number): Promise<ApiToken> {
      return revokeOwned(user.id, user.id, id)
    },

    /** An admin's view of one person's tokens: never the secrets, which are not stored. */
    async listForUser(userId: number): Promise<ListedToken[]> {
      const now = clock()
      return (await repos.tokens.forUser(userId)).map(t => ({ ...t, status: tokenStatus(t, now) }))
    },

    /** One of a person's tokens, for the admin's check page; another person's is as good as absent. */
    async findForUser(userId: number, id: number): Promise<ListedToken> {
      const token = await repos.tokens.findOwned(userId, id)
      if (!token) throw new NotFoundError('There is no such token')
      return { ...token, status: tokenStatus(token, clock()) }
    },

    /** An admin revokes one of another person's tokens (route-guarded to admins); audited as theirs. */
    async revokeForUser(admin: User, ownerId: number, id: number): Promise<ApiToken> {
      return revokeOwned(admin.id, ownerId, id)
    },

    /** The user a token acts for: undefined when it is unknown, malformed, expired, revoked or its user disabled. */
    async authenticate(secret: string): Promise<User | undefined> {
      if (!looksLikeToken(secret)) return undefined
      return repos.tokens.authenticate(hashToken(secret), clock())
    },
  }
}

export type TokenService = ReturnType<typeof tokenService>
