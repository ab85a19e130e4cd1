import type { Knex } from 'knex'

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('user_invitations', table => {
    // Only a hash of the token is stored, so a copy of the database cannot be used to take over accounts.
    table.string('token_hash', 64).primary()
    table.integer('user_id').notNullable().references('users.id').onDelete('CASCADE')
    table.timestamp('expires_at', { useTz: true }).notNullable()
    table.timestamp('used_at', { useTz: true })
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('user_invitations')
}
