import { createHash } from 'node:crypto'
import type { Knex } from 'knex'
import { deafFeed } from '../db/change-feed'
import { createCopies, type Copies } from '../db/copies'
import { toUser, type UserRow, type UserWithHash } from './user.repository'

/** A live session and the user it signs in, if any, as one row. */
export interface SessionWithUser {
  data: unknown
  user: UserWithHash | undefined
}

/**
 * A session is stored under the SHA-256 of its id, never the id: a copy of the table (a backup, a
 * replica, a support query) signs no one in.
 */
export const storedKeyOf = (sid: string): string => createHash('sha256').update(sid).digest('hex')

/** The database announces a session by the MD5 of its stored key (migration 20261129010000). */
const digestOf = (key: string): string => createHash('md5').update(key).digest('hex')


export function sessionRepository(knex: Knex, copies: Copies = createCopies(deafFeed())) {
  const kept = copies.sessions
  const dropOne = (key: string) => kept.drop(digestOf(key))

  return {
    /**
     * The session and its user in one round trip, or none from a copy: every signed-in request needs
     * both, and each trip to the database costs more than the query (see docs/benchmark.md).
     */
    async getWithUser(sid: string, now: Date): Promise<SessionWithUser | undefined> {
      const { key, digest } = kept.names(sid, storedKeyOf, digestOf)
      const copy = kept.get(digest, now)
      if (copy) return { data: JSON.parse(copy.data) as unknown, user: copy.user }
      const mark = kept.mark()
      const row = await knex('sessions as s')
        .leftJoin(
          'users as u',
          'u.id',
          knex.raw(`case when jsonb_typeof(s.data->'userId') = 'number' then (s.data->>'userId')::int end`),
        )
        .where('s.sid', key)
        .andWhere('s.expires_at', '>', now)
        .first<(Partial<UserRow> & { session_data: unknown; session_expires_at: Date }) | undefined>(
          's.data as session_data',
          's.expires_at as session_expires_at',
          'u.*',
        )
      if (!row) return undefined
      const { session_data: data, session_expires_at: expiresAt, ...user } = row
      const found = { data, user: user.id == null ? undefined : Object.freeze(toUser(user as UserRow)) }
      kept.keep(digest, { data: JSON.stringify(data), user: found.user, expiresAt: expiresAt.getTime() }, mark)
      return found
    },

    async set(sid: string, data: unknown, expiresAt: Date): Promise<void> {
      const key = storedKeyOf(sid)
      dropOne(key)
      await knex('sessions')
        .insert({ sid: key, data: JSON.stringify(data), expires_at: expiresAt })
        .onConflict('sid')
        .merge(['data', 'expires_at'])
      // Again once written: a read between the first drop and the commit may have kept the old.
      dropOne(key)
    },

    async touch(sid: string, expiresAt: Date): Promise<void> {
      const key = storedKeyOf(sid)
      dropOne(key)
      await knex('sessions').where({ sid: key }).update({ expires_at: expiresAt })
      dropOne(key)
    },

    async destroy(sid: string): Promise<void> {
      const key = storedKeyOf(sid)
      dropOne(key)
      await knex('sessions').where({ sid: key }).delete()
      dropOne(key)
    },

    /**
     * Ends every session of one user (after they are disabled or given a new password, their open
     * browsers are signed out), except the one named, which is the browser that asked.
     */
    async destroyForUser(userId: number, exceptSid?: string): Promise<number> {
      kept.drop(undefined, userId)
      const query = knex('sessions').whereRaw(`(data->>'userId')::int = ?`, [userId])
      if (exceptSid !== undefined) query.whereNot('sid', storedKeyOf(exceptSid))
      return query.delete()
    },

    async prune(now: Date): Promise<number> {
      return knex('sessions').where('expires_at', '<=', now).delete()
    },
  }
}

export type SessionRepository = ReturnType<typeof sessionRepository>
