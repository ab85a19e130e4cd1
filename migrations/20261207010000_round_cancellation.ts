import type { Knex } from 'knex'

/*
 * A round that has not opened can be cancelled: it then never opens and takes no answers. Stored as when
 * it was cancelled, as closing early is stored in closed_at.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('rounds', table => {
    table.timestamp('cancelled_at', { useTz: true }).nullable()
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('rounds', table => {
    table.dropColumn('cancelled_at')
  })
}
