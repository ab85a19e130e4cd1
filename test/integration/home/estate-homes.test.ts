import { paths } from '../../../src/paths'
import { estateRows } from '../../support/estate-analysis'
import { createTestApp, signIn, PASSWORD, type TestApp } from '../../support/test-app'

let t: TestApp
let productId: number

beforeAll(async () => {
  t = await createTestApp()
  const rows = estateRows(t.db.knex)
  const lgdss = await t.repos.standards.find('lgdss', 1)
  if (!lgdss) throw new Error('the Local Government Digital Service Standard is seeded on start')
  productId = await rows.product('Revenue Ledger', await rows.supplier('Plainfield Software'), 'revenues-benefits')
  // Three of four raters say it does not meet open standards: London's position, by the rule.
  for (const [slug, rating] of [
    ['havering', 'does_not_meet'],
    ['newham', 'does_not_meet'],
    ['redbridge', 'does_not_meet'],
    ['bexley', 'meets'],
  ] as const) {
    await rows.rate(await rows.entry(slug, productId), lgdss.id, { 'open-standards': rating })
  }
  // Hackney runs two systems: one rated, one not, whose contract ends within a year of the test clock's today.
  await rows.rate(await rows.entry('hackney', productId), lgdss.id, { 'open-standards': 'partly' })
  const other = await rows.product('Ledger Two', await rows.supplier('Brookmere'), 'finance-erp')
  await rows.entry('hackney', other, { contractEnd: '2027-06-30' })
  await t.db.knex('products').insert({
    name: 'Proposed Thing',
    supplier_id: (await t.db.knex('suppliers').first('id')).id,
    category_key: 'waste',
    status: 'proposed',
  })
})
afterAll(() => t.close())

const homeOf = async (role: 'analyst' | 'admin' | 'respondent', organisation?: string) => {
  const { email } = await t.createUser(role, organisation ? { organisation } : {})
  const { agent } = await signIn(t.app, email, PASSWORD)
  return (await agent.get(paths.home).expect(200)).text
}

describe('the estate on each home', () => {
  it('shows an analyst the proposals to approve and the point London says a product does not meet', async () => {
    const page = await homeOf('analyst')
    expect(page).toContain(`href="${paths.products}">1 product proposed for the catalogue awaits approval</a>`)
    expect(page).toContain(
      `href="${paths.product(productId, '?standard=lgdss&amp;version=1')}">Revenue Ledger (Plainfield Software)</a>`,
    )
    expect(page).toContain(
      'does not meet point 7 (Use open standards and share) of the Local Government Digital Service Standard, say 3 of the 5 authorities that rated it',
    )
  })

  it('shows an admin the same, with the standards among the things to start', async () => {
    const page = await homeOf('admin')
    expect(page).toContain('1 product proposed for the catalogue awaits approval')
    expect(page).toContain(`href="${paths.admin.standards}"`)
  })

  it('tells a respondent what is left on its own register', async () => {
    const page = await homeOf('respondent', 'hackney')
    expect(page).toContain('2 systems recorded.')
    expect(page).toContain('1 system is not yet rated against a standard.')
    expect(page).toContain('1 contract ends within a year: is a plan for it in your pipeline?')
    expect(page).toContain(`href="${paths.estate}">Your council’s estate register</a>`)
  })
})
