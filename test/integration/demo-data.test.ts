import { createTestApp, signIn, type TestApp } from '../support/test-app'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp({ DEMO_DATA: '1' })
})
afterAll(() => t.close())

describe('demo mode', () => {
  it('seeds an empty database with an admin, an analyst, an assessor and one respondent per authority', async () => {
    const made = await t.services.seed.seedDemoAccounts('demo-password')
    expect(made).toHaveLength(36)
    const users = await t.repos.users.list()
    expect(users.filter(u => u.role === 'respondent')).toHaveLength(33)
    expect(users.map(u => u.email)).toEqual(
      expect.arrayContaining([
        'admin@demo.local',
        'analyst@demo.local',
        'assessor@demo.local',
        'hackney@demo.local',
        'city-of-london@demo.local',
      ]),
    )
    const { agent } = await signIn(t.app, 'hackney@demo.local', 'demo-password')
    expect((await agent.get('/')).text).toContain('London Borough of Hackney')
  })

  it('does nothing the second time', async () => {
    expect(await t.services.seed.seedDemoAccounts('demo-password')).toEqual([])
    expect((await t.repos.users.list()).length).toBe(36)
  })

  it('shows a demo banner on every page, including the sign-in page', async () => {
    const { agent } = await signIn(t.app, 'analyst@demo.local', 'demo-password')
    for (const path of ['/', '/organisations', '/accessibility', '/no-such-page']) {
      expect((await agent.get(path)).text).toContain('Everything here is synthetic')
    }
  })
})
