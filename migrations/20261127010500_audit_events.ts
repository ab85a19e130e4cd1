import type { Knex } from 'knex'

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('audit_events', table => {
    table.bigIncrements('id')
    table.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    table.integer('actor_user_id').references('users.id')
    table.string('action', 80).notNullable()
    table.string('entity_type', 40).notNullable()
    table.string('entity_id', 80).notNullable()
    table.jsonb('before')
    table.jsonb('after')
    table.index(['entity_type', 'entity_id'])
  })
  // The audit trail is append-only: no code path, and no one at the SQL prompt by accident, may rewrite it.
  await knex.raw(`
    create function audit_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_events is append-only' using errcode = '55000';
    end $$`)
  await knex.raw(`
    create trigger audit_events_no_change before update or delete on audit_events
    for each row execute function audit_events_append_only()`)
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('audit_events')
  await knex.raw('drop function audit_events_append_only()')
}
