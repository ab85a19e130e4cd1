import request from 'supertest'
import { createTestApp, csrfFrom, PASSWORD, signIn, type TestApp } from '../support/test-app'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('cross-site request forgery protection', () => {
  it('refuses a sign-in posted without the token, and signs no one in', async () => {
    const user = await t.createUser('admin')
    const agent = request.agent(t.app)
    const response = await agent.post('/login').type('form').send({ email: user.email, password: PASSWORD })
    expect(response.status).toBe(403)
    expect(response.text).toContain('This form has expired or did not come from this service')
    await agent.get('/').expect(302)
  })

  it('refuses a state change with a missing or wrong token and changes nothing', async () => {
    const admin = await t.createUser('admin')
    const victim = await t.createUser('analyst')
    const { agent } = await signIn(t.app, admin.email)
    await agent.post(`/admin/users/${victim.id}/disable`).type('form').send({}).expect(403)
    await agent.post(`/admin/users/${victim.id}/disable`).type('form').send({ _csrf: 'forged' }).expect(403)
    await agent.post(`/admin/users/${victim.id}/disable`).set('X-CSRF-Token', 'x'.repeat(43)).expect(403)
    expect((await t.repos.users.findById(victim.id))?.disabled).toBe(false)
  })

  it('accepts the token as a form field or as the X-CSRF-Token header', async () => {
    const admin = await t.createUser('admin')
    const victim = await t.createUser('analyst')
    const { agent, csrf } = await signIn(t.app, admin.email)
    await agent.post(`/admin/users/${victim.id}/disable`).type('form').send({ _csrf: csrf }).expect(302)
    await agent.post(`/admin/users/${victim.id}/enable`).set('X-CSRF-Token', csrf).expect(302)
    expect((await t.repos.users.findById(victim.id))?.disabled).toBe(false)
  })

  it('puts the token in a meta tag for scripts', async () => {
    const user = await t.createUser('respondent')
    const { agent, csrf } = await signIn(t.app, user.email)
    const page = await agent.get('/')
    expect(page.text).toContain(`<meta name="csrf-token" content="${csrf}">`)
  })

  it('answers a JSON request without a token with JSON', async () => {
    const user = await t.createUser('respondent')
    const { agent } = await signIn(t.app, user.email)
    const response = await agent.post('/api/v1/organisations').set('Accept', 'application/json').send({})
    expect(response.status).toBe(403)
    expect(response.body).toEqual({ error: 'csrf', message: expect.stringContaining('did not come from this service') })
  })

  it('does not accept one person’s token in another’s session', async () => {
    const a = await signIn(t.app, (await t.createUser('admin')).email)
    const b = await signIn(t.app, (await t.createUser('admin')).email)
    const victim = await t.createUser('analyst')
    await b.agent.post(`/admin/users/${victim.id}/disable`).type('form').send({ _csrf: a.csrf }).expect(403)
    expect(csrfFrom((await b.agent.get('/')).text)).toBe(b.csrf)
  })
})

describe('an API call from a page whose person has signed out elsewhere', () => {
  it('is told to sign in again (401), not that its form expired', async () => {
    const user = await t.createUser('respondent')
    const { agent, csrf } = await signIn(t.app, user.email)
    await agent.post('/logout').type('form').send({ _csrf: csrf }).expect(302)
    await agent.get('/login').expect(200)
    const response = await agent
      .put('/api/v1/assessments/1/answers/x')
      .set('X-CSRF-Token', csrf)
      .send({ level: 1, revision: 0 })
    expect(response.status).toBe(401)
    expect(response.body.error).toBe('unauthenticated')
  })
})
