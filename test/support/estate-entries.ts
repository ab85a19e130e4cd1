import type { TestApp } from './test-app'

let sequence = 0

/**
 * A system in an authority's estate register, put straight into the tables: the register's own pages and
 * services belong to another part of the app, and ratings only need the row.
 */
export async function insertEstateEntry(t: TestApp, organisation: string): Promise<number> {
  const knex = t.db.knex
  const org = await t.repos.organisations.findBySlug(organisation)
  if (!org) throw new Error(`no organisation ${organisation}`)
  const n = ++sequence
  const [supplier] = await knex('suppliers')
    .insert({ name: `Supplier ${n}` })
    .returning<{ id: number }[]>('id')
  const [product] = await knex('products')
    .insert({ name: `Product ${n}`, supplier_id: supplier!.id, category_key: 'finance-erp', status: 'approved' })
    .returning<{ id: number }[]>('id')
  const now = t.clock()
  const [entry] = await knex('estate_entries')
    .insert({
      organisation_id: org.id,
      category_key: 'finance-erp',
      product_id: product!.id,
      hosting: 'saas',
      created_at: now,
      updated_at: now,
    })
    .returning<{ id: number }[]>('id')
  return entry!.id
}
