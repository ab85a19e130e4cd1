import type { Knex } from 'knex'

/*
 * Sign-in attempts are now counted before the password is checked, per account-and-address and per
 * address, each in a window that ends at a fixed time. The old rows counted failures per account and
 * can be dropped: they only ever throttled for fifteen minutes.
 */
export async function up(knex: Knex): Promise<void> {
  await knex('login_attempts').delete()
  await knex.schema.alterTable('login_attempts', table => {
    table.renameColumn('failures', 'attempts')
    table.renameColumn('last_failure_at', 'window_ends_at')
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex('login_attempts').delete()
  await knex.schema.alterTable('login_attempts', table => {
    table.renameColumn('attempts', 'failures')
    table.renameColumn('window_ends_at', 'last_failure_at')
  })
}
