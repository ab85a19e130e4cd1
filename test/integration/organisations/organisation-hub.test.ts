import type { EntryContent } from '../../../src/domain/pipeline/entry'
import { fillAssessment } from '../../support/results'
import { assessmentOf, createRound } from '../../support/rounds'
import { chartPanel, lineDots, tableById } from '../../support/svg-chart'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

let t: TestApp
let analyst: Agent
let admin: Agent
let hackneyRespondent: Agent
let camdenRespondent: Agent
let spring: number
let autumn: number
let hackneySpring: number
let hackneyAutumn: number
let hackneyPerson: { id: number; email: string }
let invited: number
let plannedEntry: number

const DIMENSIONS = ['leadership', 'culture', 'data', 'foundations', 'services']

const entry = (change: Partial<EntryContent>): EntryContent => ({
  categoryKey: 'finance-erp',
  currentSystem: null,
  supplier: null,
  contractEnd: null,
  plannedStart: null,
  route: 'procure',
  valueBand: 'unknown',
  status: 'planned',
  addresses: null,
  notes: null,
  shareable: true,
  ...change,
})

/** A section of the page, from its heading to the next one. */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`)
  if (start < 0) throw new Error(`no section #${id}`)
  const end = html.indexOf('<h2', start + 1)
  return html.slice(start, end < 0 ? undefined : end)
}

const member = async (slug: string) => (await t.repos.organisations.findBySlug(slug))!.id

beforeAll(async () => {
  t = await createTestApp()
  analyst = (await signIn(t.app, (await t.createUser('analyst')).email)).agent
  admin = (await signIn(t.app, (await t.createUser('admin')).email)).agent
  hackneyPerson = await t.createUser('respondent', { organisation: 'hackney' })
  hackneyRespondent = (await signIn(t.app, hackneyPerson.email)).agent
  camdenRespondent = (await signIn(t.app, (await t.createUser('respondent', { organisation: 'camden' })).email)).agent
  invited = await t.repos.users.create(
    { email: 'new@hackney.gov.uk', name: 'Nadia New', role: 'respondent', organisationId: await member('hackney') },
    null,
  )

  spring = await createRound(t, {
    name: 'Spring 2026',
    opensOn: '2026-03-01',
    closesOn: '2026-05-31',
    organisations: ['hackney', 'camden', 'islington'],
  })
  autumn = await createRound(t, { name: 'Autumn 2026', organisations: ['hackney', 'camden', 'islington'] })
  hackneySpring = await assessmentOf(t, spring, 'hackney')
  hackneyAutumn = await assessmentOf(t, autumn, 'hackney')
  await fillAssessment(t, hackneySpring, () => 3, { state: 'moderated' })
  await fillAssessment(t, hackneyAutumn, () => 2, { state: 'in_progress' })

  await t.repos.partnerships.create({
    name: 'North East London Shared Services',
    description: 'Buying together',
    memberIds: [await member('hackney'), await member('islington')],
  })

  const hackneyId = await member('hackney')
  const at = { at: t.services.clock(), by: null }
  plannedEntry = await t.repos.pipeline.insert(hackneyId, entry({ plannedStart: '2027-02-01' }), at)
  await t.repos.pipeline.insert(hackneyId, entry({ contractEnd: '2027-06-30', status: 'idea' }), at)
  await t.repos.pipeline.insert(hackneyId, entry({ contractEnd: '2026-01-31', status: 'awarded' }), at)
})
afterAll(() => t.close())

describe('the organisation page as a hub', () => {
  it('shows its assessments by round with their state, and scores only once handed in', async () => {
    const page = await analyst.get('/organisations/hackney').expect(200)
    const assessments = section(page.text, 'assessments')
    expect(assessments).toMatch(/Autumn 2026[\s\S]*In progress[\s\S]*Not scored yet/)
    expect(assessments).toMatch(/Spring 2026[\s\S]*Moderated[\s\S]*3\.00/)
    expect(assessments).toContain(`href="/assessments/${hackneyAutumn}"`)
    expect(assessments).toContain(`href="/assessments/${hackneySpring}/report"`)
    expect(assessments).not.toContain(`href="/assessments/${hackneyAutumn}/report"`)
    await analyst.get(`/assessments/${hackneyAutumn}`).expect(200)
  })

  it('tables its scores across the rounds it was scored in', async () => {
    const trend = section((await analyst.get('/organisations/hackney')).text, 'trend')
    expect(trend).toMatch(/Spring 2026[\s\S]*3\.00/)
    expect(trend).not.toContain('Autumn 2026')
  })

  it('draws its scores across rounds beside the table, the same numbers, and says how they moved', async () => {
    // Autumn handed in (level 2 throughout) for this test only, so there are two rounds to draw.
    await t.repos.assessments.setState(hackneyAutumn, 'submitted', {})
    try {
      const html = section((await analyst.get('/organisations/hackney').expect(200)).text, 'trend')
      const table = tableById(html, 'trend-table')
      expect(table.rows.map(r => r[0])).toEqual(['Spring 2026', 'Autumn 2026'])
      for (const [column, title] of table.headers.slice(1).entries()) {
        const key = column === 0 ? 'overall' : DIMENSIONS[column - 1]!
        const panel = chartPanel(html, key)
        expect([panel.role, panel.title]).toEqual(['img', title])
        const dots = lineDots(panel)
        expect([...dots.keys()]).toEqual(['Spring 2026', 'Autumn 2026'])
        for (const row of table.rows) {
          const dot = dots.get(row[0]!)!
          expect(Math.abs(dot.score - Number(row[column + 1]))).toBeLessThan(0.01)
          expect([dot.printed, dot.title]).toEqual([row[column + 1], `${row[0]}: ${row[column + 1]}`])
        }
        expect(panel.name).toBe(`${title} From 3.00 in Spring 2026 to 2.00 in Autumn 2026, down 1.00.`)
      }
      expect(html).toContain(
        '<p class="govuk-body" id="trend-summary">Hackney’s overall score went from 3.00 in Spring 2026 to 2.00 in Autumn 2026, down 1.00.',
      )
    } finally {
      await t.repos.assessments.setState(hackneyAutumn, 'in_progress', {})
    }
  })

  it('draws a lone dot, and says so, while it has been scored in one round; nothing before', async () => {
    const trend = section((await analyst.get('/organisations/hackney')).text, 'trend')
    expect([...lineDots(chartPanel(trend, 'overall')).keys()]).toEqual(['Spring 2026'])
    expect(trend).toContain('Hackney has been scored in 1 round so far; its overall score was 3.00 in Spring 2026.')
    const islington = section((await analyst.get('/organisations/islington')).text, 'trend')
    expect(islington).toContain('No assessment of it has been scored yet')
    expect(islington).not.toContain('<svg')
  })

  it('links each round’s report and export, which the analyst can then open', async () => {
    const reports = section((await analyst.get('/organisations/hackney')).text, 'reports')
    expect(reports).toContain(`href="/assessments/${hackneySpring}/report"`)
    expect(reports).toContain(`href="/rounds/${spring}/export.csv"`)
    expect(reports).toContain(`href="/rounds/${autumn}/export.xlsx"`)
    await analyst.get(`/rounds/${spring}/export.csv`).expect(200)
    await analyst.get(`/assessments/${hackneySpring}/report`).expect(200)
  })

  it('sums up the pipeline and links to it filtered to the organisation', async () => {
    const pipeline = section((await analyst.get('/organisations/hackney')).text, 'pipeline')
    expect(pipeline).toContain('3 entries, 2 still to be bought')
    expect(pipeline).toContain('href="/pipeline?organisation=hackney"')
    expect(pipeline).toMatch(
      new RegExp(`href="/pipeline/entries/${plannedEntry}"[\\s\\S]*1 February 2027[\\s\\S]*30 June 2027`),
    )
    expect(pipeline).not.toContain('31 January 2026')
    await analyst.get('/pipeline?organisation=hackney').expect(200)
  })

  it('lists its partnerships with every member linked to their page', async () => {
    const partnerships = section((await analyst.get('/organisations/hackney')).text, 'partnerships')
    expect(partnerships).toContain('North East London Shared Services')
    expect(partnerships).toContain('href="/organisations/islington"')
    expect(partnerships).toContain('href="/organisations/hackney"')
  })

  it('shows its people, with how they sign in, to administrators only', async () => {
    const page = (await admin.get('/organisations/hackney').expect(200)).text
    const people = section(page, 'people')
    expect(people).toContain(`href="/admin/users/${hackneyPerson.id}"`)
    expect(people).toMatch(/Last signed in \d/)
    expect(people).toContain(`href="/admin/users/${invited}"`)
    expect(people).toContain('Invited, not signed in yet')
    expect((await analyst.get('/organisations/hackney')).text).not.toContain('id="people"')
    expect((await hackneyRespondent.get('/organisations/hackney')).text).not.toContain('id="people"')
  })
})

describe('what a respondent sees of organisations', () => {
  it('shows their own organisation, with partnership members they cannot open as names', async () => {
    const page = (await hackneyRespondent.get('/organisations/hackney').expect(200)).text
    expect(section(page, 'assessments')).toContain(`href="/assessments/${hackneySpring}/report"`)
    expect(section(page, 'reports')).toContain('Export (your organisation)')
    expect(section(page, 'pipeline')).toContain('href="/pipeline"')
    const partnerships = section(page, 'partnerships')
    expect(partnerships).toContain('Islington')
    expect(partnerships).not.toContain('href="/organisations/islington"')
  })

  it('refuses another organisation’s page and shows nothing of it', async () => {
    const page = await camdenRespondent.get('/organisations/hackney')
    expect(page.status).toBe(403)
    expect(page.text).not.toContain('Spring 2026')
    expect(page.text).not.toContain(`/assessments/${hackneySpring}`)
    expect(page.text).not.toContain('/pipeline/entries/')
  })
})
