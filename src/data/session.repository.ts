import { createHash } from 'node:crypto'
import type { Knex } from 'knex'
import { deafFeed, type ChangeFeed } from '../db/change-feed'
import { toUser, type UserRow, type UserWithHash } from './user.repository'

/** A live session and the user it signs in, if any, as one row. */
export interface SessionWithUser {
  data: unknown
  user: UserWithHash | undefined
}

/** A copy of a live session and its user, and what it was read under (see ChangeFeed). */
interface Kept {
  data: string
  user: UserWithHash | undefined
  expiresAt: number
  deafness: number
}

/** Enough for every signed-in user of a busy day; past it the copies start again rather than grow. */
const KEPT_SESSIONS = 50_000

/** Sessions are named by the MD5 of their id wherever they are kept or announced, so ids never travel. */
const digestOf = (sid: string) => createHash('md5').update(sid).digest('hex')

export function sessionRepository(knex: Knex, changes: ChangeFeed = deafFeed()) {
  /**
   * Every signed-in request reads its session and user; on this hardware each trip to the database costs
   * more than the query. So copies are kept, and dropped the moment this or any process changes the
   * session or the user (the database announces both), and trusted only while the feed is live.
   */
  const kept = new Map<string, Kept>()
  // Counts drops, so that a read overtaken by one is not kept.
  let drops = 0
  const drop = (digest?: string, userId?: number) => {
    drops++
    if (digest) kept.delete(digest)
    else if (userId === undefined) kept.clear()
    else for (const [key, copy] of kept) if (copy.user?.id === userId) kept.delete(key)
  }
  changes.onChange(change => {
    if (change.kind === 'session') drop(change.key === '*' ? undefined : change.key)
    else if (change.kind === 'user') drop(undefined, change.key === '*' ? undefined : Number(change.key))
  })

  return {
    /**
     * The session and its user in one round trip: every signed-in request needs both, and each trip to
     * the database costs more than the query (see docs/benchmark.md).
     */
    async getWithUser(sid: string, now: Date): Promise<SessionWithUser | undefined> {
      const digest = digestOf(sid)
      const copy = kept.get(digest)
      if (copy && changes.live && copy.deafness === changes.deafness && copy.expiresAt > now.getTime()) {
        return { data: JSON.parse(copy.data) as unknown, user: copy.user }
      }
      const [dropsBefore, deafness] = [drops, changes.deafness]
      const row = await knex('sessions as s')
        .leftJoin(
          'users as u',
          'u.id',
          knex.raw(`case when jsonb_typeof(s.data->'userId') = 'number' then (s.data->>'userId')::int end`),
        )
        .where('s.sid', sid)
        .andWhere('s.expires_at', '>', now)
        .first<(Partial<UserRow> & { session_data: unknown; session_expires_at: Date }) | undefined>(
          's.data as session_data',
          's.expires_at as session_expires_at',
          'u.*',
        )
      if (!row) return undefined
      const { session_data: data, session_expires_at: expiresAt, ...user } = row
      const found = { data, user: user.id == null ? undefined : Object.freeze(toUser(user as UserRow)) }
      if (changes.live && drops === dropsBefore && changes.deafness === deafness) {
        if (kept.size >= KEPT_SESSIONS) kept.clear()
        kept.set(digest, { data: JSON.stringify(data), user: found.user, expiresAt: expiresAt.getTime(), deafness })
      }
      return found
    },

    async set(sid: string, data: unknown, expiresAt: Date): Promise<void> {
      drop(digestOf(sid))
      await knex('sessions')
        .insert({ sid, data: JSON.stringify(data), expires_at: expiresAt })
        .onConflict('sid')
        .merge(['data', 'expires_at'])
      // Again once written: a read between the first drop and the commit may have kept the old.
      drop(digestOf(sid))
    },

    async touch(sid: string, expiresAt: Date): Promise<void> {
      drop(digestOf(sid))
      await knex('sessions').where({ sid }).update({ expires_at: expiresAt })
      drop(digestOf(sid))
    },

    async destroy(sid: string): Promise<void> {
      drop(digestOf(sid))
      await knex('sessions').where({ sid }).delete()
      drop(digestOf(sid))
    },

    /**
     * Ends every session of one user (after they are disabled or given a new password, their open
     * browsers are signed out), except `exceptSid`: the browser that set the password keeps its own.
     */
    async destroyForUser(userId: number, exceptSid?: string): Promise<number> {
      drop(undefined, userId)
      const sessions = knex('sessions').whereRaw(`(data->>'userId')::int = ?`, [userId])
      return (exceptSid === undefined ? sessions : sessions.whereNot('sid', exceptSid)).delete()
    },

    async prune(now: Date): Promise<number> {
      return knex('sessions').where('expires_at', '<=', now).delete()
    },
  }
}

export type SessionRepository = ReturnType<typeof sessionRepository>
