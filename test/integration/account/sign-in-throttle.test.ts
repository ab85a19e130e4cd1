import request from 'supertest'
import { createTestApp, csrfFrom, PASSWORD, type TestApp } from '../../support/test-app'

/*
 * Behind a proxy the app reads the address from X-Forwarded-For, so each request here can come from
 * wherever the test says: an attacker at one address, the account's owner at another.
 */
let t: TestApp

beforeAll(async () => {
  t = await createTestApp({ TRUST_PROXY: '1' })
})
afterAll(() => t.close())

const MINUTE = 60_000

async function loginPage(from: string) {
  const agent = request.agent(t.app)
  const page = await agent.get('/login').set('X-Forwarded-For', from)
  return { agent, csrf: csrfFrom(page.text) }
}

async function attempt(email: string, password: string, from: string) {
  const { agent, csrf } = await loginPage(from)
  return agent.post('/login').set('X-Forwarded-For', from).type('form').send({ _csrf: csrf, email, password })
}

/** Wrong passwords from one address until `count` have been checked, waiting out every Retry-After as told. */
async function failPaced(email: string, from: string, count: number) {
  let checked = 0
  while (checked < count) {
    const response = await attempt(email, `wrong guess ${checked}`, from)
    if (response.status === 429) {
      t.clock.advance(Number(response.headers['retry-after']) * 1000)
      continue
    }
    expect(response.status).toBe(401)
    checked++
  }
}

describe('failed sign-ins cannot lock an account against its owner', () => {
  it('lets the owner in from their own address, round after round, while an attacker elsewhere keeps failing', async () => {
    const owner = await t.createUser('analyst')
    for (let round = 0; round < 3; round++) {
      await failPaced(owner.email, '203.0.113.66', 10)
      // The attacker has used up what this account allows from their address…
      const attacker = await attempt(owner.email, 'one more guess', '203.0.113.66')
      expect(attacker.status).toBe(429)
      expect(Number(attacker.headers['retry-after'])).toBeGreaterThan(0)
      expect(attacker.text).toContain('Too many failed attempts')
      // …and the owner, who has not been failing, signs in at once.
      expect((await attempt(owner.email, PASSWORD, '198.51.100.7')).status).toBe(302)
      // Still refused at the attacker's address, even with the right password.
      expect((await attempt(owner.email, PASSWORD, '203.0.113.66')).status).toBe(429)
      t.clock.advance(16 * MINUTE)
    }
  })

  it('checks no more than ten of a burst of parallel guesses at one account from one address', async () => {
    const owner = await t.createUser('analyst')
    const from = '203.0.113.77'
    const pages = await Promise.all(Array.from({ length: 30 }, () => loginPage(from)))
    const answers = await Promise.all(
      pages.map(({ agent, csrf }, i) =>
        agent
          .post('/login')
          .set('X-Forwarded-For', from)
          .type('form')
          .send({ _csrf: csrf, email: owner.email, password: `parallel guess ${i}` }),
      ),
    )
    const statuses = answers.map(a => a.status)
    // A 401 is an answer about the password; a 429 says nothing about it.
    expect(statuses.filter(s => s === 401)).toHaveLength(10)
    expect(statuses.filter(s => s !== 401 && s !== 429)).toEqual([])
    expect((await attempt(owner.email, PASSWORD, from)).status).toBe(429)
    expect((await attempt(owner.email, PASSWORD, '198.51.100.8')).status).toBe(302)
    t.clock.advance(16 * MINUTE)
  })

  it('gives one address a budget across accounts, which correct passwords do not use up', async () => {
    const from = '203.0.113.88'
    const colleague = await t.createUser('respondent')
    for (let i = 0; i < 49; i++) {
      expect((await t.services.auth.signIn(`spray-${i}@test.local`, 'password1', from)).outcome).toBe('invalid')
    }
    // People at the same council's address still sign in, and doing so costs the address nothing.
    for (let i = 0; i < 3; i++) {
      expect((await attempt(colleague.email, PASSWORD, from)).status).toBe(302)
    }
    expect((await t.services.auth.signIn('spray-last@test.local', 'password1', from)).outcome).toBe('invalid')
    const spent = await attempt(colleague.email, PASSWORD, from)
    expect(spent.status).toBe(429)
    // Elsewhere, nothing has changed.
    expect((await attempt(colleague.email, PASSWORD, '198.51.100.9')).status).toBe(302)
    t.clock.advance(16 * MINUTE)
    expect((await attempt(colleague.email, PASSWORD, from)).status).toBe(302)
  })

  it("does not let one person's refused retries use up their council's shared address", async () => {
    const from = '203.0.113.99'
    const stuck = await t.createUser('respondent')
    const colleague = await t.createUser('respondent')
    const answers: number[] = []
    for (let i = 0; i < 60; i++) answers.push((await attempt(stuck.email, 'an old password', from)).status)
    expect(answers.filter(s => s === 401)).toHaveLength(10)
    expect(answers.filter(s => s === 429)).toHaveLength(50)
    expect((await attempt(colleague.email, PASSWORD, from)).status).toBe(302)
    t.clock.advance(16 * MINUTE)
  })

  it('forgets a few failures once the owner signs in from that address', async () => {
    const owner = await t.createUser('analyst')
    const from = '198.51.100.10'
    for (let i = 0; i < 9; i++) expect((await attempt(owner.email, 'typo', from)).status).toBe(401)
    expect((await attempt(owner.email, PASSWORD, from)).status).toBe(302)
    for (let i = 0; i < 9; i++) expect((await attempt(owner.email, 'typo', from)).status).toBe(401)
    expect((await attempt(owner.email, PASSWORD, from)).status).toBe(302)
  })
})
