import request from 'supertest'
import { verifyPassword } from '../../../src/services/account/passwords'
import { bearer, createToken, shown, tokenRow } from '../../support/tokens'
import { createTestApp, csrfFrom, PASSWORD, signIn, type Agent, type TestApp } from '../../support/test-app'

let t: TestApp
let admin: { agent: Agent; csrf: string; id: number }

beforeAll(async () => {
  t = await createTestApp()
})
beforeEach(async () => {
  const user = await t.createUser('admin')
  admin = { ...(await signIn(t.app, user.email)), id: user.id }
})
afterAll(() => t.close())

const NEW_PASSWORD = 'plum orchard lantern'
const invitationPath = (html: string): string => {
  const match = /https?:\/\/[^/]+(\/invitations\/[A-Za-z0-9_-]+)/.exec(html)
  if (!match?.[1]) throw new Error('no invitation link on the page')
  return match[1]
}
const apiAnswers = async (secret: string) => (await request(t.app).get('/api/v1/rounds').set(bearer(secret))).status

/** After a new password: the old token and the old password open nothing, the new password signs in. */
async function expectOnlyTheNewPasswordOpens(email: string, secret: string): Promise<void> {
  expect(await apiAnswers(secret)).toBe(401)
  await expect(signIn(t.app, email, PASSWORD)).rejects.toThrow('failed with 401')
  await signIn(t.app, email, NEW_PASSWORD)
}

/** A person signed in on two browsers, with a working token made on one of them. */
async function personWithTwoBrowsersAndAToken(role: 'analyst' | 'respondent' = 'analyst') {
  const user = await t.createUser(role)
  const laptop = await signIn(t.app, user.email)
  const phone = await signIn(t.app, user.email)
  const token = await createToken(laptop.agent, 'Nightly report')
  expect(await apiAnswers(token.secret)).toBe(200)
  return { user, laptop, phone, token }
}

async function setPasswordThrough(link: string, password = NEW_PASSWORD, agent = request.agent(t.app)) {
  const form = await agent.get(link).expect(200)
  return agent
    .post(link)
    .type('form')
    .send({ _csrf: csrfFrom(form.text), password, confirmPassword: password })
    .expect(302)
}

describe('a new password', () => {
  it('set through a reset link an admin made, signs out every browser and stops every token', async () => {
    const { user, laptop, phone, token } = await personWithTwoBrowsersAndAToken()
    const page = await admin.agent.get(`/admin/users/${user.id}`).expect(200)
    expect(page.text).toContain('Make a password reset link')
    const made = await admin.agent
      .post(`/admin/users/${user.id}/invitation`)
      .type('form')
      .send({ _csrf: admin.csrf })
      .expect(200)
    await setPasswordThrough(invitationPath(made.text))

    for (const browser of [laptop, phone]) {
      await browser.agent
        .get('/')
        .expect(302)
        .expect('Location', /\/login/)
    }
    await expectOnlyTheNewPasswordOpens(user.email, token.secret)

    const audit = await t.repos.audit.forEntity('user', user.id)
    const set = audit.find(e => e.action === 'user.password-set')
    expect(set?.after).toMatchObject({ tokensRevoked: [token.id], otherSessionsEnded: true })
  })

  it('set through an invitation link by a person who had signed in before, does the same', async () => {
    const { user, phone, token } = await personWithTwoBrowsersAndAToken('respondent')
    const { token: secret } = await t.services.users.reissueInvitation(user.id, admin.id)
    await setPasswordThrough(`/invitations/${secret}`)
    await phone.agent
      .get('/')
      .expect(302)
      .expect('Location', /\/login/)
    expect(await apiAnswers(token.secret)).toBe(401)
  })
})

describe('changing your own password on Your account', () => {
  it('keeps this browser signed in, signs out every other one and stops every token', async () => {
    const { user, laptop, phone, token } = await personWithTwoBrowsersAndAToken('respondent')
    const account = await laptop.agent.get('/account').expect(200)
    expect(account.text).toContain('href="/account/password"')
    const form = await laptop.agent.get('/account/password').expect(200)
    const csrf = csrfFrom(form.text)

    const wrong = await laptop.agent
      .post('/account/password')
      .type('form')
      .send({ _csrf: csrf, currentPassword: 'not my password', password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })
      .expect(400)
    expect(wrong.text).toContain('<a href="#currentPassword">Your current password is not right</a>')
    await phone.agent.get('/').expect(200)
    expect(await apiAnswers(token.secret)).toBe(200)

    await laptop.agent
      .post('/account/password')
      .type('form')
      .send({ _csrf: csrf, currentPassword: PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })
      .expect(302)
      .expect('Location', '/account')
    const after = await laptop.agent.get('/account').expect(200)
    expect(after.text).toContain('Your password has been changed')
    await laptop.agent.get('/').expect(200)
    await phone.agent
      .get('/')
      .expect(302)
      .expect('Location', /\/login/)
    await expectOnlyTheNewPasswordOpens(user.email, token.secret)
    const audit = await t.repos.audit.forEntity('user', user.id)
    expect(audit.find(e => e.action === 'user.password-changed')).toMatchObject({
      actorUserId: user.id,
      after: { tokensRevoked: [token.id], otherSessionsEnded: true },
    })
  })

  it('is refused, changing nothing, after ten wrong current passwords', async () => {
    const { user, laptop } = await personWithTwoBrowsersAndAToken()
    const form = await laptop.agent.get('/account/password').expect(200)
    const send = (currentPassword: string) =>
      laptop.agent
        .post('/account/password')
        .type('form')
        .send({ _csrf: csrfFrom(form.text), currentPassword, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })
    for (let i = 0; i < 10; i++) await send(`guess ${i}`).expect(400)
    const refused = await send(PASSWORD).expect(429)
    expect(refused.text).toContain('Too many wrong passwords')
    const stored = await t.repos.users.findById(user.id)
    expect(await verifyPassword(stored?.passwordHash ?? '', PASSWORD)).toBe(true)
    t.clock.advance(16 * 60_000)
  })
})

describe("ending a person's sessions", () => {
  it('can keep one of them: the browser that set the new password', async () => {
    const user = await t.createUser('analyst')
    const expires = new Date(t.clock().getTime() + 60 * 60_000)
    for (const sid of ['kept-browser', 'other-browser']) await t.repos.sessions.set(sid, { userId: user.id }, expires)
    await t.repos.sessions.destroyForUser(user.id, 'kept-browser')
    expect(await t.repos.sessions.getWithUser('kept-browser', t.clock())).toBeDefined()
    expect(await t.repos.sessions.getWithUser('other-browser', t.clock())).toBeUndefined()
  })
})

describe('disabling an account', () => {
  it('stops its tokens for good: enabling it again does not bring them back', async () => {
    const { user, token } = await personWithTwoBrowsersAndAToken()
    await admin.agent.post(`/admin/users/${user.id}/disable`).type('form').send({ _csrf: admin.csrf }).expect(302)
    expect(await apiAnswers(token.secret)).toBe(401)
    await admin.agent.post(`/admin/users/${user.id}/enable`).type('form').send({ _csrf: admin.csrf }).expect(302)
    expect(await apiAnswers(token.secret)).toBe(401)
    const person = await signIn(t.app, user.email)
    expect(tokenRow((await person.agent.get('/account')).text, 'Nightly report').at(-2)).toBe('Revoked')
    const audit = await t.repos.audit.forEntity('user', user.id)
    expect(audit.find(e => e.action === 'user.disabled')?.after).toMatchObject({ tokensRevoked: [token.id] })
  })
})

describe("a person's tokens on their admin page", () => {
  it('are listed with name, first characters, dates and status', async () => {
    const { user, token } = await personWithTwoBrowsersAndAToken()
    const page = await admin.agent.get(`/admin/users/${user.id}`).expect(200)
    expect(page.text).toContain('Personal access tokens')
    const row = tokenRow(page.text, 'Nightly report')
    expect(row.slice(0, 5)).toEqual([
      `${token.secret.slice(0, 12)}…`,
      shown(t.clock()),
      shown(t.clock()),
      shown(new Date(t.clock().getTime() + 90 * 24 * 3600 * 1000)),
      'Active',
    ])
    expect(page.text).not.toContain(token.secret)
  })

  it('can be revoked through a check page that says what happens, audited, with a success banner', async () => {
    const { user, token } = await personWithTwoBrowsersAndAToken()
    const page = await admin.agent.get(`/admin/users/${user.id}`).expect(200)
    const checkPath = `/admin/users/${user.id}/tokens/${token.id}/revoke`
    expect(page.text).toContain(`href="${checkPath}"`)

    const check = await admin.agent.get(checkPath).expect(200)
    expect(check.text).toContain('Nightly report')
    expect(check.text).toContain('cannot be undone')
    expect(check.text).toContain(`href="/admin/users/${user.id}"`)
    // Nothing happens until the button is pressed, and never without the form's CSRF token.
    expect(await apiAnswers(token.secret)).toBe(200)
    await admin.agent.post(checkPath).type('form').send({}).expect(403)
    expect(await apiAnswers(token.secret)).toBe(200)

    const done = await admin.agent
      .post(checkPath)
      .type('form')
      .send({ _csrf: csrfFrom(check.text) })
      .expect(302)
      .expect('Location', `/admin/users/${user.id}`)
    expect(done.status).toBe(302)
    expect(await apiAnswers(token.secret)).toBe(401)
    const after = await admin.agent.get(`/admin/users/${user.id}`).expect(200)
    expect(after.text).toContain('govuk-notification-banner--success')
    expect(after.text).toContain('Token “Nightly report” revoked')
    expect(tokenRow(after.text, 'Nightly report').at(-2)).toBe('Revoked')

    const audit = await t.repos.audit.forEntity('api_token', token.id)
    expect(audit.at(-1)).toMatchObject({ action: 'api-token.revoked', actorUserId: admin.id })
  })

  it('answers 404 for a token that is not that person’s, and refuses anyone but an admin', async () => {
    const { user, token, laptop } = await personWithTwoBrowsersAndAToken()
    const other = await t.createUser('analyst')
    await admin.agent.get(`/admin/users/${other.id}/tokens/${token.id}/revoke`).expect(404)
    await admin.agent
      .post(`/admin/users/${other.id}/tokens/${token.id}/revoke`)
      .type('form')
      .send({ _csrf: admin.csrf })
      .expect(404)
    await laptop.agent.get(`/admin/users/${user.id}/tokens/${token.id}/revoke`).expect(403)
    expect(await apiAnswers(token.secret)).toBe(200)
  })
})
