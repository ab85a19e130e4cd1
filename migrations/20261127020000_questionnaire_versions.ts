import type { Knex } from 'knex'

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('questionnaire_versions', table => {
    table.increments('id')
    table.string('questionnaire_key', 100).notNullable()
    table.integer('version').notNullable()
    table.string('title', 200).notNullable()
    table.string('status', 12).notNullable().defaultTo('draft')
    // json, not jsonb: it keeps the document exactly as uploaded, key order and all.
    table.json('definition').notNullable()
    table.integer('created_by').references('users.id')
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    table.timestamp('published_at', { useTz: true })
    table.timestamp('retired_at', { useTz: true })
    table.unique(['questionnaire_key', 'version'])
  })
  await knex.raw(
    `alter table questionnaire_versions add constraint questionnaire_versions_status_valid check (status in ('draft', 'published', 'retired'))`,
  )
  // Once published, a version never changes, whatever code or person tries: answers must always mean
  // what they meant when given. Only its status may move on, forwards, and a version is never deleted,
  // so its number is never reused.
  await knex.raw(`
    create function questionnaire_versions_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'questionnaire versions are never deleted, so their numbers are never reused' using errcode = '55000';
      end if;
      if old.status <> 'draft' and (
        new.definition::text is distinct from old.definition::text or new.version <> old.version
        or new.questionnaire_key <> old.questionnaire_key or new.title <> old.title
      ) then
        raise exception 'questionnaire % version % is %, and can never change', old.questionnaire_key, old.version, old.status
          using errcode = '55000';
      end if;
      if not (new.status = old.status
              or (old.status = 'draft' and new.status = 'published')
              or (old.status = 'published' and new.status = 'retired')) then
        raise exception 'questionnaire status cannot move from % to %', old.status, new.status using errcode = '55000';
      end if;
      return new;
    end $$`)
  await knex.raw(`
    create trigger questionnaire_versions_immutable before update or delete on questionnaire_versions
    for each row execute function questionnaire_versions_guard()`)
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('questionnaire_versions')
  await knex.raw('drop function questionnaire_versions_guard()')
}
