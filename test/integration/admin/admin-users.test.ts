import request from 'supertest'
import { createTestApp, csrfFrom, PASSWORD, signIn, type Agent, type TestApp } from '../../support/test-app'

let t: TestApp
let admin: { agent: Agent; csrf: string; id: number }

const PUBLIC_URL = 'https://ldm.example.gov.uk'

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL })
})
// A fresh sign-in for each test, since some tests move the clock past the idle timeout.
beforeEach(async () => {
  const user = await t.createUser('admin')
  admin = { ...(await signIn(t.app, user.email)), id: user.id }
})
afterAll(() => t.close())

const invitationPath = (html: string): string => {
  const match = /https?:\/\/[^/]+(\/invitations\/[A-Za-z0-9_-]+)/.exec(html)
  if (!match?.[1]) throw new Error('no invitation link on the page')
  return match[1]
}

async function invite(fields: Record<string, string>) {
  return admin.agent
    .post('/admin/users/new')
    .type('form')
    .send({ _csrf: admin.csrf, ...fields })
}

describe('inviting a user', () => {
  // Issue 14, finding 9: the link was built from the Host header, which whoever sends the request chooses,
  // so an invitation could send a new user to an attacker's site with their one-time token.
  it('names the public address in the link, whatever Host the request came with', async () => {
    const response = await admin.agent
      .post('/admin/users/new')
      .set('Host', 'evil.example')
      .set('X-Forwarded-Host', 'evil.example')
      .set('X-Forwarded-Proto', 'http')
      .type('form')
      .send({ _csrf: admin.csrf, name: 'Grace Hopper', email: 'grace@camden.gov.uk', role: 'analyst' })
      .expect(200)
    expect(response.text).not.toContain('evil.example')
    expect(response.text).toMatch(new RegExp(`${PUBLIC_URL}/invitations/[A-Za-z0-9_-]{43}`))

    const user = await t.repos.users.findByEmail('grace@camden.gov.uk')
    const again = await admin.agent
      .post(`/admin/users/${user!.id}/invitation`)
      .set('Host', 'evil.example')
      .type('form')
      .send({ _csrf: admin.csrf })
      .expect(200)
    expect(again.text).not.toContain('evil.example')
    expect(again.text).toMatch(new RegExp(`${PUBLIC_URL}/invitations/[A-Za-z0-9_-]{43}`))
  })

  it('creates the account and shows a one-time link with which the person sets a password and signs in', async () => {
    const response = await invite({
      name: 'Ada Lovelace',
      email: 'Ada@Camden.gov.uk',
      role: 'respondent',
      organisation: 'camden',
    })
    expect(response.status).toBe(200)
    expect(response.text).toContain('User invited')
    const link = invitationPath(response.text)

    const list = await admin.agent.get('/admin/users').expect(200)
    expect(list.text).toContain('ada@camden.gov.uk')
    expect(list.text).toContain('Invited')

    const visitor = request.agent(t.app)
    const form = await visitor.get(link).expect(200)
    expect(form.text).toContain('ada@camden.gov.uk')
    const weak = await visitor
      .post(link)
      .type('form')
      .send({ _csrf: csrfFrom(form.text), password: 'short', confirmPassword: 'short' })
    expect(weak.status).toBe(400)
    expect(weak.text).toContain('Password must be 12 characters or more')

    const set = await visitor
      .post(link)
      .type('form')
      .send({ _csrf: csrfFrom(form.text), password: 'plum orchard lantern', confirmPassword: 'plum orchard lantern' })
    expect(set.status).toBe(302)
    expect(set.headers.location).toBe('/login')

    const { agent } = await signIn(t.app, 'ada@camden.gov.uk', 'plum orchard lantern')
    expect((await agent.get('/').expect(200)).text).toContain('London Borough of Camden')

    // The link works once.
    await request(t.app).get(link).expect(404)
    const audit = await t.db.knex('audit_events').where({ entity_type: 'user', action: 'user.invited' })
    expect(audit.length).toBeGreaterThanOrEqual(1)
  })

  it('lists every problem with the form and stores nothing', async () => {
    const before = await t.repos.users.count()
    const response = await invite({ name: '', email: 'not an email', role: 'respondent', organisation: '' })
    expect(response.status).toBe(400)
    expect(response.text).toContain('There is a problem')
    expect(response.text).toContain('<a href="#email">Enter an email address in the correct format')
    expect(response.text).toContain('<a href="#name">Enter the person’s full name</a>')
    expect(response.text).toContain('<a href="#organisation">Select the organisation this respondent belongs to</a>')
    expect(response.text).toContain('value="not an email"')
    expect(await t.repos.users.count()).toBe(before)
  })

  it('refuses an unknown role or organisation', async () => {
    const response = await invite({ name: 'X', email: 'x@test.local', role: 'superuser', organisation: 'atlantis' })
    expect(response.status).toBe(400)
    expect(response.text).toContain('Select a role')
    expect(response.text).toContain('Select an organisation from the list')
    expect(await t.repos.users.findByEmail('x@test.local')).toBeUndefined()
  })

  it('refuses a second account with the same email', async () => {
    const existing = await t.createUser('analyst')
    const response = await invite({ name: 'Again', email: existing.email.toUpperCase(), role: 'analyst' })
    expect(response.status).toBe(400)
    expect(response.text).toContain('A user with this email address already exists')
  })

  it('refuses an invitation link that does not exist', async () => {
    const response = await request(t.app).get('/invitations/made-up-token').expect(404)
    expect(response.text).toContain('This invitation link has expired or has already been used')
  })

  it('refuses an invitation link after 7 days', async () => {
    const response = await invite({ name: 'Late', email: 'late@test.local', role: 'analyst' })
    const link = invitationPath(response.text)
    t.clock.advance(7 * 24 * 3600 * 1000 + 1000)
    await request(t.app).get(link).expect(404)
  })
})

describe('changing a user', () => {
  it('changes role and organisation, and signs the person out so the change takes effect', async () => {
    const user = await t.createUser('respondent', { organisation: 'hackney' })
    const person = await signIn(t.app, user.email)
    const response = await admin.agent
      .post(`/admin/users/${user.id}`)
      .type('form')
      .send({ _csrf: admin.csrf, name: 'Now An Analyst', email: user.email, role: 'analyst', organisation: '' })
    expect(response.status).toBe(302)
    expect(await t.repos.users.findById(user.id)).toMatchObject({
      role: 'analyst',
      organisationId: null,
      name: 'Now An Analyst',
    })
    await person.agent.get('/').expect(302)
    const audit = await t.repos.audit.forEntity('user', user.id)
    expect(audit.map(e => e.action)).toContain('user.updated')
    expect(audit.at(-1)?.before).toMatchObject({ role: 'respondent' })
  })

  it('shows the errors when a change is not valid and changes nothing', async () => {
    const user = await t.createUser('analyst')
    const response = await admin.agent
      .post(`/admin/users/${user.id}`)
      .type('form')
      .send({ _csrf: admin.csrf, name: 'Someone', email: user.email, role: 'respondent', organisation: '' })
    expect(response.status).toBe(400)
    expect(response.text).toContain('Select the organisation this respondent belongs to')
    expect((await t.repos.users.findById(user.id))?.role).toBe('analyst')
  })

  it('disables a user: their open session ends and they cannot sign in; enabling lets them back', async () => {
    const user = await t.createUser('assessor')
    const person = await signIn(t.app, user.email)
    await admin.agent.post(`/admin/users/${user.id}/disable`).type('form').send({ _csrf: admin.csrf }).expect(302)
    await person.agent
      .get('/')
      .expect(302)
      .expect('Location', /\/login/)
    await expect(signIn(t.app, user.email)).rejects.toThrow('failed with 403')
    await admin.agent.post(`/admin/users/${user.id}/enable`).type('form').send({ _csrf: admin.csrf }).expect(302)
    await signIn(t.app, user.email, PASSWORD)
  })

  it('will not let an admin disable themselves or drop their own admin role', async () => {
    const self = await admin.agent.post(`/admin/users/${admin.id}/disable`).type('form').send({ _csrf: admin.csrf })
    expect(self.status).toBe(409)
    expect(self.text).toContain('You cannot disable your own account')
    const demote = await admin.agent
      .post(`/admin/users/${admin.id}`)
      .type('form')
      .send({ _csrf: admin.csrf, name: 'Me', email: (await t.repos.users.findById(admin.id))?.email, role: 'analyst' })
    expect(demote.status).toBe(400)
    expect((await t.repos.users.findById(admin.id))?.role).toBe('admin')
  })

  it('answers 404 for a user who does not exist', async () => {
    await admin.agent.get('/admin/users/424242').expect(404)
    await admin.agent.get('/admin/users/not-a-number').expect(404)
  })
})
