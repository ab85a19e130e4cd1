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

  it('never shows a stack trace outside development', async () => {
    const db = await createTestDatabase()
    const services = createServices(createRepositories(db.knex))
    await services.seed.seedReferenceData()
    const config = loadConfig({ NODE_ENV: 'test' })
    const app = createApp({ config, services, logger: pino({ level: 'silent' }) })
    const user = await services.users.createWithPassword(
      { email: 'gone@test.local', role: 'analyst', name: 'Gone' },
      PASSWORD,
    )
    expect(user).toBeGreaterThan(0)
    const { agent } = await signIn(app, 'gone@test.local')
    await db.close()
    const response = await agent.get('/').expect(500)
    expect(response.text).toContain('Sorry, there is a problem with the service')
    expect(response.text).toContain('Anything you saved before this happened is kept.')
    expect(response.text).not.toMatch(/\bat .+\.(ts|js):\d+/)
    const api = await agent.get('/api/v1/organisations').expect(500)
    expect(api.body).toEqual({ error: 'internal', message: 'Something went wrong on our side. Try again later.' })
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
