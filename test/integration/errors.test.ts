import request from 'supertest'
import pino from 'pino'
import { createApp } from '../../src/app'
import { loadConfig } from '../../src/config'
import { createRepositories } from '../../src/data'
import { createServices } from '../../src/services'
import { createTestDatabase } from '../support/test-database'
import { createTestApp, csrfFrom, PASSWORD, signIn, type TestApp } from '../support/test-app'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('errors', () => {
  it('shows a friendly 404 page for an unknown address', async () => {
    const response = await request(t.app).get('/no/such/page').expect(404)
    expect(response.text).toContain('Page not found')
    expect(response.text).toContain('If you typed the web address, check it is correct.')
  })

  it('answers JSON under /api', async () => {
    const response = await request(t.app).get('/api/v1/nothing-here').expect(404)
    expect(response.body).toEqual({ error: 'not_found', message: expect.any(String) })
  })

  it('answers an unsigned API call with 401 JSON', async () => {
    const response = await request(t.app).get('/api/v1/organisations').expect(401)
    expect(response.body.error).toBe('unauthenticated')
  })

  it('refuses malformed JSON with 400 and says so', async () => {
    const user = await t.createUser('respondent')
    const { agent, csrf } = await signIn(t.app, user.email)
    const response = await agent
      .post('/session/keep-alive')
      .set('X-CSRF-Token', csrf)
      .set('Content-Type', 'application/json')
      .send('{"broken": ')
    expect(response.status).toBe(400)
    expect(response.text).toContain('not valid JSON')
  })

  it('refuses an oversized body with 413 and changes nothing', async () => {
    const admin = await t.createUser('admin')
    const { agent } = await signIn(t.app, admin.email)
    const page = await agent.get('/admin/users/new')
    const response = await agent
      .post('/admin/users/new')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), name: 'x'.repeat(1_100_000), email: 'big@test.local', role: 'analyst' })
    expect(response.status).toBe(413)
    expect(response.text).toContain('What you sent is too large')
    expect(await t.repos.users.findByEmail('big@test.local')).toBeUndefined()
  })
})

// A stack trace names the server's files and the code's shape: issue 14, finding 9 found one on every
// error of the demo, which runs in development.
describe('stack traces in a 500', () => {
  const STACK = /\bat .+\.(ts|js):\d+/

  /** An app over a database closed under it, so the next request fails with a 500, page and API. */
  async function failing(env: Record<string, string>) {
    const db = await createTestDatabase()
    const services = createServices(createRepositories(db.knex))
    await services.seed.seedReferenceData()
    const config = loadConfig(env)
    const app = createApp({ config, services, logger: pino({ level: 'silent' }) })
    const user = await services.users.createWithPassword(
      { email: 'gone@test.local', role: 'analyst', name: 'Gone' },
      PASSWORD,
    )
    expect(user).toBeGreaterThan(0)
    const { agent } = await signIn(app, 'gone@test.local')
    await db.close()
    const page = await agent.get('/').expect(500)
    expect(page.text).toContain('Sorry, there is a problem with the service')
    expect(page.text).toContain('Anything you saved before this happened is kept.')
    const api = await agent.get('/api/v1/organisations').expect(500)
    return { page: page.text, api: api.body as Record<string, unknown> }
  }

  const WITHOUT = { error: 'internal', message: 'Something went wrong on our side. Try again later.' }

  it.each([
    ['in tests', { NODE_ENV: 'test' }],
    ['in development, as the demo runs', { NODE_ENV: 'development' }],
    ['in development with DEBUG_ERRORS=0', { NODE_ENV: 'development', DEBUG_ERRORS: '0' }],
  ])('never appear by default: %s', async (_name, env) => {
    const { page, api } = await failing(env)
    expect(page).not.toMatch(STACK)
    expect(api).toEqual(WITHOUT)
  })

  it('appear when DEBUG_ERRORS=1 is set', async () => {
    const { page, api } = await failing({ NODE_ENV: 'development', DEBUG_ERRORS: '1' })
    expect(page).toMatch(STACK)
    expect(api).toEqual({ ...WITHOUT, stack: expect.stringMatching(STACK) })
  })
})

describe('GET /healthz', () => {
  it('answers ok when the database answers', async () => {
    const response = await request(t.app).get('/healthz').expect(200)
    expect(response.body).toEqual({ status: 'ok' })
  })

  it('answers 503 when the database is down', async () => {
    const db = await createTestDatabase()
    const services = createServices(createRepositories(db.knex))
    const app = createApp({ config: loadConfig({ NODE_ENV: 'test' }), services, logger: pino({ level: 'silent' }) })
    await db.close()
    const response = await request(app).get('/healthz').expect(503)
    expect(response.body.status).toBe('unavailable')
  })
})
