import type { Knex } from 'knex'

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sessions', table => {
    table.string('sid', 128).primary()
    table.jsonb('data').notNullable()
    table.timestamp('expires_at', { useTz: true }).notNullable().index()
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sessions')
}
