import type { Knex } from 'knex'

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('api_tokens', table => {
    table.increments('id')
    table.integer('user_id').notNullable().references('users.id').onDelete('CASCADE').index()
    table.string('name', 100).notNullable()
    // Only a hash is kept, so a copy of the database cannot call the API; unique, so a request finds its token by index.
    table.string('token_hash', 64).notNullable().unique()
    table.string('prefix', 12).notNullable()
    table.timestamp('created_at', { useTz: true }).notNullable()
    table.timestamp('expires_at', { useTz: true }).notNullable()
    table.timestamp('last_used_at', { useTz: true })
    table.timestamp('revoked_at', { useTz: true })
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('api_tokens')
}
