import type { Knex } from 'knex'

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('moderations', table => {
    table.integer('assessment_id').notNullable().references('assessments.id').onDelete('CASCADE')
    table.string('question_key', 100).notNullable()
    // The level the assessor settled on: the self-assessed one when they agree.
    table.smallint('level').notNullable()
    table.text('rationale')
    table.integer('assessor_id').references('users.id')
    table.integer('revision').notNullable()
    table.timestamp('updated_at', { useTz: true }).notNullable()
    table.primary(['assessment_id', 'question_key'])
  })
  await knex.raw('alter table moderations add constraint moderations_level_on_scale check (level between 1 and 5)')
  await knex.schema.alterTable('assessments', table => {
    table.text('moderation_comment')
    table.text('return_comment')
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('assessments', table => {
    table.dropColumn('moderation_comment')
    table.dropColumn('return_comment')
  })
  await knex.schema.dropTable('moderations')
}
