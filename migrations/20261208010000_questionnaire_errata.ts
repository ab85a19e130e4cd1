import type { Knex } from 'knex'

/*
 * Errata against published questionnaire versions: a question that, despite keeping its key, does not ask
 * what the version it supersedes asked, so no trend, report or carry-over may treat the two as one. A
 * published version never changes; its errata are the record of what it got wrong, kept for good.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('questionnaire_errata', table => {
    table.increments('id').primary()
    table.integer('questionnaire_version_id').notNullable().references('questionnaire_versions.id')
    table.string('question_key', 200).notNullable()
    table.text('reason').notNullable()
    table.integer('recorded_by').references('users.id')
    table.timestamp('recorded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    table.unique(['questionnaire_version_id', 'question_key'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('questionnaire_errata')
}
