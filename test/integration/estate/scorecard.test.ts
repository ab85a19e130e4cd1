import { paths } from '../../../src/paths'
import { estateRows } from '../../support/estate-analysis'
import { undocumented } from '../../support/openapi'
import { tableById } from '../../support/svg-chart'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

/**
 * Ledgerly (Acme, finance) is run by Camden (twice: it meets on one system, fails on the other), Hackney,
 * Islington, Sutton and Bexley; Barnet runs it too but has not rated it. Camden and Islington share a
 * service. Point "open" fails for 4 of 5 raters; point "data" is met by 3 of 5. The test clock says 27
 * November 2026.
 */
/** The standard these tests plant; the shipped ones are published too, and come first by key. */
const TECH_CODE = '?standard=tech-code&version=1'
let t: TestApp
let analyst: Agent
let hackney: Agent
let ledgerly: number
let merged: number
let standardId: number

const words = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ')

beforeAll(async () => {
  t = await createTestApp()
  const rows = estateRows(t.db.knex)
  const acme = await rows.supplier('Acme')
  ledgerly = await rows.product('Ledgerly', acme, 'finance-erp')
  merged = await rows.product('Ledgerly Classic', acme, 'finance-erp', ledgerly)
  standardId = await rows.standard('tech-code', 1, 'Technology Code of Practice', [
    { key: 'open', title: 'Open standards' },
    { key: 'data', title: 'Make better use of data' },
  ])
  const camden1 = await rows.entry('camden', ledgerly, { contractEnd: '2027-02-10', hosting: 'on_premises' })
  const camden2 = await rows.entry('camden', ledgerly, { contractEnd: '2027-03-31' })
  const hackneyEntry = await rows.entry('hackney', ledgerly, { contractEnd: '2027-08-01', shareable: true })
  const islington = await rows.entry('islington', ledgerly, { contractEnd: '2026-01-01' })
  const sutton = await rows.entry('sutton', ledgerly)
  const bexley = await rows.entry('bexley', merged, { contractEnd: '2028-01-15' })
  await rows.entry('barnet', ledgerly)
  await rows.rate(camden1, standardId, { open: 'meets', data: 'meets' })
  await rows.rate(camden2, standardId, { open: 'does_not_meet', data: 'meets' }, new Date('2025-03-01T09:00:00Z'))
  await rows.rate(hackneyEntry, standardId, { open: 'does_not_meet', data: 'meets' })
  await rows.rate(islington, standardId, { open: 'does_not_meet', data: 'partly' }, new Date('2024-06-01T09:00:00Z'))
  await rows.rate(sutton, standardId, { open: 'does_not_meet', data: 'meets' })
  await rows.rate(bexley, standardId, { open: 'meets', data: 'does_not_meet' })
  const id = async (slug: string) => (await t.repos.organisations.findBySlug(slug))!.id
  await t.repos.partnerships.create({
    name: 'North shared finance',
    description: 'Test',
    memberIds: [await id('camden'), await id('islington')],
  })
  analyst = (await signIn(t.app, (await t.createUser('analyst')).email)).agent
  hackney = (await signIn(t.app, (await t.createUser('respondent', { organisation: 'hackney' })).email)).agent
})
afterAll(() => t.close())

describe('a product’s scorecard page', () => {
  it('names who runs it, counts the buyers, and takes London’s position on each point', async () => {
    const html = (await analyst.get(paths.product(ledgerly, TECH_CODE)).expect(200)).text
    expect(words(html)).toContain('6: Barnet, Bexley, Camden, Hackney, Islington and Sutton')
    expect(html).toContain(`href="${paths.organisation('camden')}"`)
    expect(words(html)).toContain('Separate buyers 5 (authorities')
    // Camden runs it twice, once on its own servers: it counts under each.
    expect(words(html)).toContain('Where it runs On premises at 1 authority; software as a service at 6 authorities')
    expect(tableById(html, 'points').rows).toEqual([
      ['1. Open standards', '1', '0', '4', '0', 'Does not meet'],
      ['2. Make better use of data', '3', '1', '1', '0', 'Meets'],
    ])
    expect(html).toContain(`href="${paths.pipelineOpportunity('finance-erp')}"`)
    expect(html).toContain(`href="${paths.estateMap('?category=finance-erp')}"`)
  })

  it('draws contract ends from today by quarter, the chart’s table carrying the numbers', async () => {
    const html = (await analyst.get(paths.product(ledgerly, TECH_CODE)).expect(200)).text
    const table = tableById(html, 'contract-ends')
    expect(table.headers).toEqual(['Contracts', '2026 Q4', '2027 Q1', '2027 Q2', '2027 Q3', '2027 Q4', '2028 Q1'])
    expect(table.rows).toEqual([['Contracts ending', '0', '2', '0', '1', '0', '1']])
    expect(html).toContain('data-chart="bar"')
    expect(words(html)).toContain('4 contracts for it end from today on; the busiest quarter is 2027 Q1, with 2.')
  })

  it('sends a merged product’s address to the product it joined, keeping the query', async () => {
    const response = await analyst.get(paths.product(merged, '?standard=tech-code&version=1')).expect(302)
    expect(response.headers.location).toBe(paths.product(ledgerly, '?standard=tech-code&version=1'))
  })

  it('says what is wrong with a standard that does not exist, and 404s an unknown product', async () => {
    const html = (await analyst.get(paths.product(ledgerly, '?standard=nope')).expect(400)).text
    expect(words(html)).toContain('There is no published standard “nope”')
    await analyst.get(paths.product(999999)).expect(404)
  })

  it('prints a brief: what fails since when, and whose contracts end next', async () => {
    const html = (await analyst.get(paths.productBrief(ledgerly, TECH_CODE)).expect(200)).text
    expect(tableById(html, 'failing').rows).toEqual([['1. Open standards', '4', '5', '1 June 2024']])
    expect(tableById(html, 'next-ends').rows.map(r => r.slice(0, 2))).toEqual([
      ['Camden', '10 February 2027'],
      ['Camden', '31 March 2027'],
      ['Hackney', '1 August 2027'],
      ['Bexley', '15 January 2028'],
    ])
    await hackney.get(paths.productBrief(ledgerly, TECH_CODE)).expect(403)
  })
})

describe('the scorecard API', () => {
  it('answers counts per point and contract ends, as documented', async () => {
    const response = await analyst.get(`${paths.api.productScorecard(ledgerly)}${TECH_CODE}`).expect(200)
    expect(undocumented('get', '/api/v1/products/{id}/scorecard', response)).toEqual([])
    expect(response.body).toMatchObject({
      product: { id: ledgerly, name: 'Ledgerly', supplier: { name: 'Acme' } },
      standard: { key: 'tech-code', version: 1 },
      authorities: 6,
      raters: 5,
      buyers: 5,
      points: [
        { key: 'open', meets: 1, partly: 0, doesNotMeet: 4, notAssessed: 0, position: 'does_not_meet' },
        { key: 'data', meets: 3, partly: 1, doesNotMeet: 1, notAssessed: 0, position: 'meets' },
      ],
    })
  })

  it('takes a stricter minimum of raters', async () => {
    const response = await analyst.get(`${paths.api.productScorecard(ledgerly)}${TECH_CODE}&minRaters=7`).expect(200)
    expect(response.body.points.map((p: { position: string }) => p.position)).toEqual(['too_few', 'too_few'])
  })

  it('refuses bad query values with a 422 naming them, and 404s an unknown product', async () => {
    const response = await analyst.get(`${paths.api.productScorecard(ledgerly)}?minRaters=lots&version=x`).expect(422)
    expect(response.body.message).toContain('The fewest raters must be a whole number from 1 to 33, not “lots”')
    expect(response.body.message).toContain('The version must be a whole number')
    await analyst.get(paths.api.productScorecard(424242)).expect(404)
  })
})

describe('what a respondent sees', () => {
  it('sees the counts once enough authorities have rated it, naming only shareable entries', async () => {
    const response = await hackney.get(`${paths.api.productScorecard(ledgerly)}${TECH_CODE}`).expect(200)
    expect(response.body.organisations).toEqual([(await t.repos.organisations.findBySlug('hackney'))!.gss])
    expect(response.body.points[0]).toMatchObject({ doesNotMeet: 4, position: 'does_not_meet' })
    const html = (await hackney.get(paths.product(ledgerly, TECH_CODE)).expect(200)).text
    expect(words(html)).toContain('6, among them (those that share their entry) Hackney')
    expect(html).not.toContain('Camden')
    expect(html).not.toContain(paths.productBrief(ledgerly, TECH_CODE))
    expect(html).not.toContain(paths.estateMap())
    // The pipeline's opportunities are for LOTI: a respondent is not sent to a page refused to them.
    expect(html).not.toContain(paths.pipelineOpportunity('finance-erp'))
  })

  it('is told, not refused, when fewer than the disclosure minimum have rated it; the API answers 403', async () => {
    const rows = estateRows(t.db.knex)
    const few = await rows.product('Fewbooks', await rows.supplier('Smallco'), 'finance-erp')
    for (const slug of ['camden', 'hackney', 'sutton', 'bexley']) {
      await rows.rate(await rows.entry(slug, few), standardId, { open: 'meets' })
    }
    await hackney.get(`${paths.api.productScorecard(few)}${TECH_CODE}`).expect(403)
    const page = await hackney.get(paths.product(few, TECH_CODE)).expect(200)
    expect(page.text).toContain('<h1 class="govuk-heading-l">Fewbooks</h1>')
    expect(page.text).toContain('shown to councils once at least 5 authorities have rated it against the Technology')
    // Nothing of the ratings themselves: no table of points, no authority named.
    expect(page.text).not.toContain('id="points"')
    expect(page.text).not.toContain('Camden')
    await analyst.get(paths.product(few, TECH_CODE)).expect(200)
  })
})
