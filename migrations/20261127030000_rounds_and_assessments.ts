import type { Knex } from 'knex'

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('rounds', table => {
    table.increments('id')
    table.string('name', 120).notNullable()
    table.integer('questionnaire_version_id').notNullable().references('questionnaire_versions.id')
    // Calendar dates in London: open from the start of opens_on to the end of closes_on.
    table.date('opens_on').notNullable()
    table.date('closes_on').notNullable()
    table.timestamp('closed_at', { useTz: true })
    table.integer('created_by').references('users.id')
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })
  await knex.raw('alter table rounds add constraint rounds_dates_in_order check (closes_on >= opens_on)')
  // Names are unique whatever their case: "2026 Assessment" and "2026 assessment" are one round.
  await knex.raw('create unique index rounds_name_unique on rounds (lower(name))')

  await knex.schema.createTable('assessments', table => {
    table.increments('id')
    table.integer('round_id').notNullable().references('rounds.id')
    table.integer('organisation_id').notNullable().references('organisations.id')
    table.string('state', 20).notNullable().defaultTo('not_started')
    // Bumped on every change of state, so a stale submit or moderation decision is caught.
    table.integer('revision').notNullable().defaultTo(0)
    table.timestamp('submitted_at', { useTz: true })
    table.integer('submitted_by').references('users.id')
    table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    table.unique(['round_id', 'organisation_id'])
    table.index(['organisation_id'])
  })
  await knex.raw(
    `alter table assessments add constraint assessments_state_valid check (state in ('not_started', 'in_progress', 'submitted', 'in_moderation', 'returned', 'moderated'))`,
  )
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('assessments')
  await knex.schema.dropTable('rounds')
}
