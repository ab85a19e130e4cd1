import { paths } from '../../../src/paths'
import { undocumented } from '../../support/openapi'
import { estateRows } from '../../support/estate-analysis'
import { plan, plantEntry } from '../../support/planted-pipeline'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

/**
 * Hackney and Enfield plan a new finance system. On the registers, Camden, Sutton and Bexley run Ledgerly
 * with contracts ending inside the two-year window (Bexley twice), Barnet's ends after it. Camden and
 * Sutton rate it as not meeting point 2 (Open standards); Bexley as not meeting point 1. Nobody plans
 * for HR and payroll, but Harrow's and Brent's Paywise contracts end inside the window too, and Harrow rates
 * it as not meeting point 2.
 */
let t: TestApp
let analyst: Agent
const words = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ')

beforeAll(async () => {
  t = await createTestApp()
  await plantEntry(t, 'hackney', plan('finance-erp', { contractEnd: '2027-03-31' }))
  await plantEntry(t, 'enfield', plan('finance-erp', { plannedStart: '2027-06-01' }))
  const rows = estateRows(t.db.knex)
  const ledgerly = await rows.product('Ledgerly', await rows.supplier('Acme'), 'finance-erp')
  const code = await rows.standard('tech-code', 1, 'Technology Code of Practice', [
    { key: 'users', title: 'Define user needs' },
    { key: 'open', title: 'Open standards' },
  ])
  for (const slug of ['camden', 'sutton'])
    await rows.rate(await rows.entry(slug, ledgerly, { contractEnd: '2027-09-30' }), code, { open: 'does_not_meet' })
  await rows.rate(await rows.entry('bexley', ledgerly, { contractEnd: '2028-01-31' }), code, { users: 'does_not_meet' })
  await rows.entry('bexley', ledgerly, { contractEnd: '2028-02-28' })
  await rows.entry('barnet', ledgerly, { contractEnd: '2030-01-01' })
  const paywise = await rows.product('Paywise', await rows.supplier('Brightwell'), 'hr-payroll')
  await rows.rate(await rows.entry('harrow', paywise, { contractEnd: '2028-05-31' }), code, { open: 'does_not_meet' })
  await rows.entry('brent', paywise, { contractEnd: '2027-04-30' })
  await rows.entry('ealing', paywise, { contractEnd: '2031-04-30' })
  analyst = (await signIn(t.app, (await t.createUser('analyst')).email)).agent
})
afterAll(() => t.close())

describe('estate contracts beside the pipeline’s plans', () => {
  it('counts the authorities whose registered contracts end in the window on the opportunities list', async () => {
    const page = (await analyst.get(paths.pipelineOpportunities).expect(200)).text
    const row = /<tr class="govuk-table__row" data-category="finance-erp">([\s\S]*?)<\/tr>/.exec(page)![1]!
    expect(words(row)).toContain('3 authorities; 2 rate it as not meeting point 2 (Open standards)')
    const narrow = (await analyst.get(`${paths.pipelineOpportunities}?windowMonths=12`).expect(200)).text
    const narrowRow = /<tr class="govuk-table__row" data-category="finance-erp">([\s\S]*?)<\/tr>/.exec(narrow)![1]!
    expect(words(narrowRow)).toContain('2 authorities; 2 rate it')
  })

  it('lists the categories where contracts end but nobody has a plan, as decisions still to come', async () => {
    const page = (await analyst.get(paths.pipelineOpportunities).expect(200)).text
    const table = /<table[^>]*id="unplanned-decisions"[\s\S]*?<\/table>/.exec(page)![0]
    expect(table.match(/data-unplanned="[^"]+"/g)).toEqual(['data-unplanned="hr-payroll"'])
    const row = words(/<tr class="govuk-table__row" data-unplanned="hr-payroll">([\s\S]*?)<\/tr>/.exec(table)![1]!)
    expect(row).toContain('HR and payroll (opportunity brief) Brent and Harrow')
    expect(row).toContain('30 April 2027 to 31 May 2028')
    expect(row).toContain('1 of them: point 2 (Open standards) of the Technology Code of Practice')
    expect(words(page)).toContain('In 1 category, systems on authorities’ registers have contracts ending by')
    const narrow = (await analyst.get(`${paths.pipelineOpportunities}?windowMonths=12`).expect(200)).text
    const narrowRow = /<tr class="govuk-table__row" data-unplanned="hr-payroll">([\s\S]*?)<\/tr>/.exec(narrow)![1]!
    expect(words(narrowRow)).toContain('None rated as not meeting any point')
    const home = (await analyst.get('/').expect(200)).text
    expect(home).toContain(
      '<a class="govuk-link" href="/pipeline/opportunities#unplanned">1 category where contracts end with nobody planning yet</a>',
    )
  })

  it('gives the same count through the API', async () => {
    const response = await analyst.get(paths.api.pipelineOpportunities).expect(200)
    expect(undocumented('get', paths.api.pipelineOpportunities, response)).toEqual([])
    const finance = response.body.find((o: { category: string }) => o.category === 'finance-erp')
    expect(finance.estateContractsEnding).toBe(3)
    expect(finance.estate).toMatchObject({ buyers: 3, earliest: '2027-09-30', latest: '2028-02-28' })
    const categories = response.body.map((o: { category: string }) => o.category)
    expect(categories.indexOf('hr-payroll')).toBeGreaterThan(categories.indexOf('finance-erp'))
    const hr = response.body.find((o: { category: string }) => o.category === 'hr-payroll')
    const gss = async (slug: string) =>
      (await t.db.knex('organisations').where({ slug }).first<{ gss: string }>('gss')).gss
    expect(hr).toMatchObject({ entries: 0, organisations: [], estateContractsEnding: 2 })
    expect(hr.estate.organisations).toEqual([await gss('brent'), await gss('harrow')].sort())
    expect(hr.estate.worstPoint).toMatchObject({ key: 'open', number: 2, failing: 1 })
  })

  it('says so in a sentence on the opportunity’s page', async () => {
    const page = (await analyst.get(paths.pipelineOpportunity('finance-erp')).expect(200)).text
    expect(words(page)).toContain(
      '3 authorities’ finance and ERP contracts end by 27 November 2028; 2 rate their product as not meeting point 2 (Open standards) of the Technology Code of Practice.',
    )
    const none = (await analyst.get(paths.pipelineOpportunity('waste')).expect(200)).text
    expect(words(none)).toContain(
      'No system of this kind on an authority’s register has a contract ending by 27 November 2028.',
    )
    expect(none).not.toContain('id="estate-systems"')
  })

  it('lists whose contracts end, soonest first, on the brief of a category nobody plans in', async () => {
    const page = (await analyst.get(paths.pipelineOpportunity('hr-payroll')).expect(200)).text
    expect(words(page)).toContain('2 authorities’ HR and payroll contracts end by 27 November 2028')
    expect(words(page)).toContain('No authority has an open plan in this category')
    const table = /<table[^>]*id="estate-systems"[\s\S]*?<\/table>/.exec(page)![0]
    const rows = [...table.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].map(m => words(m[1]!).trim())
    expect(rows).toEqual([
      'Authority Product Hosting Contract ends',
      'Brent Paywise (Brightwell) Software as a service 30 April 2027',
      'Harrow Paywise (Brightwell) Software as a service 31 May 2028',
    ])
  })
})
