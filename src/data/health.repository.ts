import type { Knex } from 'knex'

export function healthRepository(knex: Knex) {
  return {
    async ping(): Promise<void> {
      await knex.raw('select 1')
    },
    /** Runs work in one transaction; services use it so a change and its audit event land together. */
    transaction<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
      return knex.transaction(work)
    },
  }
}
