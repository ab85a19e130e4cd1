/**
 * Cookies, the Content-Security-Policy on every page, error responses, session fixation and signing out.
 * test/integration/auth.test.ts and security-headers.test.ts (also run by this suite) hold the first
 * proofs of each; these widen them to every page the route table serves and every kind of error.
 */
import pino from 'pino'
import request, { type Response } from 'supertest'
import { createApp } from '../../src/app'
import { loadConfig } from '../../src/config'
import { createRepositories } from '../../src/data'
import { createServices } from '../../src/services'
import { allRoutes, allows, describeRoute } from '../support/routes'
import { createTestDatabase } from '../support/test-database'
import { csrfFrom, PASSWORD, signIn } from '../support/test-app'
import { fingerprint } from './support/database'
import { fillPath } from './support/parameters'
import { buildWorld, CALLERS, sessionFor, type Caller, type Session, type World } from './support/world'

let world: World

beforeAll(async () => {
  world = await buildWorld()
})
afterAll(() => world.t.close())

const cookiesOf = (response: Response): string[] =>
  ([] as string[]).concat((response.headers['set-cookie'] as string[] | string | undefined) ?? [])

const sessionCookie = (response: Response): string | undefined =>
  cookiesOf(response)
    .find(c => c.startsWith('ldm.sid='))
    ?.split(';')[0]

const productionApp = () =>
  createApp({
    config: loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://unused/db',
      SESSION_SECRET: 'a-production-secret-that-is-long-enough',
      PUBLIC_URL: 'https://ldm.example.gov.uk',
      TRUST_PROXY: '1',
    }),
    services: world.t.services,
    logger: pino({ level: 'silent' }),
  })

/**
 * A browser over HTTPS, as production sees one behind its load balancer: supertest's own agent talks plain
 * HTTP and so, rightly, never sends back a Secure cookie; this carries the session cookie by hand.
 */
function browser(app: ReturnType<typeof createApp>, https: boolean) {
  let cookie = ''
  const seen: string[] = []
  const send = async (call: request.Test): Promise<Response> => {
    const response = await (https ? call.set('X-Forwarded-Proto', 'https') : call).set('Cookie', cookie)
    seen.push(...cookiesOf(response))
    cookie = sessionCookie(response) ?? cookie
    return response
  }
  return {
    seen,
    get: (path: string) => send(request(app).get(path)),
    post: (path: string, form: Record<string, string>) => send(request(app).post(path).type('form').send(form)),
    async signIn(email: string) {
      const login = await this.get('/login')
      const response = await this.post('/login', { _csrf: csrfFrom(login.text), email, password: PASSWORD })
      if (response.status !== 302) throw new Error(`sign-in as ${email} failed with ${response.status}`)
    },
  }
}

describe('cookies', () => {
  it.each([
    ['test', false],
    ['production', true],
  ] as const)(
    'are HttpOnly and SameSite=Lax whenever one is set, and Secure in production (%s)',
    async (env, https) => {
      const b = browser(env === 'production' ? productionApp() : world.t.app, https)
      await b.signIn(world.users.analyst.email)
      const home = await b.get('/')
      expect(home.status).toBe(200)
      await b.post('/logout', { _csrf: csrfFrom(home.text) })
      // The sign-in page, signing in, the next page (rolling sessions renew the cookie) and signing out.
      expect(b.seen.length).toBeGreaterThanOrEqual(3)
      for (const cookie of b.seen) {
        expect([cookie, /;\s*HttpOnly/i.test(cookie)]).toEqual([cookie, true])
        expect([cookie, /;\s*SameSite=Lax/i.test(cookie)]).toEqual([cookie, true])
        expect([cookie, /;\s*Secure/i.test(cookie)]).toEqual([cookie, https])
      }
    },
  )
})

describe('every page', () => {
  // Each GET route as each caller it allows, with real resources: every page and file the app serves.
  const pages = allRoutes().flatMap(route =>
    route.method !== 'get'
      ? []
      : CALLERS.filter(caller => (caller === 'signed-out' ? route.access === 'public' : allows(route, caller))).map(
          caller => ({ route, caller, name: `${describeRoute(route)} as ${caller}` }),
        ),
  )
  const sessions = new Map<Caller, Promise<Session>>()
  const session = (caller: Caller) => {
    if (!sessions.has(caller)) sessions.set(caller, sessionFor(world, caller))
    return sessions.get(caller)!
  }

  it.each(pages)('$name: a policy that forbids inline script, and none on the page', async ({ route, caller }) => {
    const { agent } = await session(caller)
    const response = await agent.get(fillPath(route, world, caller))
    expect(response.status).toBeLessThan(500)
    const html = (response.headers['content-type'] ?? '').startsWith('text/html')
    const csp = response.headers['content-security-policy'] ?? ''
    // Every page has the policy; anything else (the health check's JSON, a CSV) either has it or runs no script.
    if (!html && csp === '') return
    expect(csp).toMatch(/(^|;)\s*script-src 'self'(;|$)/)
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/)
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    if (!html) return
    for (const tag of response.text.match(/<script\b[^>]*>/gi) ?? []) expect(tag).toMatch(/\ssrc="\/(public|assets)\//)
    expect(response.text).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/i)
    expect(response.text).not.toMatch(/\son[a-z]+\s*=/i)
    expect(response.text).not.toMatch(/\b(href|src|action)\s*=\s*["']?\s*javascript:/i)
  })
})

/** What a stack trace, or a peek at the code behind an error, looks like. */
function expectNoInternals(response: Response): void {
  const text = response.text
  const seen = `${response.status} ${text.slice(0, 300)}`
  expect([seen, /\bat .+\.(ts|js|ejs):\d+/.test(text)]).toEqual([seen, false])
  expect([seen, /node_modules|\/src\/|\/work\/|\bTypeError\b|\bSyntaxError\b|\.ejs\b/.test(text)]).toEqual([
    seen,
    false,
  ])
  if (String(response.headers['content-type']).includes('json'))
    expect(Object.keys(response.body as object)).not.toContain('stack')
}

describe('errors', () => {
  /** Requests that go wrong in each way an attacker can make them go wrong, each as a page and as the API. */
  const failures: { name: string; status: number; send: (s: Session) => request.Test }[] = [
    {
      name: 'malformed JSON to a form',
      status: 400,
      send: s =>
        s.agent
          .post('/account/tokens')
          .set('X-CSRF-Token', s.csrf)
          .set('Content-Type', 'application/json')
          .send('{"name": '),
    },
    {
      name: 'malformed JSON to the API',
      status: 400,
      send: s =>
        s.agent
          .post('/api/v1/pipeline')
          .set('X-CSRF-Token', s.csrf)
          .set('Content-Type', 'application/json')
          .send('{"x": tru'),
    },
    {
      name: 'a JSON body over the limit',
      status: 413,
      send: s =>
        s.agent
          .post('/api/v1/pipeline')
          .set('X-CSRF-Token', s.csrf)
          .send({ notes: 'x'.repeat(200_000) }),
    },
    {
      name: 'a form over the limit',
      status: 413,
      send: s =>
        s.agent
          .post('/account/tokens')
          .set('X-CSRF-Token', s.csrf)
          .type('form')
          .send({ name: 'x'.repeat(1_100_000) }),
    },
    {
      name: 'an upload over the limit',
      status: 413,
      send: s =>
        s.agent
          .post('/pipeline/import')
          .set('X-CSRF-Token', s.csrf)
          .attach('entriesFile', Buffer.alloc(1_100_000, 'a'), 'big.csv'),
    },
    {
      name: 'a broken multipart body',
      status: 400,
      send: s =>
        s.agent
          .post('/pipeline/import')
          .set('X-CSRF-Token', s.csrf)
          .set('Content-Type', 'multipart/form-data; boundary=xyz')
          .send('--xyz\r\nContent-Disposition: form-data; name="entriesFile"; filename="a.csv"\r\n\r\nunfinished'),
    },
    { name: 'an unknown page', status: 404, send: s => s.agent.get('/no/such/page') },
    { name: 'an unknown API address', status: 404, send: s => s.agent.get('/api/v1/no/such/thing') },
    { name: 'a malformed escape in the address', status: 400, send: s => s.agent.get('/organisations/%E0%A4%A') },
    { name: 'an unknown method', status: 404, send: s => s.agent.patch('/login').set('X-CSRF-Token', s.csrf) },
  ]

  it.each(failures)('$name: the right status, and no stack trace or code', async ({ status, send }) => {
    const respondent = await sessionFor(world, 'respondent')
    for (const accept of ['text/html', 'application/json']) {
      const response = await send(respondent).set('Accept', accept)
      expect([accept, response.status]).toEqual([accept, status])
      expectNoInternals(response)
    }
  })

  it.each(['test', 'production'])('a failure on our side (%s): a 500 that shows nothing of how', async env => {
    const db = await createTestDatabase()
    const services = createServices(createRepositories(db.knex))
    await services.seed.seedReferenceData()
    const config =
      env === 'test'
        ? loadConfig({ NODE_ENV: 'test' })
        : loadConfig({
            NODE_ENV: 'production',
            DATABASE_URL: 'postgres://unused/db',
            SESSION_SECRET: 'a-production-secret-that-is-long-enough',
            PUBLIC_URL: 'https://ldm.example.gov.uk',
            TRUST_PROXY: '1',
          })
    const b = browser(createApp({ config, services, logger: pino({ level: 'silent' }) }), env === 'production')
    try {
      await services.users.createWithPassword({ email: 'gone@test.local', role: 'analyst', name: 'Gone' }, PASSWORD)
      await b.signIn('gone@test.local')
    } finally {
      await db.close()
    }
    for (const path of ['/', '/api/v1/organisations', '/pipeline/all.csv']) {
      const response = await b.get(path)
      expect([path, response.status]).toEqual([path, 500])
      expectNoInternals(response)
    }
  })
})

describe('session fixation', () => {
  it.each([
    ['an id the attacker made up', () => 'ldm.sid=s%3Aattacker-chosen-id.forged-signature'],
    [
      'a real signed-out session the attacker opened',
      async () => sessionCookie(await request(world.t.app).get('/login')),
    ],
  ])('a planted session (%s) is replaced at sign-in, and opens nothing after', async (_label, plant) => {
    const planted = (await plant()) ?? ''
    expect(planted).toMatch(/^ldm\.sid=/)
    // The victim's browser carries the planted cookie to the sign-in page and signs in with it.
    const page = await request(world.t.app).get('/login').set('Cookie', planted)
    const cookie = sessionCookie(page) ?? planted
    const response = await request(world.t.app)
      .post('/login')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), email: world.users.admin.email, password: PASSWORD })
    expect(response.status).toBe(302)
    const signedIn = sessionCookie(response)
    expect(signedIn).toBeDefined()
    expect(signedIn).not.toBe(cookie)
    expect(signedIn).not.toBe(planted)
    // The attacker's copies open no page and no API, and their CSRF token is no good in the new session.
    for (const mine of [planted, cookie]) {
      await request(world.t.app)
        .get('/admin/users')
        .set('Cookie', mine)
        .expect(302)
        .expect('Location', /^\/login/)
      await request(world.t.app).get('/api/v1/assessments').set('Cookie', mine).expect(401)
    }
    const victim = await request(world.t.app)
      .get('/')
      .set('Cookie', signedIn ?? '')
      .expect(200)
    const before = await fingerprint(world.t.db.knex)
    await request(world.t.app)
      .post(`/admin/users/${world.victim.id}/disable`)
      .set('Cookie', signedIn ?? '')
      .set('X-CSRF-Token', csrfFrom(page.text))
      .expect(403)
    expect(csrfFrom(victim.text)).not.toBe(csrfFrom(page.text))
    expect(await fingerprint(world.t.db.knex)).toEqual(before)
  })
})

describe('signing out', () => {
  it('leaves the old cookie and token opening nothing: no page, no API, no change', async () => {
    const { agent, csrf, cookie } = await signIn(world.t.app, world.users.admin.email)
    expect(cookie).toMatch(/^ldm\.sid=/)
    await agent.post('/logout').type('form').send({ _csrf: csrf }).expect(302)
    const stale = () => request(world.t.app)
    const before = await fingerprint(world.t.db.knex)
    await stale()
      .get('/admin/users')
      .set('Cookie', cookie)
      .expect(302)
      .expect('Location', /^\/login/)
    await stale().get('/api/v1/assessments').set('Cookie', cookie).expect(401)
    await stale().get(`/rounds/${world.round}/export.csv`).set('Cookie', cookie).expect(302)
    const forged = await stale()
      .post(`/admin/users/${world.victim.id}/disable`)
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
    expect([401, 403]).toContain(forged.status)
    const api = await stale()
      .post('/api/v1/rounds')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .send({ name: 'After sign-out' })
    expect(api.status).toBe(401)
    expect(await fingerprint(world.t.db.knex)).toEqual(before)
  })
})
