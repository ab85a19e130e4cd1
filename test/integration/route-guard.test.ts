import request from 'supertest'
import { ROLES, type Role } from '../../src/domain/roles'
import { allRoutes } from '../support/routes'
import { createTestApp, signIn, type Agent, type TestApp } from '../support/test-app'

let t: TestApp
const agents = new Map<Role, { agent: Agent; csrf: string }>()

beforeAll(async () => {
  t = await createTestApp()
  for (const role of ROLES) {
    const user = await t.createUser(role, { organisation: role === 'respondent' ? 'hackney' : undefined })
    agents.set(role, await signIn(t.app, user.email))
  }
})
afterAll(() => t.close())

// Parameters that exist but belong to no one in particular: an allowed role then gets 404, never 403.
const concrete = (path: string): string =>
  path.replace(':slug', 'hackney').replace(':id', '999999').replace(':token', 'no-such-token')

// The same list the security suite's authorisation matrix walks (test/security), with real resources there.
const routes = allRoutes()

function send(agent: Agent, method: string, path: string, csrf?: string) {
  const call = agent[method as 'get'](path)
  return csrf ? call.set('X-CSRF-Token', csrf) : call
}

describe('every route declares who may use it', () => {
  it('has at least the routes built so far', () => {
    expect(routes.length).toBeGreaterThanOrEqual(20)
  })

  describe.each(routes.filter(r => r.access !== 'public'))('$method $path', route => {
    it('sends a signed-out visitor to sign in (pages) or answers 401 (API, forms)', async () => {
      const response = await send(request(t.app), route.method, concrete(route.path))
      if (route.method === 'get' && !route.path.startsWith('/api/')) {
        expect(response.status).toBe(302)
        expect(response.headers.location).toMatch(/^\/login\?returnTo=/)
      } else {
        expect([401, 403]).toContain(response.status)
      }
    })

    it.each(ROLES)('answers %s as declared', async role => {
      const { agent, csrf } = agents.get(role)!
      const response = await send(agent, route.method, concrete(route.path), csrf)
      const allowed = route.access !== 'public' && route.access.includes(role)
      if (allowed) expect([401, 403]).not.toContain(response.status)
      else expect(response.status).toBe(403)
    })
  })

  it.each(routes.filter(r => r.access === 'public' && r.method === 'get'))(
    'lets anyone reach the public page $path',
    async route => {
      const response = await send(request(t.app), route.method, concrete(route.path))
      expect([200, 404]).toContain(response.status)
    },
  )
})

describe('a respondent and other organisations', () => {
  it('sees their own organisation’s page', async () => {
    const { agent } = agents.get('respondent')!
    const response = await agent.get('/organisations/hackney').expect(200)
    expect(response.text).toContain('London Borough of Hackney')
  })

  it('is refused another organisation’s page with a clear message, and learns nothing of it', async () => {
    const { agent } = agents.get('respondent')!
    const response = await agent.get('/organisations/camden').expect(403)
    expect(response.text).toContain('You can only see your own organisation’s pages.')
    expect(response.text).not.toContain('London Borough of Camden')
  })

  it('gets 404 for an organisation that does not exist', async () => {
    const { agent } = agents.get('analyst')!
    await agent.get('/organisations/atlantis').expect(404)
  })

  it('sees only their own organisation on the home page, while central roles see all 33 on Organisations', async () => {
    const respondent = await agents.get('respondent')!.agent.get('/').expect(200)
    expect(respondent.text).not.toContain('Camden')
    await agents.get('respondent')!.agent.get('/organisations').expect(403)
    for (const role of ['analyst', 'assessor', 'admin'] as const) {
      const home = await agents.get(role)!.agent.get('/organisations').expect(200)
      expect(home.text).toContain('33 organisations')
      expect(home.text).toContain('E09000012')
    }
  })
})

describe('another organisation’s assessment', () => {
  it('is out of reach of a respondent on every page and endpoint that takes an assessment id', async () => {
    const { createRound, assessmentOf } = await import('../support/rounds')
    const roundId = await createRound(t, { organisations: ['hackney', 'camden'] })
    const hackneyAssessment = await assessmentOf(t, roundId, 'hackney')
    const camden = await signIn(t.app, (await t.createUser('respondent', { organisation: 'camden' })).email)
    const assessmentRoutes = routes.filter(r => /^\/(api\/v1\/)?assessments\/:id/.test(r.path))
    expect(assessmentRoutes.length).toBeGreaterThanOrEqual(10)
    for (const r of assessmentRoutes) {
      const path = r.path
        .replace(':id', String(hackneyAssessment))
        .replace(':themeKey', 'leadership.strategy')
        .replace(':questionKey', 'leadership.strategy.digital-strategy')
      const call = camden.agent[r.method](path).set('X-CSRF-Token', camden.csrf)
      const response =
        r.method === 'put'
          ? await call.send({ level: 1, revision: 0 })
          : await call.type('form').send({ _csrf: camden.csrf, declaration: 'agreed' })
      expect([`${r.method} ${r.path}`, [403, 404].includes(response.status)]).toEqual([`${r.method} ${r.path}`, true])
    }
    expect(await t.repos.assessments.answers(hackneyAssessment)).toEqual([])
    expect((await t.repos.assessments.findById(hackneyAssessment))?.state).toBe('not_started')
  })
})
