import type { Knex } from 'knex'

/**
 * Every write to an assessment's answers or moderations bumps its data_version, by trigger so no code
 * path (imports and demo seeding included) can forget. Cross-borough views cache a round's computed
 * scores and check them against the sum of these versions, one cheap query per request, so a cache
 * in any number of app processes is never stale. Statement-level triggers with transition tables touch
 * each assessment once per statement, and only rows the saving transaction has already locked.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('assessments', table => {
    table.bigInteger('data_version').notNullable().defaultTo(0)
  })
  await knex.raw(`
    create function assessments_bump_data_version() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        update assessments set data_version = data_version + 1
          where id in (select distinct assessment_id from old_rows);
      else
        update assessments set data_version = data_version + 1
          where id in (select distinct assessment_id from new_rows);
      end if;
      return null;
    end
    $$;
  `)
  for (const table of ['answers', 'moderations']) {
    for (const [event, transition] of [
      ['insert', 'new table as new_rows'],
      ['update', 'new table as new_rows'],
      ['delete', 'old table as old_rows'],
    ]) {
      await knex.raw(
        `create trigger ${table}_${event}_bumps_version after ${event} on ${table} referencing ${transition} for each statement execute function assessments_bump_data_version()`,
      )
    }
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['answers', 'moderations']) {
    for (const event of ['insert', 'update', 'delete']) {
      await knex.raw(`drop trigger ${table}_${event}_bumps_version on ${table}`)
    }
  }
  await knex.raw('drop function assessments_bump_data_version()')
  await knex.schema.alterTable('assessments', table => {
    table.dropColumn('data_version')
  })
}
