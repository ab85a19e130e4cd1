import { paths } from '../../../src/paths'
import { assessmentOf, createRound } from '../../support/rounds'
import { fillAssessment, recordModerations } from '../../support/results'
import { createTestApp, signIn, PASSWORD, type TestApp } from '../../support/test-app'

let t: TestApp
let roundId: number

const links = (html: string): string[] =>
  [...html.matchAll(/<a [^>]*href="([^"]+)"/g)].map(m => m[1]!.replace(/&amp;/g, '&'))

beforeAll(async () => {
  t = await createTestApp()
  roundId = await createRound(t, {
    name: 'Pilot round',
    closesOn: '2027-01-31',
    organisations: ['camden', 'hackney', 'brent'],
  })
  await fillAssessment(t, await assessmentOf(t, roundId, 'camden'), () => 2)
  await fillAssessment(t, await assessmentOf(t, roundId, 'brent'), () => 3, { state: 'in_moderation' })
})
afterAll(() => t.close())

describe('each role’s home', () => {
  it('tells a respondent where their assessment stands and leads into it', async () => {
    const { email } = await t.createUser('respondent', { organisation: 'hackney' })
    const { agent } = await signIn(t.app, email, PASSWORD)
    const page = (await agent.get(paths.home).expect(200)).text
    expect(page).toContain('Pilot round')
    expect(page).toContain('Not started')
    expect(page).toContain('Closes 31 January 2027, in 65 days')
    expect(page).toContain('0 of 24 themes completed')
    const hackney = await assessmentOf(t, roundId, 'hackney')
    expect(links(page)).toEqual(
      expect.arrayContaining([paths.assessment(hackney), paths.assessmentTheme(hackney, 'leadership.strategy')]),
    )
  })

  it('shows an assessor what awaits moderation, oldest first, and what is theirs', async () => {
    const assessor = await t.createUser('assessor')
    const brent = await assessmentOf(t, roundId, 'brent')
    await recordModerations(t, brent, assessor.id, { 'leadership.strategy.digital-strategy': { level: 3 } })
    const { agent } = await signIn(t.app, assessor.email, PASSWORD)
    const page = (await agent.get(paths.home).expect(200)).text
    const counts = [
      ...page.matchAll(/app-counts__number">(\d+)<\/span> <span class="app-counts__label">([^<]+)</g),
    ].map(m => `${m[1]} ${m[2]}`)
    expect(counts).toEqual([
      '0 resubmitted after a return',
      '1 awaiting moderation',
      '1 in moderation by you',
      '0 in moderation by someone else',
      '0 returned, with the borough',
    ])
    expect(links(page)).toEqual(
      expect.arrayContaining([paths.moderation(await assessmentOf(t, roundId, 'camden')), paths.moderation(brent)]),
    )
  })

  it('shows an analyst the open round by stage, naming and linking every authority', async () => {
    const { email } = await t.createUser('analyst')
    const { agent } = await signIn(t.app, email, PASSWORD)
    const page = (await agent.get(paths.home).expect(200)).text
    expect(page).toContain('3 authorities taking part')
    const table = page.slice(page.indexOf(`id="round-${roundId}-authorities"`))
    expect(table).toMatch(
      /Not started<\/th>\s*<td[^>]*>1<\/td>\s*<td[^>]*><a class="govuk-link" href="\/organisations\/hackney">Hackney<\/a>/,
    )
    expect(table).toMatch(/Submitted, awaiting or in moderation<\/th>\s*<td[^>]*>2<\/td>/)
    expect(links(page)).toEqual(expect.arrayContaining([paths.heatmap(roundId), paths.pipelineOpportunities]))
  })

  it('shows an admin the rounds and the people who have not signed in yet', async () => {
    const invited = await t.createUser('assessor', { email: 'never-came@council.gov.uk' })
    const { email } = await t.createUser('admin')
    const { agent } = await signIn(t.app, email, PASSWORD)
    const page = (await agent.get(paths.home).expect(200)).text
    expect(links(page)).toEqual(expect.arrayContaining([paths.admin.round(roundId), paths.admin.user(invited.id)]))
    expect(page).toContain('never-came@council.gov.uk')
    expect(page).not.toContain(`>${email}<`)
  })
})
