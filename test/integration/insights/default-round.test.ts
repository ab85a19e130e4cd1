import { fillAssessment } from '../../support/results'
import { assessmentOf, createRound } from '../../support/rounds'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

let t: TestApp
let analyst: Agent
let spring: number
let autumn: number

/** The page as a sighted reader reads it: tags gone, spaces collapsed. */
const words = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#34;/g, "'")
    .replace(/\s+/g, ' ')

beforeAll(async () => {
  t = await createTestApp()
  analyst = (await signIn(t.app, (await t.createUser('analyst')).email)).agent
  const last = await createRound(t, {
    name: 'Autumn 2025',
    opensOn: '2025-10-01',
    closesOn: '2025-12-31',
    organisations: ['hackney', 'camden'],
  })
  for (const slug of ['hackney', 'camden']) await fillAssessment(t, await assessmentOf(t, last, slug), () => 2)

  const springBoroughs = ['hackney', 'camden', 'islington', 'lambeth', 'barnet', 'sutton']
  spring = await createRound(t, {
    name: 'Spring 2026',
    opensOn: '2026-03-01',
    closesOn: '2026-05-31',
    organisations: springBoroughs,
  })
  for (const slug of springBoroughs.slice(0, 5)) await fillAssessment(t, await assessmentOf(t, spring, slug), () => 3)

  // Closed, with too little evidence to compare with.
  const summer = await createRound(t, {
    name: 'Summer 2026',
    opensOn: '2026-06-01',
    closesOn: '2026-08-31',
    organisations: ['hackney', 'camden'],
  })
  await fillAssessment(t, await assessmentOf(t, summer, 'hackney'), () => 2)

  // Open on the test clock's date (27 November 2026): 1 of 4 submitted, 1 in progress, 2 not started.
  autumn = await createRound(t, { name: 'Autumn 2026', organisations: ['hackney', 'camden', 'islington', 'lambeth'] })
  await fillAssessment(t, await assessmentOf(t, autumn, 'hackney'), () => 4)
  await fillAssessment(t, await assessmentOf(t, autumn, 'camden'), () => 1, { state: 'in_progress' })
})
afterAll(() => t.close())

describe('Insights opens where the evidence is', () => {
  it('opens on the latest round with enough scored assessments, not the newest, and says why', async () => {
    const opened = await analyst.get('/insights').expect(302)
    expect(opened.headers.location).toBe(`/rounds/${spring}/heatmap`)
    const page = words((await analyst.get(opened.headers.location!).expect(200)).text)
    expect(page).toContain('Showing Spring 2026, the latest round with at least 5 scored assessments.')
    expect(page).toContain('Autumn 2026 is open: 1 of 4 submitted.')
  })

  it('keeps the round control, and links straight to every other round', async () => {
    const html = (await analyst.get(`/rounds/${spring}/heatmap`).expect(200)).text
    expect(html).toMatch(/<select[^>]*name="round"/)
    expect(html).toContain(`href="/rounds/${autumn}/heatmap"`)
  })

  it('shows an open round’s progress before its heatmap when it is chosen', async () => {
    const html = (await analyst.get(`/rounds/${autumn}/heatmap`).expect(200)).text
    const page = words(html)
    expect(page).toContain(
      'Showing Autumn 2026, as chosen. Insights opens on Spring 2026, the latest round with at least 5 scored assessments.',
    )
    expect(page).toContain('Autumn 2026 is open: 1 of 4 submitted')
    expect(page).toMatch(/Not started 2 In progress 1 Submitted 1 Moderated 0/)
    expect(html.indexOf('Not started')).toBeLessThan(html.indexOf('<table'))
    // A closed round has no progress to show (its table still names the one assessment never started).
    expect(words((await analyst.get(`/rounds/${spring}/heatmap`)).text)).not.toMatch(/Not started \d/)
  })

  it('stays where the evidence is while newer rounds are short of it', async () => {
    await t.repos.assessments.setState(await assessmentOf(t, autumn, 'camden'), 'submitted', {})
    for (const slug of ['islington', 'lambeth']) await fillAssessment(t, await assessmentOf(t, autumn, slug), () => 3)
    await createRound(t, { name: 'Extra 2026', organisations: ['barnet'] })
    // Autumn has 4 scored of 4 now, still short of 5; the newer round has none.
    expect((await analyst.get('/insights').expect(302)).headers.location).toBe(`/rounds/${spring}/heatmap`)
    const page = words((await analyst.get(`/rounds/${spring}/heatmap`)).text)
    expect(page).toContain('Autumn 2026 is open: 4 of 4 submitted.')
    expect(page).toContain('Extra 2026 is open: 0 of 1 submitted.')
  })
})

describe('the trend’s default comparison', () => {
  it('compares with the latest earlier round with enough scored assessments, passing over a thin one', async () => {
    const trend = await analyst.get(`/api/v1/rounds/${autumn}/trend`).expect(200)
    expect(trend.body.against).toEqual({ id: spring, name: 'Spring 2026' })
    const page = (await analyst.get(`/rounds/${autumn}/trend`).expect(200)).text
    expect(page).toMatch(new RegExp(`<option value="${spring}" selected`))
  })
})

describe('exports from Insights', () => {
  it('links the round’s exports, which the analyst may download', async () => {
    const html = (await analyst.get(`/rounds/${spring}/heatmap`).expect(200)).text
    expect(html).toContain(`href="/rounds/${spring}/export.csv"`)
    expect(html).toContain(`href="/rounds/${spring}/export.xlsx"`)
    await analyst.get(`/rounds/${spring}/export.csv`).expect(200)
  })
})

describe('the London map', () => {
  it('makes every tile a link to its organisation’s page, named for a screen reader, above the table', async () => {
    const html = (await analyst.get(`/rounds/${spring}/map`).expect(200)).text
    expect(html).toMatch(
      /<a class="app-map-tile__link" href="\/organisations\/hackney" aria-label="HCK 3\.00, Hackney">/,
    )
    expect(html).toMatch(
      /<a class="app-map-tile__link" href="\/organisations\/sutton" aria-label="STN, Sutton: [^"]+">/,
    )
    expect(html).toContain('<table')
    await analyst.get('/organisations/hackney').expect(200)
  })
})
