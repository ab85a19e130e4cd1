import type { Knex } from 'knex'

export function sessionRepository(knex: Knex) {
  return {
    async get(sid: string, now: Date): Promise<unknown> {
      const row = await knex('sessions')
        .where({ sid })
        .andWhere('expires_at', '>', now)
        .first<{ data: unknown } | undefined>('data')
      return row?.data
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
