import { paths } from '../../../src/paths'
import { estateRows } from '../../support/estate-analysis'
import { plan, plantEntry } from '../../support/planted-pipeline'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

/**
 * Hackney and Enfield plan a new finance system. On the registers, Camden, Sutton and Bexley run Ledgerly
 * with contracts ending inside the two-year window (Bexley twice), Barnet's ends after it. Camden and
 * Sutton rate it as not meeting point 2 (Open standards); Bexley as not meeting point 1.
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

  it('gives the same count through the API', async () => {
    const response = await analyst.get(paths.api.pipelineOpportunities).expect(200)
    const finance = response.body.find((o: { category: string }) => o.category === 'finance-erp')
    expect(finance.estateContractsEnding).toBe(3)
  })

  it('says so in a sentence on the opportunity’s page', async () => {
    const page = (await analyst.get(paths.pipelineOpportunity('finance-erp')).expect(200)).text
    expect(words(page)).toContain(
      '3 authorities’ finance and ERP contracts end by 27 November 2028; 2 rate their product as not meeting point 2 (Open standards) of the Technology Code of Practice.',
    )
    const none = (await analyst.get(paths.pipelineOpportunity('hr-payroll')).expect(200)).text
    expect(words(none)).toContain(
      'No system of this kind on an authority’s register has a contract ending by 27 November 2028.',
    )
  })
})
