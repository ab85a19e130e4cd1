import { estateRows } from './estate-analysis'
import type { TestApp } from './test-app'

/**
 * A small estate for the pages that need one: a product five authorities run and rated against the
 * shipped standard (Hackney among them), a second product of its kind to merge into, a proposal awaiting
 * approval, and a draft standard an admin may publish or delete.
 */
export async function plantEstate(t: TestApp): Promise<{ productId: number }> {
  const rows = estateRows(t.db.knex)
  const lgdss = await t.repos.standards.find('lgdss', 1)
  if (!lgdss) throw new Error('the shipped standards are published when the app starts')
  const supplier = await rows.supplier('Plantwell Software')
  const productId = await rows.product('Plantwell Ledger', supplier, 'finance-erp')
  await rows.product('Plantwell Ledger Cloud', supplier, 'finance-erp')
  await t.db
    .knex('products')
    .insert({ name: 'Plantwell Payroll', supplier_id: supplier, category_key: 'hr-payroll', status: 'proposed' })
  const ratings = ['does_not_meet', 'does_not_meet', 'does_not_meet', 'meets', 'partly'] as const
  for (const [i, slug] of ['hackney', 'camden', 'brent', 'islington', 'haringey'].entries()) {
    const entry = await rows.entry(slug, productId, { contractEnd: `${2027 + i}-03-31`, shareable: i % 2 === 0 })
    await rows.rate(entry, lgdss.id, { 'open-standards': ratings[i]!, 'user-needs': 'meets' })
  }
  await t.services.standards.upload(
    {
      key: 'draft-standard',
      version: 1,
      title: 'A standard in draft',
      source: 'Written for the tests',
      points: [{ key: 'only', title: 'The only point', description: 'What it asks' }],
    },
    null,
  )
  return { productId }
}
