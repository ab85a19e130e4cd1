import type { Knex } from 'knex'
import { toUser, type UserRow, type UserWithHash } from './user.repository'

/** A live session and the user it signs in, if any, as one row. */
export interface SessionWithUser {
  data: unknown
  user: UserWithHash | undefined
}

export function sessionRepository(knex: Knex) {
  return {
    async get(sid: string, now: Date): Promise<unknown> {
      const row = await knex('sessions')
        .where({ sid })
        .andWhere('expires_at', '>', now)
        .first<{ data: unknown } | undefined>('data')
      return row?.data
    },

    /**
     * The session and its user in one round trip: every signed-in request needs both, and each trip to
     * the database costs more than the query (see docs/benchmark.md).
     */
    async getWithUser(sid: string, now: Date): Promise<SessionWithUser | undefined> {
      const row = await knex('sessions as s')
        .leftJoin('users as u', 'u.id', knex.raw(`case when jsonb_typeof(s.data->'userId') = 'number' then (s.data->>'userId')::int end`))
        .where('s.sid', sid)
        .andWhere('s.expires_at', '>', now)
        .first<(Partial<UserRow> & { session_data: unknown }) | undefined>('s.data as session_data', 'u.*')
      if (!row) return undefined
      const { session_data: data, ...user } = row
      return { data, user: user.id == null ? undefined : toUser(user as UserRow) }
    },

    async set(sid: string, data: unknown, expiresAt: Date): Promise<void> {
      await knex('sessions')
        .insert({ sid, data: JSON.stringify(data), expires_at: expiresAt })
        .onConflict('sid')
        .merge(['data', 'expires_at'])
    },

    async touch(sid: string, expiresAt: Date): Promise<void> {
      await knex('sessions').where({ sid }).update({ expires_at: expiresAt })
    },

    async destroy(sid: string): Promise<void> {
      await knex('sessions').where({ sid }).delete()
    },

    /** Ends every session of one user: after they are disabled, their open browsers are signed out. */
    async destroyForUser(userId: number): Promise<number> {
      return knex('sessions').whereRaw(`(data->>'userId')::int = ?`, [userId]).delete()
    },

    async prune(now: Date): Promise<number> {
      return knex('sessions').where('expires_at', '<=', now).delete()
    },
  }
}

export type SessionRepository = ReturnType<typeof sessionRepository>
