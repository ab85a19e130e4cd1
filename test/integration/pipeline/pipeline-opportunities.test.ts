import { paths } from '../../../src/paths'
import { undocumented } from '../../support/openapi'
import { plantClusters } from '../../support/planted-clusters'
import { plantPipeline } from '../../support/planted-pipeline'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

/**
 * The planted round (still open, the only one with scores) has Camden, Hackney, Sutton, Bexley, Bromley
 * and Islington weak on Data; Camden and Islington share a service; Barnet never handed in. The planted
 * plans are described in test/support/planted-pipeline.ts.
 */
let t: TestApp
let analyst: Agent
let hackney: Agent

beforeAll(async () => {
  t = await createTestApp()
  await plantClusters(t)
  await plantPipeline(t)
  analyst = (await signIn(t.app, (await t.createUser('analyst')).email)).agent
  hackney = (await signIn(t.app, (await t.createUser('respondent', { organisation: 'hackney' })).email)).agent
})
afterAll(() => t.close())

/** What a sighted reader sees of some markup: its words, without the tags around them. */
const words = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ')
const authorityLink = (slug: string, name: string) =>
  `<a class="govuk-link" href="${paths.organisation(slug)}">${name}</a>`

const gssOf = async (...slugs: string[]) =>
  Promise.all(slugs.map(async s => (await t.repos.organisations.findBySlug(s))!.gss)).then(g => g.sort())

describe('the opportunities API', () => {
  it('lists each category’s authorities, separate buyers and date spread in the next two years, biggest first', async () => {
    const response = await analyst.get('/api/v1/pipeline/opportunities').expect(200)
    expect(undocumented('get', '/api/v1/pipeline/opportunities', response)).toEqual([])
    expect(response.body.map((o: { category: string }) => o.category)).toEqual(['data-platform', 'finance-erp'])
    const [data, finance] = response.body
    expect(data).toMatchObject({
      organisations: await gssOf('camden', 'islington', 'hackney', 'bexley', 'westminster', 'barnet', 'croydon'),
      buyers: 6,
      earliest: '2027-03-31',
      latest: '2028-11-27',
    })
    expect(finance).toMatchObject({
      organisations: await gssOf('hackney', 'haringey', 'enfield'),
      buyers: 3,
      earliest: '2027-02-28',
      latest: '2027-04-30',
    })
  })

  it('narrows to the window asked for', async () => {
    const response = await analyst.get('/api/v1/pipeline/opportunities?windowMonths=6').expect(200)
    expect(
      response.body.map((o: { category: string; organisations: string[] }) => [o.category, o.organisations]),
    ).toEqual([
      ['finance-erp', await gssOf('hackney', 'haringey', 'enfield')],
      ['data-platform', await gssOf('camden')],
    ])
  })

  it.each(['0', '121', 'soon', '2.5'])('refuses windowMonths=%s with a 400 naming it', async value => {
    const response = await analyst.get(`/api/v1/pipeline/opportunities?windowMonths=${value}`).expect(400)
    expect(undocumented('get', '/api/v1/pipeline/opportunities', response)).toEqual([])
    expect(response.body.errors).toEqual([{ field: 'windowMonths', message: expect.stringContaining('1 to 120') }])
    expect(response.body.message).toContain('windowMonths')
  })

  it('is refused to respondents', async () => {
    await hackney.get('/api/v1/pipeline/opportunities').expect(403)
  })
})

describe('the opportunities page', () => {
  it('shows each category with its numbers and the maturity join, and where the weaknesses come from', async () => {
    const page = await analyst.get('/pipeline/opportunities').expect(200)
    const row = /<tr class="govuk-table__row" data-category="data-platform">([\s\S]*?)<\/tr>/.exec(page.text)![1]!
    expect(words(row)).toContain('Barnet, Bexley, Camden, Croydon, Hackney, Islington and Westminster')
    expect(row).toContain(authorityLink('barnet', 'Barnet'))
    expect(row).toContain(authorityLink('westminster', 'Westminster'))
    expect(row.match(/govuk-table__cell--numeric">(\d+)</g)).toEqual([
      'govuk-table__cell--numeric">7<',
      'govuk-table__cell--numeric">6<',
    ])
    expect(row).toContain('31 March 2027 to 27 November 2028')
    expect(row).toContain(
      '4 of the 7 authorities with plans for data platform and analytics are weak on data (1 of them has no score there)',
    )
    expect(page.text).toContain('Weak means a final score below 2.5')
    expect(page.text).toContain('London 2026 (the latest round with scores; it is still open')
  })

  it('has a timeline table of contract ends by quarter for the chart to draw', async () => {
    const page = await analyst.get('/pipeline/opportunities').expect(200)
    const table = /<table[^>]*id="contract-ends"[\s\S]*?<\/table>/.exec(page.text)![0]
    expect(table).toContain('data-chart="bar"')
    const quarters = [...table.matchAll(/data-series>([^<]+)</g)].map(m => m[1])
    expect(quarters).toEqual([
      '2026 Q4',
      '2027 Q1',
      '2027 Q2',
      '2027 Q3',
      '2027 Q4',
      '2028 Q1',
      '2028 Q2',
      '2028 Q3',
      '2028 Q4',
    ])
    const finance = /Finance and ERP<\/th>([\s\S]*?)<\/tr>/.exec(table)![1]!
    expect([...finance.matchAll(/data-value="(\d+)"/g)].map(m => Number(m[1]))).toEqual([0, 2, 1, 0, 0, 0, 0, 0, 0])
    // The sentence beside the chart tells the same numbers as the table's totals row.
    const totals = /All categories<\/th>([\s\S]*?)<\/tr>/.exec(table)![1]!
    const perQuarter = [...totals.matchAll(/>(\d+)<\/td>/g)].map(m => Number(m[1])).slice(0, quarters.length)
    const total = perQuarter.reduce((a, b) => a + b, 0)
    const busiest = quarters[perQuarter.indexOf(Math.max(...perQuarter))]!
    expect(/data-testid="timeline-summary">([^<]*)</.exec(page.text)?.[1]).toContain(
      `${total} contracts in open plans end in the window. The busiest quarter is ${busiest}, with ${Math.max(...perQuarter)} contracts`,
    )
    expect(page.text).toContain('<script src="/assets/chart.umd.min.js">')
  })

  it('explains a bad window beside the field and changes nothing', async () => {
    const page = await analyst.get('/pipeline/opportunities?windowMonths=0').expect(400)
    expect(page.text).toContain('<a href="#windowMonths">The window must be a whole number of months from 1 to 120')
    expect(page.text).toContain('id="windowMonths-error"')
    expect(page.text).toContain('value="0"')
  })

  it('is refused to respondents, with every other central pipeline view', async () => {
    for (const path of [
      '/pipeline/opportunities',
      '/pipeline/opportunities/data-platform',
      '/pipeline/all',
      '/pipeline/all.csv',
    ])
      expect([path, (await hackney.get(path)).status]).toEqual([path, 403])
  })
})

describe('an opportunity’s brief', () => {
  it('says who, what they run, when, how much, and the shared weakness', async () => {
    const page = await analyst.get('/pipeline/opportunities/data-platform').expect(200)
    expect(page.text).toContain('<h1 class="govuk-heading-l">Data platform and analytics</h1>')
    expect(page.text).toContain(
      '4 of the 7 authorities with plans for data platform and analytics are weak on data (1 of them has no score there).',
    )
    const buyers = /Separate buyers<\/dt>\s*<dd class="govuk-summary-list__value">([\s\S]*?)<\/dd>/.exec(page.text)![1]!
    expect(words(buyers)).toBe('6, as partnerships buy once: North London digital partnership (Camden and Islington)')
    expect(buyers).toContain(`(${authorityLink('camden', 'Camden')} and ${authorityLink('islington', 'Islington')})`)
    expect(page.text).toContain('Qlik, Acme Data')
    expect(page.text).toContain('£1 million to £4.99 million: 6')
    expect(page.text).toContain('£500,000 to £999,999: 1')
    expect(page.text).toContain('Share with other councils: 1')
    // Camden's Data score is 1.00, weak; Westminster's 4.00, not.
    expect(page.text).toContain('Score on Data</th>')
    expect(page.text).toMatch(
      /Camden<\/a><\/th>(?:(?!<\/tr>)[\s\S])*?>1\.00 <strong class="app-weak-marker">\(weak\)<\/strong><\/td>/,
    )
    expect(page.text).toMatch(/Westminster<\/a><\/th>(?:(?!<\/tr>)[\s\S])*?>4\.00<\/td>/)
    // Each authority heads its row, linked to its organisation page.
    expect(page.text).toContain(
      `<th scope="row" class="govuk-table__header app-table__row-header">${authorityLink('camden', 'Camden')}</th>`,
    )
    expect(page.text).not.toContain('Sutton')
  })

  it('says so when nobody plans in a category, and 404s for one that does not exist', async () => {
    const empty = await analyst.get('/pipeline/opportunities/waste').expect(200)
    expect(empty.text).toContain('No authority has an open plan in this category')
    await analyst.get('/pipeline/opportunities/no-such-thing').expect(404)
  })
})

describe('all plans and their CSV', () => {
  it('lists every entry, filtered by category and status', async () => {
    const all = await analyst.get('/pipeline/all').expect(200)
    expect(all.text).toContain('14 plans')
    const finance = await analyst.get('/pipeline/all?category=finance-erp').expect(200)
    expect(finance.text).toContain('3 plans')
    expect(finance.text).toContain('href="/pipeline/all.csv?category=finance-erp"')
    const cancelled = await analyst.get('/pipeline/all?status=cancelled').expect(200)
    expect(cancelled.text).toContain('1 plan<')
    expect(cancelled.text).toContain('Sutton')
    const bad = await analyst.get('/pipeline/all?status=lost').expect(400)
    expect(bad.text).toContain('<a href="#status">The status must be one of')
  })

  it('downloads the pipeline with a byte-order mark and formula-like text neutralised', async () => {
    const response = await analyst
      .get('/pipeline/all.csv')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => done(null, Buffer.concat(chunks)))
      })
    expect(response.status).toBe(200)
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="?london-pipeline-2026-11-27\.csv"?$/,
    )
    const body = response.body as Buffer
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = body.toString('utf8')
    expect(text.split('\r\n')[0]).toContain('Entry,GSS code,Organisation,Category,Current system,Supplier')
    expect(text).toContain("'=cmd|/c calc!A1")
    expect(text).toContain("'@SUM(1+1)")
    expect(text).not.toMatch(/,=cmd/)
    expect(text.trim().split('\r\n')).toHaveLength(15)
  })
})

describe('who else is planning the same', () => {
  it('counts the other authorities with open plans in the category and window', async () => {
    const page = await hackney.get('/pipeline/similar').expect(200)
    const row = (category: string) => new RegExp(`data-category="${category}">([\\s\\S]*?)</tr>`).exec(page.text)![1]!
    expect(row('data-platform')).toContain('data-testid="others">6<')
    expect(row('data-platform')).toContain('Camden')
    expect(row('data-platform')).toContain('and 5 more that have not shared')
    expect(row('finance-erp')).toContain('data-testid="others">2<')
    expect(row('finance-erp')).toContain('Haringey')
  })

  it('never names an authority whose plan is not shared, nor one outside the count', async () => {
    const page = await hackney.get('/pipeline/similar').expect(200)
    for (const name of [
      'Islington',
      'Bexley',
      'Westminster',
      'Barnet',
      'Croydon',
      'Enfield',
      'Sutton',
      'Bromley',
      'Lambeth',
      'Southwark',
    ])
      expect([name, page.text.includes(name)]).toEqual([name, false])
  })

  it('is for respondents only', async () => {
    await analyst.get('/pipeline/similar').expect(403)
  })
})
