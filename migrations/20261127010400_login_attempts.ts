import type { Knex } from 'knex'

export async function up(knex: Knex): Promise<void> {
  // One row per account or address that has recently failed to sign in.
  await knex.schema.createTable('login_attempts', table => {
    table.string('key', 300).primary()
    table.integer('failures').notNullable()
    table.timestamp('last_failure_at', { useTz: true }).notNullable()
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('login_attempts')
}
