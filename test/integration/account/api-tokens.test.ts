import { Writable } from 'node:stream'
import request from 'supertest'
import { createApp } from '../../../src/app'
import { createLogger } from '../../../src/middleware/logging'
import { assessmentOf, createRound } from '../../support/rounds'
import { bearer, createToken, shown, TOKEN_PATTERN, tokenRow } from '../../support/tokens'
import { csrfFrom, signIn, type TestApp, createTestApp } from '../../support/test-app'

let t: TestApp
let roundId: number
let hackneyAssessment: number
let camdenAssessment: number
const QUESTION = 'leadership.strategy.digital-strategy'
const DAY = 24 * 3600 * 1000

/** The same token with its last character changed: well-formed, but not one that was issued. */
const tampered = (secret: string) => `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`
async function respondent() {
  const user = await t.createUser('respondent', { organisation: 'hackney' })
  return { ...(await signIn(t.app, user.email)), user }
}
const expectRefused = (response: request.Response) => {
  expect(response.status).toBe(401)
  expect(response.headers['www-authenticate']).toMatch(/^Bearer /)
  expect(response.body).toEqual({ error: 'unauthorized', message: expect.stringContaining('token') })
}

beforeAll(async () => {
  t = await createTestApp()
  roundId = await createRound(t, { name: 'Tokens round', organisations: ['hackney', 'camden'] })
  hackneyAssessment = await assessmentOf(t, roundId, 'hackney')
  camdenAssessment = await assessmentOf(t, roundId, 'camden')
})
afterAll(() => t.close())

describe('making a token on the account page', () => {
  it('shows who you are, then the token once, with a warning, and afterwards only its first characters', async () => {
    const { agent } = await respondent()
    const account = await agent.get('/account').expect(200)
    expect(account.text).toContain('Your account')
    expect(account.text).toMatch(/Organisation<\/dt>\s*<dd[^>]*>Hackney</)
    expect(account.text).toContain('You have no tokens.')
    expect((await agent.get('/').expect(200)).text).toContain('href="/account"')

    const created = shown(t.clock())
    const made = await agent
      .post('/account/tokens')
      .type('form')
      .send({ _csrf: csrfFrom(account.text), name: 'Power BI refresh', expiresInDays: '30' })
      .expect(200)
    const secret = TOKEN_PATTERN.exec(made.text)?.[0] ?? ''
    expect(secret).not.toBe('')
    expect(made.text).toContain('It will not be shown again')
    expect(made.text).toContain('27 December 2026')
    expect(made.headers['cache-control']).toBe('no-store')

    const list = await agent.get('/account').expect(200)
    expect(list.text).not.toContain(secret)
    expect(tokenRow(list.text, 'Power BI refresh')).toEqual([
      `${secret.slice(0, 12)}…`,
      created,
      'Never',
      '27 Dec 2026 at 10am',
      'Active',
      'Revoke Power BI refresh',
    ])
  })

  it('refuses a missing or over-long name and an expiry off the list, making nothing', async () => {
    const { agent, csrf } = await respondent()
    for (const [form, message] of [
      [{ name: '  ' }, 'Enter a name for the token'],
      [{ name: 'x'.repeat(101) }, 'Name must be 100 characters or fewer'],
      [{ name: 'Script', expiresInDays: '7' }, 'Select when the token expires'],
    ] as const) {
      const response = await agent
        .post('/account/tokens')
        .type('form')
        .send({ _csrf: csrf, ...form })
        .expect(400)
      expect(response.text).toContain('There is a problem')
      expect(response.text).toContain(message)
    }
    expect((await agent.get('/account')).text).toContain('You have no tokens.')
  })
})

describe('using a token', () => {
  it('reads the API as its owner, makes no session, and the list shows when it was last used', async () => {
    const { agent } = await respondent()
    const created = shown(t.clock())
    const { secret } = await createToken(agent, 'Dashboard')
    t.clock.advance(5 * 60_000)
    const used = shown(t.clock())
    const rounds = await request(t.app).get('/api/v1/rounds').set(bearer(secret)).expect(200)
    expect(rounds.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: roundId, name: 'Tokens round' })]),
    )
    expect(rounds.headers['set-cookie']).toBeUndefined()
    expect(tokenRow((await agent.get('/account')).text, 'Dashboard')).toEqual([
      `${secret.slice(0, 12)}…`,
      created,
      used,
      expect.stringContaining('2027'),
      'Active',
      'Revoke Dashboard',
    ])
  })

  it('saves an answer without any CSRF token', async () => {
    const { agent } = await respondent()
    const { secret } = await createToken(agent)
    const saved = await request(t.app)
      .put(`/api/v1/assessments/${hackneyAssessment}/answers/${QUESTION}`)
      .set(bearer(secret))
      .send({ level: 3, revision: 0 })
      .expect(200)
    expect(saved.body.revision).toBe(1)
    const stored = await t.repos.assessments.answers(hackneyAssessment)
    expect(stored.find(a => a.questionKey === QUESTION)?.level).toBe(3)
  })

  it('reaches only what its owner may: not another organisation’s assessment, not an admin’s action', async () => {
    const { agent } = await respondent()
    const { secret } = await createToken(agent)
    await request(t.app).get(`/api/v1/assessments/${camdenAssessment}`).set(bearer(secret)).expect(404)
    await request(t.app)
      .put(`/api/v1/assessments/${camdenAssessment}/answers/${QUESTION}`)
      .set(bearer(secret))
      .send({ level: 1, revision: 0 })
      .expect(404)
    expect(await t.repos.assessments.answers(camdenAssessment)).toEqual([])
    const body = {
      name: 'Sneaky',
      questionnaire: { key: 'london-digital-maturity', version: 2 },
      opensAt: '2027-01-01',
      closesAt: '2027-02-01',
    }
    await request(t.app).post('/api/v1/rounds').set(bearer(secret)).send(body).expect(403)
  })

  it('is the only credential of a request that carries one, even beside an admin’s session cookie', async () => {
    const admin = await signIn(t.app, (await t.createUser('admin')).email)
    const { secret } = await createToken((await respondent()).agent)
    const body = {
      name: 'Via cookie',
      questionnaire: { key: 'london-digital-maturity', version: 2 },
      opensAt: '2027-01-01',
      closesAt: '2027-02-01',
    }
    await admin.agent.post('/api/v1/rounds').set(bearer(secret)).set('X-CSRF-Token', admin.csrf).send(body).expect(403)
    expectRefused(await admin.agent.get('/api/v1/rounds').set(bearer(tampered(secret))))
    expect((await t.services.rounds.list()).map(r => r.name)).not.toContain('Via cookie')
  })
})

describe('a token that must not work', () => {
  it.each([
    ['an unknown token', `Bearer ldm_${'x'.repeat(43)}`],
    ['a malformed token', 'Bearer not-a-token'],
    ['no token after the scheme', 'Bearer '],
    ['another scheme', 'Basic dXNlcjpwYXNzd29yZA=='],
  ])('is refused with a Bearer challenge: %s', async (_case, header) => {
    expectRefused(await request(t.app).get('/api/v1/rounds').set('Authorization', header))
  })

  it('is refused once revoked on the account page, which records who made and revoked it', async () => {
    const { agent, csrf, user } = await respondent()
    const { secret, id } = await createToken(agent, 'Old laptop')
    await request(t.app).get('/api/v1/rounds').set(bearer(secret)).expect(200)
    // The account page has no form that revokes: its link leads to a check page, which changes nothing.
    const list = (await agent.get('/account')).text
    expect(list).not.toContain(`action="/account/tokens/${id}/revoke"`)
    expect(list).toContain(`href="/account/tokens/${id}/revoke"`)
    const check = (await agent.get(`/account/tokens/${id}/revoke`).expect(200)).text
    expect(check).toContain('A revoked token cannot be undone or brought back.')
    expect(check).toContain(`action="/account/tokens/${id}/revoke"`)
    await request(t.app).get('/api/v1/rounds').set(bearer(secret)).expect(200)
    const revoked = await agent.post(`/account/tokens/${id}/revoke`).type('form').send({ _csrf: csrf }).expect(302)
    expect(revoked.headers.location).toBe('/account')
    const account = await agent.get('/account')
    expect(account.text).toContain('Token “Old laptop” revoked')
    expect(account.text).toMatch(/Old laptop[\s\S]*Revoked/)
    expectRefused(await request(t.app).get('/api/v1/rounds').set(bearer(secret)))

    const events = await t.repos.audit.forEntity('api_token', id)
    expect(events.map(e => [e.action, e.actorUserId])).toEqual([
      ['api-token.created', user.id],
      ['api-token.revoked', user.id],
    ])
    expect(JSON.stringify(events)).toContain('Old laptop')
    expect(JSON.stringify(events)).not.toContain(secret)
  })

  it('cannot be revoked by anyone but its owner', async () => {
    const { secret, id } = await createToken((await respondent()).agent)
    const other = await respondent()
    await other.agent.get(`/account/tokens/${id}/revoke`).expect(404)
    await other.agent.post(`/account/tokens/${id}/revoke`).type('form').send({ _csrf: other.csrf }).expect(404)
    await request(t.app).get('/api/v1/rounds').set(bearer(secret)).expect(200)
  })

  it('stops working while its owner is disabled', async () => {
    const analyst = await t.createUser('analyst')
    const { secret } = await createToken((await signIn(t.app, analyst.email)).agent)
    await request(t.app).get('/api/v1/organisations').set(bearer(secret)).expect(200)
    await t.repos.users.setDisabled(analyst.id, t.clock())
    expectRefused(await request(t.app).get('/api/v1/organisations').set(bearer(secret)))
  })

  it('signs no one in to a page, and cannot make more tokens', async () => {
    const { secret } = await createToken((await respondent()).agent)
    const home = await request(t.app).get('/').set(bearer(secret)).expect(302)
    expect(home.headers.location).toMatch(/^\/login/)
    await request(t.app).get('/account').set(bearer(secret)).expect(302)
    const made = await request(t.app).post('/account/tokens').set(bearer(secret)).type('form').send({ name: 'More' })
    expect([401, 403]).toContain(made.status)
  })

  it('never appears in the request log, whether it works or not', async () => {
    const lines: string[] = []
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean))
        done()
      },
    })
    const app = createApp({ config: t.config, services: t.services, logger: createLogger('info', sink) })
    const { agent } = await signIn(app, (await t.createUser('respondent', { organisation: 'hackney' })).email)
    const { secret } = await createToken(agent)
    await request(app).get('/api/v1/rounds').set(bearer(secret)).expect(200)
    await request(app)
      .get('/api/v1/rounds')
      .set(bearer(tampered(secret)))
      .expect(401)
    const entries = lines.map(l => JSON.parse(l) as { req?: { url: string }; res?: { statusCode: number } })
    expect(entries.some(e => e.req?.url === '/api/v1/rounds' && e.res?.statusCode === 401)).toBe(true)
    const all = lines.join('\n')
    expect(all).not.toContain(secret.slice(4))
    expect(all).not.toContain(tampered(secret).slice(4))
  })
})

// Last, since moving the clock on ends every session made before it.
describe('an expired token', () => {
  it('is refused after its expiry, and the list says so', async () => {
    const { agent, user } = await respondent()
    const { secret } = await createToken(agent, 'Short-lived', 30)
    await request(t.app).get('/api/v1/rounds').set(bearer(secret)).expect(200)
    t.clock.advance(30 * DAY - 60_000)
    await request(t.app).get('/api/v1/rounds').set(bearer(secret)).expect(200)
    t.clock.advance(60_000)
    expectRefused(await request(t.app).get('/api/v1/rounds').set(bearer(secret)))
    const list = await (await signIn(t.app, user.email)).agent.get('/account')
    expect(list.text).toMatch(/Short-lived[\s\S]*Expired/)
    expect(list.text).not.toContain('Revoke<span class="govuk-visually-hidden"> Short-lived')
  })
})
