import type { Knex } from 'knex'

const DATA_TABLES = [
  'answers',
  'moderations',
  'assessments',
  'rounds',
  'organisations',
  'partnerships',
  'partnership_members',
]

/**
 * Every app process keeps copies of sessions, users and a round's version in memory, and must drop
 * them the moment another process changes what they were read from. These triggers tell every listener
 * (LISTEN ldm_changes) what changed, on commit, whatever code or tool made the change: a session by the
 * MD5 of its id, so ids never travel; a user by id; a table of the cross-borough views by name.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create function notify_change() returns trigger language plpgsql as $$
    begin
      if tg_table_name = 'sessions' then
        perform pg_notify('ldm_changes', 'session:' || md5(old.sid));
      elsif tg_table_name = 'users' then
        perform pg_notify('ldm_changes', 'user:' || old.id);
      else
        perform pg_notify('ldm_changes', 'data:' || tg_table_name);
      end if;
      return null;
    end $$`)
  for (const table of ['sessions', 'users']) {
    await knex.raw(
      `create trigger ${table}_notify_change after update or delete on ${table} for each row execute function notify_change()`,
    )
  }
  for (const table of DATA_TABLES) {
    await knex.raw(
      `create trigger ${table}_notify_change after insert or update or delete on ${table} for each statement execute function notify_change()`,
    )
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['sessions', 'users', ...DATA_TABLES]) {
    await knex.raw(`drop trigger ${table}_notify_change on ${table}`)
  }
  await knex.raw('drop function notify_change()')
}
