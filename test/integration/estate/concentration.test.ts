import { paths } from '../../../src/paths'
import { estateRows } from '../../support/estate-analysis'
import { undocumented } from '../../support/openapi'
import { tableById } from '../../support/svg-chart'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

/**
 * Finance: Acme runs in 5 authorities, Bolt in 3, Cogs in 2 (shares 50%, 30%, 20%: an index of 3,800).
 * HR: Camden runs both Acme and Bolt (a half each) and Hackney Bolt: Acme 25%, Bolt 75%. The clock says
 * 27 November 2026, so a 24-month window runs to 27 November 2028.
 */
let t: TestApp
let analyst: Agent
let hackney: Agent
const words = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ')

beforeAll(async () => {
  t = await createTestApp()
  const rows = estateRows(t.db.knex)
  const [acme, bolt, cogs] = [await rows.supplier('Acme'), await rows.supplier('Bolt'), await rows.supplier('Cogs')]
  const ledger = await rows.product('Ledger', acme, 'finance-erp')
  const books = await rows.product('Books', bolt, 'finance-erp')
  const sums = await rows.product('Sums', cogs, 'finance-erp')
  const people = await rows.product('People', acme, 'hr-payroll')
  const staff = await rows.product('Staff', bolt, 'hr-payroll')
  for (const slug of ['camden', 'hackney', 'islington', 'sutton', 'bexley'])
    await rows.entry(slug, ledger, { contractEnd: slug === 'camden' ? '2027-06-30' : '2030-01-01' })
  for (const slug of ['barnet', 'brent', 'croydon']) await rows.entry(slug, books)
  for (const slug of ['ealing', 'enfield']) await rows.entry(slug, sums, { contractEnd: '2028-02-01' })
  await rows.entry('camden', people)
  await rows.entry('camden', staff)
  await rows.entry('hackney', staff)
  analyst = (await signIn(t.app, (await t.createUser('analyst')).email)).agent
  hackney = (await signIn(t.app, (await t.createUser('respondent', { organisation: 'hackney' })).email)).agent
})
afterAll(() => t.close())

describe('supplier concentration', () => {
  it('answers each category’s shares and index through the API, as documented', async () => {
    const response = await analyst.get(paths.api.estateConcentration).expect(200)
    expect(undocumented('get', '/api/v1/estate/concentration', response)).toEqual([])
    const finance = response.body.find((c: { category: string }) => c.category === 'finance-erp')
    expect(finance).toMatchObject({ authorities: 10, hhi: 3800, highlyConcentrated: true })
    expect(finance.suppliers.map((s: { name: string; share: number }) => [s.name, s.share])).toEqual([
      ['Acme', 0.5],
      ['Bolt', 0.3],
      ['Cogs', 0.2],
    ])
    const hr = response.body.find((c: { category: string }) => c.category === 'hr-payroll')
    expect(
      hr.suppliers.map((s: { name: string; authorities: number; share: number }) => [s.name, s.authorities, s.share]),
    ).toEqual([
      ['Bolt', 2, 0.75],
      ['Acme', 1, 0.25],
    ])
  })

  it('narrows to one category, and refuses one that does not exist', async () => {
    const response = await analyst.get(`${paths.api.estateConcentration}?category=hr-payroll`).expect(200)
    expect(response.body.map((c: { category: string }) => c.category)).toEqual(['hr-payroll'])
    const bad = await analyst.get(`${paths.api.estateConcentration}?category=nope`).expect(422)
    expect(bad.body.message).toContain('There is no category “nope”')
  })

  it('is not an estate entry’s id, and is for central roles only', async () => {
    await hackney.get(paths.api.estateConcentration).expect(403)
    await hackney.get(paths.estateConcentration()).expect(403)
  })

  it('shows a table per category, the index in words and the contracts ending in the window', async () => {
    const html = (await analyst.get(paths.estateConcentration('?category=finance-erp')).expect(200)).text
    expect(words(html)).toContain('Index: 3,800, highly concentrated (the line is 2,500)')
    expect(tableById(html, 'concentration-finance-erp').rows).toEqual([
      ['Acme', '5', '50%', 'Camden (Ledger, 30 June 2027)'],
      ['Bolt', '3', '30%', 'None'],
      ['Cogs', '2', '20%', 'Ealing (Sums, 1 February 2028); Enfield (Sums, 1 February 2028)'],
    ])
    const narrow = (await analyst.get(paths.estateConcentration('?category=finance-erp&windowMonths=6')).expect(200))
      .text
    expect(tableById(narrow, 'concentration-finance-erp').rows[2]).toEqual(['Cogs', '2', '20%', 'None'])
  })

  it('shows the form again with what is wrong', async () => {
    const html = (await analyst.get(paths.estateConcentration('?windowMonths=0')).expect(400)).text
    expect(words(html)).toContain('The window must be a whole number of months from 1 to 120, not “0”')
  })
})

describe('the estate map', () => {
  it('shades each authority by its product, with a legend in letters and a table of the same', async () => {
    const html = (await analyst.get(paths.estateMap('?category=finance-erp')).expect(200)).text
    expect(words(html)).toContain(
      '10 of 33 authorities have a system of this kind on their register, running 3 products.',
    )
    expect(words(html)).toContain('A: Ledger (Acme), 5 authorities')
    expect(words(html)).toContain('C: Sums (Cogs), 2 authorities')
    expect(html).toMatch(/data-gss="E09000007" data-letter="A"/)
    const table = tableById(html, 'estate-map-table')
    expect(table.rows).toContainEqual(['Ealing', 'Sums', 'Cogs', 'C'])
    expect(table.rows).toHaveLength(10)
    await hackney.get(paths.estateMap()).expect(403)
  })
})
