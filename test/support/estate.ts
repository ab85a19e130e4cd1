import type { TestApp } from './test-app'

let made = 0

/** A supplier and a product in the catalogue, written straight to the tables; its id. */
export async function catalogueProduct(
  t: TestApp,
  change: { name?: string; supplier?: string; category?: string; status?: 'proposed' | 'approved' } = {},
): Promise<number> {
  const knex = t.db.knex
  const supplierName = change.supplier ?? `Supplier ${++made}`
  const existing = await knex('suppliers')
    .whereRaw('lower(name) = lower(?)', [supplierName])
    .first<{ id: number } | undefined>('id')
  const supplierId =
    existing?.id ?? (await knex('suppliers').insert({ name: supplierName }).returning<{ id: number }[]>('id'))[0]?.id
  const [row] = await knex('products')
    .insert({
      name: change.name ?? `Product ${++made}`,
      supplier_id: supplierId,
      category_key: change.category ?? 'finance-erp',
      status: change.status ?? 'approved',
    })
    .returning<{ id: number }[]>('id')
  if (!row) throw new Error('no product id')
  return row.id
}

/** A complete, valid estate entry as the API takes it; change what a test is about. */
export const estateJson = (productId: number, change: Record<string, unknown> = {}): Record<string, unknown> => ({
  category: 'finance-erp',
  productId,
  hosting: 'saas',
  contractEnd: '2028-03-31',
  costBand: '500k-1m',
  shareable: false,
  notes: 'Renewed in 2025',
  ...change,
})

/** The same entry as the page's form posts it, the date as day, month and year boxes. */
export const estateForm = (productId: number, change: Record<string, string> = {}): Record<string, string> => ({
  categoryKey: 'finance-erp',
  productId: String(productId),
  hosting: 'saas',
  'contractEnd-day': '31',
  'contractEnd-month': '3',
  'contractEnd-year': '2028',
  costBand: '500k-1m',
  shareable: 'no',
  notes: 'Renewed in 2025',
  ...change,
})

/** An authority's entries as the repository holds them. */
export async function estateOf(t: TestApp, slug: string) {
  const organisation = await t.repos.organisations.findBySlug(slug)
  if (!organisation) throw new Error(`no organisation ${slug}`)
  return t.repos.estate.list({ organisationId: organisation.id })
}

export const ESTATE_CSV_HEADER = 'category,product,supplier,hosting,contract_end,cost_band,shareable,notes'

/** The same entry as the estate service takes it (the category under its service name, categoryKey). */
export const estateContent = (productId: number, change: Record<string, unknown> = {}): Record<string, unknown> => {
  const { category, ...rest } = estateJson(productId, change)
  return { categoryKey: category, ...rest }
}
