import type { Knex } from 'knex'
import type { Db } from './db'

export function invitationRepository(knex: Knex) {
  return {
    async create(tokenHash: string, userId: number, expiresAt: Date, db: Db = knex): Promise<void> {
      // A new invitation replaces any unused one, so only the latest link works.
      await db('user_invitations').where({ user_id: userId }).whereNull('used_at').delete()
      await db('user_invitations').insert({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt })
    },

    async findUsable(tokenHash: string, now: Date, db: Db = knex): Promise<{ userId: number } | undefined> {
      const row = await db('user_invitations')
        .where({ token_hash: tokenHash })
        .whereNull('used_at')
        .andWhere('expires_at', '>', now)
        .first<{ user_id: number } | undefined>('user_id')
      return row && { userId: row.user_id }
    },

    /** Marks the token used; false when another request used it first. */
    async markUsed(tokenHash: string, now: Date, db: Db = knex): Promise<boolean> {
      const count = await db('user_invitations')
        .where({ token_hash: tokenHash })
        .whereNull('used_at')
        .update({ used_at: now })
      return count === 1
    },
  }
}

export type InvitationRepository = ReturnType<typeof invitationRepository>
