import { fillAssessment } from '../../support/results'
import { assessmentOf, createRound } from '../../support/rounds'
import { undocumented } from '../../support/openapi'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

let t: TestApp
let analyst: Agent
let respondent: Agent
let outsider: Agent
let round: number
let v2Round: number

const CAMDEN = 'E09000007'
const HACKNEY = 'E09000012'
const ISLINGTON = 'E09000019'
const LAMBETH = 'E09000022'
const SOUTHWARK = 'E09000028'
const HOUSING = 'services.housing.capabilities'
const SYSTEM = 'services.housing.system'
const money = (budget: number | undefined, revenue: number, capital: number | undefined, population: number) => ({
  'leadership.investment.net-revenue-budget': budget,
  'leadership.investment.change-spend-revenue': revenue,
  'leadership.investment.change-spend-capital': capital,
  'leadership.investment.population': population,
})

// Worked by hand. Housing capabilities held: Hackney all six, Camden the eligibility check, Islington none
// yet, Lambeth the eligibility check and evidence upload, Southwark evidence upload; Sutton has not handed in.
// Every other checklist holds everything. Camden and Islington share a service, so they buy as one.
const boroughs: [string, number, Record<string, unknown>][] = [
  ['hackney', 4, { ...money(300_000, 3_000, 3_000, 250_000), [SYSTEM]: 'Rooftop Housing' }],
  [
    'camden',
    3,
    { ...money(400_000, 2_000, 0, 200_000), [HOUSING]: ['online-eligibility-check'], [SYSTEM]: 'Rooftop Housing' },
  ],
  ['islington', 2, { ...money(250_000, 1_000, 500, 150_000), [HOUSING]: ['none'], [SYSTEM]: ' rooftop housing' }],
  [
    'lambeth',
    1,
    { ...money(500_000, 5_000, 2_500, 300_000), [HOUSING]: ['online-eligibility-check', 'online-evidence-upload'] },
  ],
  [
    'southwark',
    3,
    { ...money(undefined, 1_000, undefined, 100_000), [HOUSING]: ['online-evidence-upload'], [SYSTEM]: 'none' },
  ],
]

beforeAll(async () => {
  t = await createTestApp()
  analyst = (await signIn(t.app, (await t.createUser('analyst')).email)).agent
  respondent = (await signIn(t.app, (await t.createUser('respondent', { organisation: 'hackney' })).email)).agent
  outsider = (await signIn(t.app, (await t.createUser('respondent', { organisation: 'bexley' })).email)).agent
  const slugs = [...boroughs.map(b => b[0]), 'sutton']
  round = await createRound(t, { version: 3, organisations: slugs })
  v2Round = await createRound(t, { version: 2, organisations: slugs, opensOn: '2026-01-01', closesOn: '2026-03-31' })
  for (const [slug, level, values] of boroughs)
    await fillAssessment(t, await assessmentOf(t, round, slug), () => level, { version: 3, values: values as never })
  await fillAssessment(t, await assessmentOf(t, round, 'sutton'), () => 5, { version: 3, state: 'in_progress' })
  const id = async (slug: string) => (await t.repos.organisations.findBySlug(slug))!.id
  await t.repos.partnerships.create({
    name: 'North shared ICT',
    description: 'Test',
    memberIds: [await id('camden'), await id('islington')],
  })
  const [supplier] = await t.db
    .knex('suppliers')
    .insert({ name: 'Supplier of housing' })
    .returning<{ id: number }[]>('id')
  const [product] = await t.db
    .knex('products')
    .insert({
      name: 'Test Housing Suite',
      supplier_id: supplier!.id,
      category_key: 'housing-management',
      status: 'approved',
    })
    .returning<{ id: number }[]>('id')
  await t.db.knex('products').insert({
    name: 'Another Housing Product',
    supplier_id: supplier!.id,
    category_key: 'housing-management',
    status: 'approved',
  })
  const now = t.clock()
  const entry = {
    category_key: 'housing-management',
    product_id: product!.id,
    hosting: 'saas',
    created_at: now,
    updated_at: now,
  }
  await t.db.knex('estate_entries').insert([
    { ...entry, organisation_id: await id('lambeth'), contract_end: '2028-06-30' },
    // Sutton has not handed in, so its system is offered to it but counts in no gap.
    { ...entry, organisation_id: await id('sutton'), contract_end: '2031-03-31' },
  ])
})
afterAll(() => t.close())

describe('capability gaps', () => {
  it('lists who lacks each capability, most lacking first, as buyers, with the systems they run there', async () => {
    const response = await analyst.get(`/api/v1/rounds/${round}/capability-gaps`).expect(200)
    expect(undocumented('get', '/api/v1/rounds/{id}/capability-gaps', response)).toEqual([])
    const gaps = response.body as { capability: string; lacking: string[]; buyers: number; answered: number }[]
    const four = [CAMDEN, ISLINGTON, LAMBETH, SOUTHWARK]
    expect(gaps.map(g => [g.capability, g.lacking, g.buyers])).toEqual([
      ['online-application-tracking', four, 3],
      ['automated-banding', four, 3],
      ['application-system-api', four, 3],
      ['automated-statutory-returns', four, 3],
      ['online-eligibility-check', [ISLINGTON, SOUTHWARK], 2],
      ['online-evidence-upload', [CAMDEN, ISLINGTON], 1],
    ])
    expect(gaps[0]).toMatchObject({
      area: 'services.housing',
      question: HOUSING,
      answered: 5,
      systems: [
        { name: 'Rooftop Housing', authorities: 2, contractsEndBy: null },
        { name: 'Test Housing Suite', authorities: 1, contractsEndBy: '2028-06-30' },
      ],
    })
  })

  it('says the widest gap in a sentence and tabulates every gap, linked to plans and contracts', async () => {
    const html = (await analyst.get(`/rounds/${round}/capability-gaps`).expect(200)).text
    expect(html).toContain(
      '4 authorities, 3 buyers, lack “Applicants track their application and banding online” (Housing allocations and lettings); 2 of them run Rooftop Housing.',
    )
    expect(html).toContain('Test Housing Suite: 1, contracts end by 30 Jun 2028')
    expect(html).toContain('href="/pipeline/opportunities/housing-management"')
    expect(html).toContain('href="/estate/concentration?category=housing-management"')
    expect((html.match(/<tr class="govuk-table__row">/g) ?? []).length).toBe(7)
  })

  it('explains a round on a questionnaire without checklists, and is for central roles only', async () => {
    const html = (await analyst.get(`/rounds/${v2Round}/capability-gaps`).expect(200)).text
    expect(html).toContain('uses a questionnaire without capability checklists')
    expect((await analyst.get(`/api/v1/rounds/${v2Round}/capability-gaps`).expect(200)).body).toEqual([])
    await respondent.get(`/rounds/${round}/capability-gaps`).expect(403)
    await respondent.get(`/api/v1/rounds/${round}/capability-gaps`).expect(403)
    await analyst.get('/api/v1/rounds/99999/capability-gaps').expect(404)
  })
})

describe('naming a service area’s main system', () => {
  it('offers the council’s own registered systems first, then the catalogue’s products for the service', async () => {
    const sutton = (await signIn(t.app, (await t.createUser('respondent', { organisation: 'sutton' })).email)).agent
    const page = (
      await sutton.get(`/assessments/${await assessmentOf(t, round, 'sutton')}/themes/services.housing`).expect(200)
    ).text
    const list = /<datalist id="answer-services__housing__system-list">([\s\S]*?)<\/datalist>/.exec(page)?.[1] ?? ''
    expect([...list.matchAll(/<option value="([^"]*)">/g)].map(m => m[1])).toEqual([
      'Test Housing Suite',
      'Another Housing Product',
    ])
    expect(page).toContain('list="answer-services__housing__system-list"')
  })
})

describe('investment in digital and maturity', () => {
  it('gives each handed-in authority’s change spend share, per resident and overall score', async () => {
    const response = await analyst.get(`/api/v1/rounds/${round}/investment`).expect(200)
    expect(undocumented('get', '/api/v1/rounds/{id}/investment', response)).toEqual([])
    expect(response.body).toEqual([
      { gss: CAMDEN, name: 'Camden', changeSpendShare: 0.005, changeSpendPerResident: 10, overall: 3 },
      { gss: HACKNEY, name: 'Hackney', changeSpendShare: 0.02, changeSpendPerResident: 24, overall: 4 },
      { gss: ISLINGTON, name: 'Islington', changeSpendShare: 0.006, changeSpendPerResident: 10, overall: 2 },
      { gss: LAMBETH, name: 'Lambeth', changeSpendShare: 0.015, changeSpendPerResident: 25, overall: 1 },
      { gss: SOUTHWARK, name: 'Southwark', changeSpendShare: null, changeSpendPerResident: 10, overall: 3 },
    ])
  })

  it('shows analysts every point with London’s quartiles, as a chart over its table', async () => {
    const html = (await analyst.get(`/rounds/${round}/investment`).expect(200)).text
    // Shares 0.5%, 0.6%, 1.5% and 2%: the median is 1.05%, the middle half 0.575% (0.57 in binary) to 1.625%.
    expect(html).toContain('the median spend on digital change is 1.05% of the revenue budget (£10.00 per resident)')
    expect(html).toContain('the middle half spend from 0.57% to 1.63%')
    expect(html).toContain('data-chart="scatter"')
    expect(html).toMatch(/Hackney<\/th>[\s\S]*?2\.00%[\s\S]*?£24\.00[\s\S]*?4\.00[\s\S]*?Highest quarter/)
  })

  it('shows a respondent only its own council against London’s quartiles', async () => {
    const html = (await respondent.get(`/rounds/${round}/investment`).expect(200)).text
    expect(html).toContain('Hackney against London')
    expect(html).not.toContain('Camden')
    expect(html).not.toContain('data-chart="scatter"')
    expect(html).toMatch(
      /Change spend, share of revenue budget<\/th>[\s\S]*?2\.00%[\s\S]*?0\.57%[\s\S]*?1\.05%[\s\S]*?1\.63%[\s\S]*?Highest quarter/,
    )
    await respondent.get(`/api/v1/rounds/${round}/investment`).expect(403)
    const report = (await respondent.get(`/assessments/${await assessmentOf(t, round, 'hackney')}/report`).expect(200))
      .text
    expect(report).toContain(`href="/rounds/${round}/investment"`)
    const earlier = (
      await respondent.get(`/assessments/${await assessmentOf(t, v2Round, 'hackney')}/report`).expect(200)
    ).text
    expect(earlier).not.toContain('/investment"')
    await outsider.get(`/rounds/${round}/investment`).expect(404)
  })
})
