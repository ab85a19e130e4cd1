import { createRound } from '../support/rounds'
import { createTestApp, signIn, type TestApp } from '../support/test-app'

let t: TestApp
afterAll(() => t.close())
beforeAll(async () => {
  t = await createTestApp()
})

/** The navigation entries a page marks as where the reader is. */
const marked = (html: string) =>
  [...html.matchAll(/<a class="govuk-service-navigation__link" href="([^"]+)" aria-current="(?:page|true)">/g)].map(
    m => m[1],
  )

describe('the navigation', () => {
  it('gives each role its sections, and keeps a section marked on the pages inside it', async () => {
    const roundId = await createRound(t, { organisations: ['hackney'] })
    const { agent } = await signIn(t.app, (await t.createUser('analyst')).email)
    const home = (await agent.get('/').expect(200)).text
    const links = [...home.matchAll(/class="govuk-service-navigation__link" href="([^"]+)"/g)].map(m => m[1])
    expect(links).toEqual(['/', '/calibration', '/insights', '/pipeline/opportunities', '/estate', '/organisations'])
    expect(marked((await agent.get(`/rounds/${roundId}/heatmap`).expect(200)).text)).toEqual(['/insights'])
    expect(marked((await agent.get(`/rounds/${roundId}/map`).expect(200)).text)).toEqual(['/insights'])
    expect(marked((await agent.get(`/rounds/${roundId}/calibration`).expect(200)).text)).toEqual(['/calibration'])
    expect(marked((await agent.get('/estate/products').expect(200)).text)).toEqual(['/estate'])
    expect(marked((await agent.get('/estate/map').expect(200)).text)).toEqual(['/estate'])
  })
})
