import type { Knex } from 'knex'

/*
 * Whether a council took last round's answers or started without them, who chose and when. The offer
 * stays on the task list until someone decides, however many answers the team has given meanwhile; null
 * is "not decided yet". An assessment that already carried answers over (its audit trail says so) counts
 * as taken, so the offer does not come back to it.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('assessments', table => {
    table.string('carry_over', 10)
    table.integer('carry_over_by').references('users.id')
    table.timestamp('carry_over_at', { useTz: true })
  })
  await knex.raw(
    `alter table assessments add constraint assessments_carry_over_valid check (carry_over in ('taken', 'declined'))`,
  )
  const carried = `select e.at, e.actor_user_id from audit_events e
    where e.entity_type = 'assessment' and e.action = 'assessment.carried-over' and e.entity_id = cast(assessments.id as text)
    order by e.at, e.id limit 1`
  await knex.raw(`
    update assessments set
      carry_over = 'taken',
      carry_over_at = (select c.at from (${carried}) c),
      carry_over_by = (select c.actor_user_id from (${carried}) c)
    where exists (${carried})`)
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table assessments drop constraint assessments_carry_over_valid')
  await knex.schema.alterTable('assessments', table => {
    table.dropColumn('carry_over_at')
    table.dropColumn('carry_over_by')
    table.dropColumn('carry_over')
  })
}
