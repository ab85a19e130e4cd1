import pino from 'pino'
import request from 'supertest'
import { createApp } from '../../../src/app'
import { createRepositories } from '../../../src/data'
import { createServices } from '../../../src/services'
import { createTestApp, csrfFrom, PASSWORD, signIn, type TestApp } from '../../support/test-app'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

async function attempt(email: string, password: string, agent = request.agent(t.app)) {
  const page = await agent.get('/login')
  return agent
    .post('/login')
    .type('form')
    .send({ _csrf: csrfFrom(page.text), email, password })
}

const sessionCookie = (response: { headers: Record<string, unknown> }): string | undefined =>
  ([] as string[])
    .concat((response.headers['set-cookie'] as string[] | undefined) ?? [])
    .find(c => c.startsWith('ldm.sid='))

describe('signing in', () => {
  it('stores passwords as argon2id hashes, never as given', async () => {
    const user = await t.createUser('analyst')
    const stored = await t.repos.users.findById(user.id)
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/)
    expect(stored?.passwordHash).not.toContain(PASSWORD)
  })

  it('signs in with the right password and lands on the home page', async () => {
    const user = await t.createUser('respondent', { organisation: 'hackney' })
    const { agent } = await signIn(t.app, user.email.toUpperCase())
    const home = await agent.get('/').expect(200)
    expect(home.text).toContain('London Borough of Hackney')
  })

  it('gives a new session id at sign-in, so a planted id is worthless', async () => {
    const user = await t.createUser('analyst')
    const agent = request.agent(t.app)
    const page = await agent.get('/login')
    const before = sessionCookie(page)
    const response = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), email: user.email, password: PASSWORD })
    const after = sessionCookie(response)
    expect(before).toBeDefined()
    expect(after).toBeDefined()
    expect(after?.split(';')[0]).not.toBe(before?.split(';')[0])
    // The id from before sign-in no longer opens anything.
    await request(t.app)
      .get('/')
      .set('Cookie', before?.split(';')[0] ?? '')
      .expect(302)
      .expect('Location', /\/login/)
  })

  it('refuses a wrong password and an unknown email with the same message', async () => {
    const user = await t.createUser('analyst')
    const wrong = await attempt(user.email, 'not the password')
    const unknown = await attempt('nobody@test.local', 'whatever it is')
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401)
      expect(response.text).toContain('There is a problem')
      expect(response.text).toContain('Enter a correct email address and password')
    }
    expect(wrong.text).toContain(`value="${user.email}"`)
  })

  it('asks for what is missing', async () => {
    const response = await attempt('', '')
    expect(response.status).toBe(400)
    expect(response.text).toContain('<a href="#email">Enter your email address</a>')
    expect(response.text).toContain('<a href="#password">Enter your password</a>')
  })

  it('does not let a disabled user in', async () => {
    const user = await t.createUser('assessor', { disabled: true })
    const response = await attempt(user.email, PASSWORD)
    expect(response.status).toBe(403)
    expect(response.text).toContain('This account has been disabled')
    const agent = request.agent(t.app)
    await attempt(user.email, PASSWORD, agent)
    await agent
      .get('/')
      .expect(302)
      .expect('Location', /\/login/)
  })

  it('sends a signed-out visitor to sign in, then back to where they were going', async () => {
    const user = await t.createUser('analyst')
    const agent = request.agent(t.app)
    const redirect = await agent.get('/organisations/camden').expect(302)
    expect(redirect.headers.location).toBe('/login?returnTo=%2Forganisations%2Fcamden')
    const page = await agent.get(redirect.headers.location ?? '')
    expect(page.text).toContain('name="returnTo" value="/organisations/camden"')
    const response = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), email: user.email, password: PASSWORD, returnTo: '/organisations/camden' })
    expect(response.headers.location).toBe('/organisations/camden')
  })

  it('never sends people to another site after sign-in', async () => {
    const user = await t.createUser('analyst')
    const agent = request.agent(t.app)
    const page = await agent.get('/login')
    const response = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), email: user.email, password: PASSWORD, returnTo: '//evil.example/' })
    expect(response.headers.location).toBe('/')
  })
})

// Throttling of repeated failed sign-ins: see sign-in-throttle.test.ts.

describe('sessions', () => {
  it('are cookies that scripts cannot read, other sites do not send and the browser forgets, ending after the idle timeout', async () => {
    const user = await t.createUser('analyst')
    const page = await request.agent(t.app).get('/login')
    const cookie = sessionCookie(page) ?? ''
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    expect(cookie).not.toMatch(/Secure/)
    // A browser-session cookie (OWASP's advice for session ids): closing the browser ends it too.
    expect(cookie).not.toMatch(/Expires=|Max-Age=/i)
    const { agent } = await signIn(t.app, user.email)
    await agent.get('/').expect(200)
    t.clock.advance(29 * 60_000)
    await agent.get('/').expect(200)
    t.clock.advance(29 * 60_000)
    await agent.get('/').expect(200)
    t.clock.advance(31 * 60_000)
    await agent
      .get('/')
      .expect(302)
      .expect('Location', /\/login/)
  })

  it('are kept in the database, so another app process (or this one restarted) honours them', async () => {
    const user = await t.createUser('analyst')
    const { cookie } = await signIn(t.app, user.email)
    const rows = await t.db.knex('sessions').whereRaw(`(data->>'userId')::int = ?`, [user.id])
    expect(rows).toHaveLength(1)
    // A second app built from scratch over the same database: no memory shared with the first.
    const other = createApp({
      config: t.config,
      services: createServices(createRepositories(t.db.knex), t.clock),
      logger: pino({ level: 'silent' }),
    })
    const home = await request(other).get('/organisations').set('Cookie', cookie).expect(200)
    expect(home.text).toContain('33 organisations')
  })

  it('can be kept alive from the timeout warning', async () => {
    const user = await t.createUser('respondent')
    const { agent, csrf } = await signIn(t.app, user.email)
    t.clock.advance(25 * 60_000)
    await agent.post('/session/keep-alive').set('X-CSRF-Token', csrf).expect(204)
    t.clock.advance(25 * 60_000)
    await agent.get('/').expect(200)
  })

  it('end at sign-out: the old cookie opens nothing', async () => {
    const user = await t.createUser('admin')
    const { agent, csrf } = await signIn(t.app, user.email)
    const home = await agent.get('/')
    const cookie = sessionCookie(home)
    const out = await agent.post('/logout').type('form').send({ _csrf: csrf }).expect(302)
    expect(out.headers.location).toBe('/login?signedOut=1')
    await agent.get('/').expect(302)
    if (cookie)
      await request(t.app)
        .get('/')
        .set('Cookie', cookie.split(';')[0] ?? '')
        .expect(302)
    const rows = await t.db.knex('sessions').whereRaw(`(data->>'userId')::int = ?`, [user.id])
    expect(rows).toHaveLength(0)
  })
})
