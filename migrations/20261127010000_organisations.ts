import type { Knex } from 'knex'

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('organisations', table => {
    table.increments('id')
    table.string('gss', 9).notNullable().unique()
    table.string('name', 120).notNullable()
    table.string('official_name', 200).notNullable()
    table.string('slug', 120).notNullable().unique()
    table.boolean('inner_london').notNullable()
    table.smallint('tile_x')
    table.smallint('tile_y')
    table.unique(['tile_x', 'tile_y'])
  })
  await knex.raw(`alter table organisations add constraint organisations_gss_format check (gss ~ '^[EWSN][0-9]{8}$')`)
  await knex.raw(
    `alter table organisations add constraint organisations_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')`,
  )

  await knex.schema.createTable('organisation_neighbours', table => {
    table.integer('organisation_id').notNullable().references('organisations.id').onDelete('CASCADE')
    table.integer('neighbour_id').notNullable().references('organisations.id').onDelete('CASCADE')
    table.primary(['organisation_id', 'neighbour_id'])
  })
  await knex.raw(
    'alter table organisation_neighbours add constraint organisation_neighbours_not_self check (organisation_id <> neighbour_id)',
  )
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('organisation_neighbours')
  await knex.schema.dropTable('organisations')
}
