import { createHash, createHmac } from 'node:crypto'
import pino from 'pino'
import request from 'supertest'
import { createApp } from '../../../src/app'
import type { SessionRepository } from '../../../src/data/session.repository'
import { createTestApp, csrfFrom, signIn, type TestApp } from '../../support/test-app'

// Sessions (express-session over src/data/session.store.ts) as a browser meets them. Sign-in, sign-out, fixation
// and cookie flags are tested in auth.test.ts and the security suite.
let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const cookieOf = (response: request.Response): string | undefined =>
  ([] as string[])
    .concat((response.headers['set-cookie'] as string[] | string | undefined) ?? [])
    .find(c => c.startsWith('ldm.sid='))

interface StoredSession {
  sid: string
  data: Record<string, unknown>
  expires_at: Date
}

const storedFor = (userId: number): Promise<StoredSession[]> =>
  t.db.knex<StoredSession>('sessions').whereRaw(`(data->>'userId')::int = ?`, [userId])

const sidOf = (cookie: string | undefined): string => {
  const value = decodeURIComponent(/^ldm\.sid=([^;]+)/.exec(cookie ?? '')?.[1] ?? '')
  return value.slice(2, value.lastIndexOf('.'))
}

it('stores a session under a hash of its id, so the stored key signs no one in', async () => {
  const user = await t.createUser('analyst')
  const { cookie } = await signIn(t.app, user.email)
  const sid = sidOf(cookie)
  expect(sid.length).toBeGreaterThan(20)
  const [stored] = await storedFor(user.id)
  expect(stored?.sid).toBe(createHash('sha256').update(sid).digest('hex'))
  expect(JSON.stringify(await t.db.knex('sessions').select('sid', 'data'))).not.toContain(sid)
  // Someone who has read the table and signs its key as a cookie opens nothing.
  const key = stored?.sid ?? ''
  const signature = createHmac('sha256', t.config.sessionSecret).update(key).digest('base64').replace(/=+$/, '')
  await request(t.app)
    .get('/')
    .set('Cookie', `ldm.sid=${encodeURIComponent(`s:${key}.${signature}`)}`)
    .expect(302)
    .expect('Location', /^\/login/)
  // And the real id with any other signature is no one's session.
  await request(t.app)
    .get('/')
    .set('Cookie', `ldm.sid=${encodeURIComponent(`s:${sid}.${signature}`)}`)
    .expect(302)
    .expect('Location', /^\/login/)
})

it('keeps running when a session cannot be stored after its response has begun', async () => {
  const admin = await t.createUser('admin')
  const other = await t.createUser('analyst')
  const { agent, csrf, cookie } = await signIn(t.app, admin.email)
  // A flash message waits in the session; the next response to show one is a file, sent as it is read.
  await agent.post(`/admin/users/${other.id}/enable`).type('form').send({ _csrf: csrf }).expect(302)
  const away = Object.assign(new Error('Connection terminated unexpectedly'), { code: '57P01' })
  const sessions: SessionRepository = {
    ...t.services.sessions,
    set: () => Promise.reject(away),
    touch: () => Promise.reject(away),
  }
  const app = createApp({ config: t.config, services: { ...t.services, sessions }, logger: pino({ level: 'silent' }) })
  const crashes: unknown[] = []
  const record = (error: unknown) => crashes.push(error)
  process.on('unhandledRejection', record)
  process.on('uncaughtException', record)
  try {
    const server = app.listen(0)
    const port = (server.address() as { port: number }).port
    await fetch(`http://127.0.0.1:${port}/api/v1/openapi.json`, { headers: { cookie } })
      .then(r => r.text())
      .catch(() => undefined)
    // The same process answers the next request.
    const health = await fetch(`http://127.0.0.1:${port}/healthz`)
    expect(health.status).toBe(200)
    await new Promise(resolve => server.close(resolve))
    await new Promise(resolve => setTimeout(resolve, 50))
  } finally {
    process.off('unhandledRejection', record)
    process.off('uncaughtException', record)
  }
  expect(crashes).toEqual([])
})

it('stores a changed session before its redirect is sent, so the next page finds it', async () => {
  const admin = await t.createUser('admin')
  const other = await t.createUser('analyst')
  const { agent, csrf } = await signIn(t.app, admin.email)
  await agent.post(`/admin/users/${other.id}/disable`).type('form').send({ _csrf: csrf }).expect(302)
  // Read the moment the redirect arrived: the flash is already stored.
  const [stored] = await storedFor(admin.id)
  expect(stored?.data.flash).toMatchObject({ heading: 'User disabled' })
  const page = await agent.get('/admin/users').expect(200)
  expect(page.text).toContain('User disabled')
  // Shown once, and gone from the store as that page was sent.
  expect((await storedFor(admin.id))[0]?.data.flash).toBeUndefined()
  expect((await agent.get('/admin/users').expect(200)).text).not.toContain('User disabled')
})

it('sets no cookie and stores nothing for a visitor until there is something to keep', async () => {
  const before = await t.db.knex('sessions').count<{ count: number }[]>('* as count')
  const visit = await request(t.app).get('/').expect(302)
  expect(cookieOf(visit)).toBeUndefined()
  expect(await t.db.knex('sessions').count<{ count: number }[]>('* as count')).toEqual(before)
  // The sign-in form's token is something to keep.
  const login = await request(t.app).get('/login').expect(200)
  expect(cookieOf(login)).toMatch(/^ldm\.sid=s%3A/)
})

it('moves the stored expiry on at most once a minute, and ends a session idle for longer', async () => {
  const user = await t.createUser('analyst')
  const { agent } = await signIn(t.app, user.email)
  const expiry = async () => (await storedFor(user.id))[0]?.expires_at.getTime()
  const first = await expiry()
  t.clock.advance(30_000)
  await agent.get('/').expect(200)
  expect(await expiry()).toBe(first)
  t.clock.advance(31_000)
  await agent.get('/').expect(200)
  expect(await expiry()).toBe(t.clock().getTime() + 30 * 60_000)
  // Idle past the limit, the stored session is no one's, whatever the browser still holds.
  t.clock.advance(30 * 60_000 + 1)
  await agent
    .get('/')
    .expect(302)
    .expect('Location', /^\/login/)
})

it('sets a browser-session cookie, once, which the browser forgets when it closes', async () => {
  const user = await t.createUser('analyst')
  const login = await request(t.app).get('/login').expect(200)
  const cookie = cookieOf(login) ?? ''
  expect(cookie).toMatch(/^ldm\.sid=s%3A/)
  expect(cookie).not.toMatch(/Expires=|Max-Age=/i)
  expect(cookie).toMatch(/HttpOnly/)
  expect(cookie).toMatch(/SameSite=Lax/)
  const { agent } = await signIn(t.app, user.email)
  // Nothing changes in the session from one page to the next: the cookie is not sent again.
  await agent.get('/').expect(200)
  expect(cookieOf(await agent.get('/').expect(200))).toBeUndefined()
})

it('answers with the error page, not the redirect, when a changed session cannot be stored', async () => {
  const away = Object.assign(new Error('Connection terminated unexpectedly'), { code: '57P01' })
  const sessions: SessionRepository = { ...t.services.sessions, set: () => Promise.reject(away) }
  const app = createApp({
    config: t.config,
    services: { ...t.services, sessions },
    logger: pino({ level: 'silent' }),
  })
  const login = await request(app).get('/login')
  expect(login.status).toBe(503)
  expect(cookieOf(login)).toBeUndefined()
  expect(login.text).toContain('Sorry, the service is unavailable')
  // A flash message set before a redirect: the redirect would lose it.
  const admin = await t.createUser('admin')
  const other = await t.createUser('analyst')
  const { csrf, cookie } = await signIn(t.app, admin.email)
  const disabled = await request(app)
    .post(`/admin/users/${other.id}/disable`)
    .set('Cookie', cookie)
    .type('form')
    .send({ _csrf: csrf })
  expect(disabled.status).toBe(503)
  expect(disabled.headers.location).toBeUndefined()
})

it('ends a session whose account is disabled, and gives the browser a fresh one to sign in with', async () => {
  const user = await t.createUser('analyst')
  const { agent } = await signIn(t.app, user.email)
  // Disabled behind the app's back, its session still stored: the next request finds the account disabled.
  await t.db.knex('users').where({ id: user.id }).update({ disabled_at: t.clock() })
  const login = await agent.get('/login').expect(200)
  expect(await storedFor(user.id)).toEqual([])
  await t.db.knex('users').where({ id: user.id }).update({ disabled_at: null })
  await agent
    .post('/login')
    .type('form')
    .send({ _csrf: csrfFrom(login.text), email: user.email, password: 'correct horse battery staple' })
    .expect(302)
  await agent.get('/').expect(200)
})
