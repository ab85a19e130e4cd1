import type { Knex } from 'knex'

export async function up(knex: Knex): Promise<void> {
  // Reference data, like the authorities: one shared list so London's plans can be compared.
  await knex.schema.createTable('pipeline_categories', table => {
    table.string('key', 50).primary()
    table.string('name', 120).notNullable()
    table.smallint('position').notNullable()
    // The maturity dimension such a purchase usually serves, for joining plans to weaknesses.
    table.string('addresses', 100)
  })
  await knex.schema.createTable('pipeline_entries', table => {
    table.increments('id')
    table.integer('organisation_id').notNullable().references('organisations.id')
    table.string('category_key', 50).notNullable().references('pipeline_categories.key')
    table.string('current_system', 200)
    table.string('supplier', 200)
    table.date('contract_end')
    table.date('planned_start')
    table.string('route', 20).notNullable()
    table.string('value_band', 20).notNullable()
    table.string('status', 20).notNullable()
    // A dimension or theme key of the questionnaire the entry means to improve.
    table.string('addresses', 100)
    table.text('notes')
    table.boolean('shareable').notNullable().defaultTo(false)
    table.integer('revision').notNullable().defaultTo(1)
    table.timestamp('created_at', { useTz: true }).notNullable()
    table.timestamp('updated_at', { useTz: true }).notNullable()
    table.integer('updated_by').references('users.id')
    table.index(['organisation_id'])
    table.index(['category_key'])
  })
  await knex.raw(
    "alter table pipeline_entries add constraint pipeline_route_listed check (route in ('procure', 'build', 'extend', 'share'))",
  )
  await knex.raw(
    "alter table pipeline_entries add constraint pipeline_status_listed check (status in ('idea', 'planned', 'in_procurement', 'awarded', 'cancelled'))",
  )
  await knex.raw(
    "alter table pipeline_entries add constraint pipeline_value_band_listed check (value_band in ('under-100k', '100k-500k', '500k-1m', '1m-5m', '5m-plus', 'unknown'))",
  )
  await knex.raw(
    'alter table pipeline_entries add constraint pipeline_start_before_end check (planned_start is null or contract_end is null or planned_start <= contract_end)',
  )
  await knex.schema.createTable('service_priorities', table => {
    table.integer('organisation_id').notNullable().references('organisations.id')
    table.smallint('rank').notNullable()
    // A theme key of the questionnaire's service redesign dimension: the service areas boroughs assess.
    table.string('service_area', 100).notNullable()
    table.text('notes')
    table.timestamp('updated_at', { useTz: true }).notNullable()
    table.integer('updated_by').references('users.id')
    table.primary(['organisation_id', 'rank'])
    table.unique(['organisation_id', 'service_area'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('service_priorities')
  await knex.schema.dropTable('pipeline_entries')
  await knex.schema.dropTable('pipeline_categories')
}
