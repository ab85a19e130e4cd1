import type { Knex } from 'knex'

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', table => {
    table.increments('id')
    table.string('email', 254).notNullable().unique()
    table.string('name', 120).notNullable()
    table.string('role', 20).notNullable()
    table.integer('organisation_id').references('organisations.id')
    // Null until an invited person sets their own password.
    table.text('password_hash')
    table.timestamp('disabled_at', { useTz: true })
    table.timestamp('last_signed_in_at', { useTz: true })
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })
  await knex.raw(
    `alter table users add constraint users_role_valid check (role in ('respondent', 'assessor', 'analyst', 'admin'))`,
  )
  // A respondent always belongs to one organisation; the central roles may too (an assessor's own borough).
  await knex.raw(
    `alter table users add constraint users_respondent_has_organisation check (role <> 'respondent' or organisation_id is not null)`,
  )
  await knex.raw(`alter table users add constraint users_email_lower_case check (email = lower(email))`)
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('users')
}
