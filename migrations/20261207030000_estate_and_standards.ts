import type { Knex } from 'knex'

/*
 * What London runs today and how it measures up: a shared catalogue of suppliers and products, each
 * authority's register of the systems it runs, standards as versioned documents (immutable once
 * published, like questionnaires), and each system's ratings against them, point by point.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('suppliers', table => {
    table.increments('id')
    table.string('name', 200).notNullable()
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })
  // One supplier per name whatever its case: "ACME" typed by one borough is "Acme" typed by another.
  await knex.raw('create unique index suppliers_name_unique on suppliers (lower(name))')
  await knex.schema.createTable('supplier_aliases', table => {
    table.integer('supplier_id').notNullable().references('suppliers.id').onDelete('CASCADE')
    table.string('alias', 200).notNullable()
  })
  await knex.raw('create unique index supplier_aliases_unique on supplier_aliases (lower(alias))')

  await knex.schema.createTable('products', table => {
    table.increments('id')
    table.string('name', 200).notNullable()
    table.integer('supplier_id').notNullable().references('suppliers.id')
    table.string('category_key', 50).notNullable().references('pipeline_categories.key')
    table.string('status', 12).notNullable()
    // A merged product keeps its row, so links and audit events that name it still lead somewhere.
    table.integer('merged_into_id').references('products.id')
    table.integer('proposed_by').references('users.id')
    table.integer('revision').notNullable().defaultTo(1)
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    table.index(['category_key'])
  })
  await knex.raw(
    "alter table products add constraint products_status_listed check (status in ('proposed', 'approved', 'merged'))",
  )
  await knex.raw(
    "alter table products add constraint products_merged_has_target check ((status = 'merged') = (merged_into_id is not null))",
  )
  await knex.raw(
    "create unique index products_name_unique on products (supplier_id, lower(name)) where status <> 'merged'",
  )

  await knex.schema.createTable('estate_entries', table => {
    table.increments('id')
    table.integer('organisation_id').notNullable().references('organisations.id')
    table.string('category_key', 50).notNullable().references('pipeline_categories.key')
    table.integer('product_id').notNullable().references('products.id')
    table.string('hosting', 20).notNullable()
    table.date('contract_end')
    table.string('cost_band', 20)
    table.boolean('shareable').notNullable().defaultTo(false)
    table.text('notes')
    table.integer('revision').notNullable().defaultTo(1)
    table.timestamp('created_at', { useTz: true }).notNullable()
    table.timestamp('updated_at', { useTz: true }).notNullable()
    table.integer('updated_by').references('users.id')
    table.index(['organisation_id'])
    table.index(['product_id'])
    table.index(['category_key'])
  })
  await knex.raw(
    "alter table estate_entries add constraint estate_hosting_listed check (hosting in ('on_premises', 'private_cloud', 'public_cloud', 'saas'))",
  )
  await knex.raw(
    "alter table estate_entries add constraint estate_cost_band_listed check (cost_band in ('under-100k', '100k-500k', '500k-1m', '1m-5m', '5m-plus', 'unknown'))",
  )

  await knex.schema.createTable('standard_versions', table => {
    table.increments('id')
    table.string('standard_key', 100).notNullable()
    table.integer('version').notNullable()
    table.string('title', 200).notNullable()
    table.string('status', 12).notNullable().defaultTo('draft')
    // json, not jsonb: the document stays exactly as uploaded.
    table.json('definition').notNullable()
    table.integer('created_by').references('users.id')
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    table.timestamp('published_at', { useTz: true })
    table.timestamp('retired_at', { useTz: true })
    table.unique(['standard_key', 'version'])
  })
  await knex.raw(
    "alter table standard_versions add constraint standard_versions_status_listed check (status in ('draft', 'published', 'retired'))",
  )
  // As with questionnaires: ratings must always mean what they meant when given.
  await knex.raw(`
    create function standard_versions_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        if old.status <> 'draft' then
          raise exception 'standard % version % is %, and is never deleted', old.standard_key, old.version, old.status
            using errcode = '55000';
        end if;
        return old;
      end if;
      if old.status <> 'draft' and (
        new.definition::text is distinct from old.definition::text or new.version <> old.version
        or new.standard_key <> old.standard_key or new.title <> old.title
      ) then
        raise exception 'standard % version % is %, and can never change', old.standard_key, old.version, old.status
          using errcode = '55000';
      end if;
      if not (new.status = old.status
              or (old.status = 'draft' and new.status = 'published')
              or (old.status = 'published' and new.status = 'retired')) then
        raise exception 'standard status cannot move from % to %', old.status, new.status using errcode = '55000';
      end if;
      return new;
    end $$`)
  await knex.raw(`
    create trigger standard_versions_immutable before update or delete on standard_versions
    for each row execute function standard_versions_guard()`)

  // One set of ratings per system per standard version, revisioned as a whole like an entry.
  await knex.schema.createTable('estate_ratings', table => {
    table.increments('id')
    table.integer('estate_entry_id').notNullable().references('estate_entries.id').onDelete('CASCADE')
    table.integer('standard_version_id').notNullable().references('standard_versions.id')
    table.text('evidence')
    table.integer('revision').notNullable().defaultTo(1)
    table.timestamp('updated_at', { useTz: true }).notNullable()
    table.integer('updated_by').references('users.id')
    table.unique(['estate_entry_id', 'standard_version_id'])
  })
  // Row per point, so London's position on a point is one grouped query; `since` is when this rating
  // was first given, kept while it stays the same, so a brief can say how long a point has failed.
  await knex.schema.createTable('estate_rating_points', table => {
    table.integer('estate_rating_id').notNullable().references('estate_ratings.id').onDelete('CASCADE')
    table.string('point_key', 100).notNullable()
    table.string('rating', 16).notNullable()
    table.timestamp('since', { useTz: true }).notNullable()
    table.primary(['estate_rating_id', 'point_key'])
  })
  await knex.raw(
    "alter table estate_rating_points add constraint estate_rating_listed check (rating in ('meets', 'partly', 'does_not_meet', 'not_assessed'))",
  )
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('estate_rating_points')
  await knex.schema.dropTable('estate_ratings')
  await knex.schema.dropTable('standard_versions')
  await knex.raw('drop function standard_versions_guard()')
  await knex.schema.dropTable('estate_entries')
  await knex.schema.dropTable('products')
  await knex.schema.dropTable('supplier_aliases')
  await knex.schema.dropTable('suppliers')
}
