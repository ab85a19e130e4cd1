import type { Knex } from 'knex'

/**
 * A transaction that notifies holds a lock every other notifying transaction in the cluster waits for,
 * from before its commit until after its WAL is flushed, so notifying from the answer-save trigger made
 * every save wait for every other save's disk flush, one at a time. That halved answer saves (and
 * pgbench's own rate, tried here). A statement that sets `ldm.announced` for its transaction is
 * announced by the app itself once it has committed (ChangeFeed.announce), in one notification for any
 * number of saves; every other write to these tables, by any code or tool, is still announced here.
 */
/** notify_change() as migration 20261129010000 made it, with `dataBranch` deciding when a data table is announced. */
const notifyChange = (dataBranch: string) => `
    create or replace function notify_change() returns trigger language plpgsql as $$
    begin
      if tg_table_name = 'sessions' then
        perform pg_notify('ldm_changes', 'session:' || md5(old.sid));
      elsif tg_table_name = 'users' then
        perform pg_notify('ldm_changes', 'user:' || old.id);
      ${dataBranch}
        perform pg_notify('ldm_changes', 'data:' || tg_table_name);
      end if;
      return null;
    end $$`

export async function up(knex: Knex): Promise<void> {
  await knex.raw(notifyChange(`elsif coalesce(current_setting('ldm.announced', true), '') <> 'on' then`))
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(notifyChange('else'))
}
