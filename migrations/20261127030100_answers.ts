import type { Knex } from 'knex'

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('answers', table => {
    table.integer('assessment_id').notNullable().references('assessments.id').onDelete('CASCADE')
    table.string('question_key', 100).notNullable()
    table.smallint('level')
    // A choice's value, a multi's list, a number or text: whatever the question's type takes.
    table.jsonb('value')
    table.boolean('not_applicable').notNullable().defaultTo(false)
    table.text('evidence')
    // Every save carries the revision it was based on; a stale one is a conflict, never an overwrite.
    table.integer('revision').notNullable()
    table.timestamp('updated_at', { useTz: true }).notNullable()
    table.integer('updated_by').references('users.id')
    // The round an answer was carried over from, until someone confirms or changes it.
    table.string('carried_from', 120)
    table.primary(['assessment_id', 'question_key'])
  })
  await knex.raw('alter table answers add constraint answers_level_on_scale check (level between 1 and 5)')
  await knex.raw('alter table answers add constraint answers_revision_positive check (revision >= 1)')
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('answers')
}
