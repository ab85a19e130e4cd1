import type { Knex } from 'knex'

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('partnerships', table => {
    table.increments('id')
    table.string('name', 200).notNullable().unique()
    table.text('description').notNullable().defaultTo('')
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })
  await knex.schema.createTable('partnership_members', table => {
    table.integer('partnership_id').notNullable().references('partnerships.id').onDelete('CASCADE')
    table.integer('organisation_id').notNullable().references('organisations.id').onDelete('CASCADE')
    table.primary(['partnership_id', 'organisation_id'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('partnership_members')
  await knex.schema.dropTable('partnerships')
}
