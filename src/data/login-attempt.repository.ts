import type { Knex } from 'knex'
import type { AttemptCount } from '../domain/login-throttle'

interface AttemptRow {
  key: string
  attempts: number
  window_ends_at: Date
}

/*
 * One statement counts an attempt under every key and returns the new counts: concurrent attempts each
 * see a different count, so no burst gets past a limit between a read and a write. A key whose window
 * has ended starts again at 1 with a new window.
 */
const COUNT = `
  insert into login_attempts (key, attempts, window_ends_at)
  select key, 1, window_ends_at from jsonb_to_recordset(?::jsonb) as v(key text, window_ends_at timestamptz)
  on conflict (key) do update set
    attempts = case when login_attempts.window_ends_at <= ? then 1 else login_attempts.attempts + 1 end,
    window_ends_at = case when login_attempts.window_ends_at <= ? then excluded.window_ends_at
                          else login_attempts.window_ends_at end
  returning key, attempts, window_ends_at`

export function loginAttemptRepository(knex: Knex) {
  return {
    /** Counts one attempt under each key, a window being opened where none is, and returns the counts. */
    async count(keys: { key: string; windowEndsAt: Date }[], now: Date): Promise<Map<string, AttemptCount>> {
      if (keys.length === 0) return new Map()
      const rows = JSON.stringify(keys.map(k => ({ key: k.key, window_ends_at: k.windowEndsAt.toISOString() })))
      const result = await knex.raw<{ rows: AttemptRow[] }>(COUNT, [rows, now, now])
      return new Map(
        result.rows.map(r => [r.key, { attempts: r.attempts, windowEndsAt: new Date(r.window_ends_at) }]),
      )
    },

    /** Gives back one attempt: a correct password should not use up what its address may try. */
    async giveBack(key: string): Promise<void> {
      await knex('login_attempts').where({ key }).andWhere('attempts', '>', 0).decrement('attempts', 1)
    },

    async clear(key: string): Promise<void> {
      await knex('login_attempts').where({ key }).delete()
    },
  }
}

export type LoginAttemptRepository = ReturnType<typeof loginAttemptRepository>
