import type { Knex } from 'knex'

/**
 * Sessions are stored under the SHA-256 of their id from now on (src/data/session.repository.ts), in the
 * same `sid` column, which the change triggers announce by name. Rows stored under a bare id would never
 * be found again, so they go: everyone signs in once more after this upgrade.
 */
export async function up(knex: Knex): Promise<void> {
  await knex('sessions').delete()
}

export async function down(knex: Knex): Promise<void> {
  // The ids cannot be recovered from their hashes: going back signs everyone out too.
  await knex('sessions').delete()
}
