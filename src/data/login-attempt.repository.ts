import type { Knex } from 'knex'
import type { AttemptRecord } from '../domain/login-throttle'

export function loginAttemptRepository(knex: Knex) {
  return {
    async find(keys: string[]): Promise<Map<string, AttemptRecord>> {
      const rows = await knex('login_attempts')
        .whereIn('key', keys)
        .select<{ key: string; failures: number; last_failure_at: Date }[]>('*')
      return new Map(rows.map(r => [r.key, { failures: r.failures, lastFailureAt: r.last_failure_at }]))
    },

    /** One atomic upsert per key, so concurrent failures are all counted; stale records start again at 1. */
    async recordFailure(keys: string[], now: Date, forgetBefore: Date): Promise<void> {
      if (keys.length === 0) return
      await knex('login_attempts')
        .insert(keys.map(key => ({ key, failures: 1, last_failure_at: now })))
        .onConflict('key')
        .merge({
          failures: knex.raw('case when login_attempts.last_failure_at <= ? then 1 else login_attempts.failures + 1 end', [
            forgetBefore,
          ]),
          last_failure_at: now,
        })
    },

    async clear(key: string): Promise<void> {
      await knex('login_attempts').where({ key }).delete()
    },
  }
}

export type LoginAttemptRepository = ReturnType<typeof loginAttemptRepository>
