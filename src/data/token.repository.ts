import type { Knex } from 'knex'
import type { ApiToken } from '../domain/api-token'
import type { Role } from '../domain/roles'
import type { User } from '../domain/user'
import type { Db } from './db'

interface TokenRow {
  id: number
  user_id: number
  name: string
  prefix: string
  created_at: Date
  expires_at: Date
  last_used_at: Date | null
  revoked_at: Date | null
}

interface TokenUserRow {
  id: number
  email: string
  name: string
  role: Role
  organisation_id: number | null
  has_password: boolean
  last_signed_in_at: Date | null
}

const toToken = (row: TokenRow): ApiToken => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
})

const toUser = (row: TokenUserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  organisationId: row.organisation_id,
  disabled: false,
  hasPassword: row.has_password,
  lastSignedInAt: row.last_signed_in_at,
})

/*
 * One statement per API request: find the live token and its enabled user by the unique hash, and note
 * the use. The note is written at most once a minute per token, so a busy client does not queue on the
 * token's row lock with every call.
 */
const AUTHENTICATE = `
  with found as (
    select t.id as token_id, u.id, u.email, u.name, u.role, u.organisation_id,
           u.password_hash is not null as has_password, u.last_signed_in_at
    from api_tokens t join users u on u.id = t.user_id
    where t.token_hash = ? and t.revoked_at is null and t.expires_at > ? and u.disabled_at is null
  ), touched as (
    update api_tokens set last_used_at = ?
    where id = (select token_id from found) and (last_used_at is null or last_used_at <= ?)
  )
  select * from found`

export const LAST_USED_RESOLUTION_MS = 60_000

export function tokenRepository(knex: Knex) {
  return {
    async create(
      input: { userId: number; name: string; tokenHash: string; prefix: string; createdAt: Date; expiresAt: Date },
      db: Db = knex,
    ): Promise<ApiToken> {
      const [row] = await db('api_tokens')
        .insert({
          user_id: input.userId,
          name: input.name,
          token_hash: input.tokenHash,
          prefix: input.prefix,
          created_at: input.createdAt,
          expires_at: input.expiresAt,
        })
        .returning<TokenRow[]>(['id', 'user_id', 'name', 'prefix', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'])
      if (!row) throw new Error('insert returned no token')
      return toToken(row)
    },

    async forUser(userId: number, db: Db = knex): Promise<ApiToken[]> {
      const rows = await db<TokenRow>('api_tokens').where({ user_id: userId }).orderBy('id', 'desc')
      return rows.map(toToken)
    },

    /** Revokes one of the user's live tokens; undefined when it is not theirs or was already revoked. */
    async revoke(userId: number, id: number, at: Date, db: Db = knex): Promise<ApiToken | undefined> {
      const [row] = await db('api_tokens')
        .where({ id, user_id: userId })
        .whereNull('revoked_at')
        .update({ revoked_at: at })
        .returning<TokenRow[]>('*')
      return row && toToken(row)
    },

    /** Revokes every live token of the user at once, returning those it revoked. */
    async revokeAllForUser(userId: number, at: Date, db: Db = knex): Promise<ApiToken[]> {
      const rows = await db('api_tokens')
        .where({ user_id: userId })
        .whereNull('revoked_at')
        .update({ revoked_at: at })
        .returning<TokenRow[]>('*')
      return rows.map(toToken).sort((a, b) => a.id - b.id)
    },

    async findOwned(userId: number, id: number, db: Db = knex): Promise<ApiToken | undefined> {
      const row = await db<TokenRow>('api_tokens').where({ id, user_id: userId }).first()
      return row && toToken(row)
    },

    /** The enabled user behind a live token, or undefined; records the use. */
    async authenticate(tokenHash: string, now: Date, db: Db = knex): Promise<User | undefined> {
      const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS)
      const result = await db.raw<{ rows: TokenUserRow[] }>(AUTHENTICATE, [tokenHash, now, now, staleBefore])
      const row = result.rows[0]
      return row && toUser(row)
    },
  }
}

export type TokenRepository = ReturnType<typeof tokenRepository>
