import { fillAssessment, recordModerations } from '../../support/results'
import { assessmentOf, createRound } from '../../support/rounds'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'
import { heatmapTable } from '../../support/html-table'

// The heatmap page keeps its rendered table while the round's data stands. Each test shows the page,
// changes something it is made of, and expects the next view to show the change.
let t: TestApp
let analyst: { agent: Agent; csrf: string; name: string }
let roundId: number
let hackney: number

const page = async (agent: Agent = analyst.agent, query = '') =>
  (await agent.get(`/rounds/${roundId}/heatmap${query}`).expect(200)).text

beforeAll(async () => {
  t = await createTestApp()
  const user = await t.createUser('analyst')
  analyst = { ...(await signIn(t.app, user.email)), name: (await t.repos.users.findById(user.id))!.name }
  roundId = await createRound(t, { name: 'Freshness round', organisations: ['hackney', 'camden'] })
  hackney = await assessmentOf(t, roundId, 'hackney')
  await fillAssessment(t, hackney, () => 2)
  await fillAssessment(t, await assessmentOf(t, roundId, 'camden'), () => 4)
})
afterAll(() => t.close())

it('shows a moderated level as soon as it is recorded', async () => {
  // Both are submitted, so the table has no Status column: the page says so once.
  expect(heatmapTable(await page()).row('Hackney')).toEqual(['Hackney', ...Array(6).fill('2.00')])
  const assessor = await t.createUser('assessor')
  const questions = (await t.services.questionnaires.get('london-digital-maturity', 2)).definition
  const leadership = questions.dimensions[0]!.themes.flatMap(theme => theme.questions).filter(
    q => q.type === 'maturity',
  )
  await recordModerations(t, hackney, assessor.id, Object.fromEntries(leadership.map(q => [q.key, { level: 5 }])))
  const row = heatmapTable(await page()).row('Hackney')
  expect(row[2]).toBe('5.00')
  expect(row[1]).not.toBe('2.00')
})

it('shows an organisation’s new name as soon as it changes', async () => {
  await page()
  await t.db.knex('organisations').where({ slug: 'camden' }).update({ name: 'Camden Town' })
  const table = heatmapTable(await page())
  expect(table.rows.map(r => r[0])).toEqual(['Camden Town', 'Hackney'])
})

it('follows a partnership’s members as soon as they change', async () => {
  const camden = (await t.repos.organisations.findBySlug('camden'))!.id
  const partnershipId = await t.repos.partnerships.create({ name: 'North', description: '', memberIds: [camden] })
  expect(heatmapTable(await page(analyst.agent, `?partnership=${partnershipId}`)).rows.map(r => r[0])).toEqual([
    'Camden Town',
  ])
  const hackneyOrganisation = (await t.repos.organisations.findBySlug('hackney'))!.id
  await t.repos.partnerships.setMembers(partnershipId, [hackneyOrganisation])
  expect(heatmapTable(await page(analyst.agent, `?partnership=${partnershipId}`)).rows.map(r => r[0])).toEqual([
    'Hackney',
  ])
})

it('shows a round’s new name in the heading and the list of rounds as soon as it changes', async () => {
  await page()
  await t.db.knex('rounds').where({ id: roundId }).update({ name: 'Renamed round' })
  const html = await page()
  expect(html).toContain('<span class="govuk-caption-l">Renamed round</span>')
  expect(html).toMatch(new RegExp(`<option value="${roundId}" selected>Renamed round</option>`))
  expect(html).not.toContain('Freshness round')
})

it('puts each central user’s own name and form token around the same table', async () => {
  const other = await t.createUser('admin')
  const admin = await signIn(t.app, other.email)
  const mine = await page()
  const theirs = await page(admin.agent)
  expect(heatmapTable(theirs).rows).toEqual(heatmapTable(mine).rows)
  expect(mine).toContain(analyst.name)
  expect(theirs).not.toContain(analyst.name)
  expect(mine).toContain(analyst.csrf)
  expect(theirs).toContain(admin.csrf)
  expect(theirs).not.toContain(analyst.csrf)
})

it('gives the heatmap and clusters API a change as soon as it is made, and each threshold its own answer', async () => {
  const heatmapApi = async (query = '') =>
    (await analyst.agent.get(`/api/v1/rounds/${roundId}/heatmap${query}`).expect(200)).body as {
      weakThreshold: number
      rows: { name: string }[]
    }
  const clustersApi = async (query: string) =>
    (await analyst.agent.get(`/api/v1/rounds/${roundId}/clusters${query}`).expect(200)).body as {
      threshold: number
      sharedWeakness: { organisations: string[] }[]
    }
  expect((await heatmapApi()).rows.map(r => r.name)).toContain('Hackney')
  const low = await clustersApi('?threshold=1&minSize=1&k=2')
  const high = await clustersApi('?threshold=5&minSize=1&k=2')
  expect(low.threshold).toBe(1)
  expect(high.threshold).toBe(5)
  expect(low.sharedWeakness).toHaveLength(0)
  expect(high.sharedWeakness.length).toBeGreaterThan(0)
  expect((await heatmapApi('?threshold=4')).weakThreshold).toBe(4)

  await t.db.knex('organisations').where({ slug: 'hackney' }).update({ name: 'Hackney Borough' })
  expect((await heatmapApi()).rows.map(r => r.name)).toContain('Hackney Borough')
  // Camden is weak everywhere below 5 until an assessor moderates every answer to 5.
  const camden = await t.repos.organisations.findBySlug('camden')
  const weakAt5 = (body: { sharedWeakness: { organisations: string[] }[] }) =>
    new Set(body.sharedWeakness.flatMap(s => s.organisations))
  expect(weakAt5(high).has(camden!.gss)).toBe(true)
  const assessor = await t.createUser('assessor')
  const definition = (await t.services.questionnaires.get('london-digital-maturity', 2)).definition
  const maturity = definition.dimensions
    .flatMap(d => d.themes.flatMap(theme => theme.questions))
    .filter(q => q.type === 'maturity')
  await recordModerations(
    t,
    await assessmentOf(t, roundId, 'camden'),
    assessor.id,
    Object.fromEntries(maturity.map(q => [q.key, { level: 5 }])),
  )
  expect(weakAt5(await clustersApi('?threshold=5&minSize=1&k=2')).has(camden!.gss)).toBe(false)
})
