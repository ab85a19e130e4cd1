import pino from 'pino'
import request from 'supertest'
import { createApp } from '../../src/app'
import { createRepositories } from '../../src/data'
import { openDatabase, type Database } from '../../src/db/database'
import { allQuestions } from '../../src/domain/questionnaire/definition'
import { createServices } from '../../src/services'
import { assessmentOf, createRound } from '../support/rounds'
import { createTestApp, signIn, type TestApp } from '../support/test-app'

// Each app process keeps copies of sessions and users and drops them when the database announces a
// change. On PostgreSQL the second app here is a second process in all but name: its own connection
// pool and its own listening connection, hearing of the first app's writes only through PostgreSQL.
// On PGlite, which one process opens, it shares the first app's database.
let t: TestApp
let second: { app: ReturnType<typeof createApp>; db?: Database }

beforeAll(async () => {
  t = await createTestApp()
  const db = t.db.url ? await openDatabase({ databaseUrl: t.db.url, listen: true }) : undefined
  const repos = db ? createRepositories(db.knex, db.changes) : t.repos
  const services = createServices(repos, t.clock, { disclosureMinimum: t.config.disclosureMinimum })
  second = { app: createApp({ config: t.config, services, logger: pino({ level: 'silent' }) }), db }
  // The second app's listener must be up before anything it keeps can be trusted, or tested.
  for (let i = 0; i < 100 && !repos.changes.live; i++) await new Promise(resolve => setTimeout(resolve, 50))
})
afterAll(async () => {
  await second.db?.close()
  await t.close()
})

/** The second app's answer to a signed-in page, asked until it changes or two seconds pass. */
async function secondAppUntil(cookie: string, status: number): Promise<number> {
  let seen = 0
  for (let i = 0; i < 40; i++) {
    seen = (await request(second.app).get('/account').set('Cookie', cookie)).status
    if (seen === status) return seen
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  return seen
}

it('signs a browser out on every app at once when it signs out on one', async () => {
  const { agent, csrf, cookie } = await signIn(t.app, (await t.createUser('analyst')).email)
  expect(cookie).not.toBe('')
  // Seen, and so kept, by the second app.
  for (let i = 0; i < 3; i++) await request(second.app).get('/account').set('Cookie', cookie).expect(200)
  await agent.post('/logout').type('form').send({ _csrf: csrf }).expect(302)
  expect(await secondAppUntil(cookie, 302)).toBe(302)
})

it('refuses a disabled account on every app, and shows a changed role at once', async () => {
  const admin = await t.createUser('admin')
  const user = await t.createUser('analyst')
  const { cookie } = await signIn(t.app, user.email)
  const home = await request(second.app).get('/').set('Cookie', cookie).expect(200)
  expect(home.text).toContain('Insights')
  await t.db
    .knex('users')
    .where({ id: user.id })
    .update({ role: 'respondent', organisation_id: (await t.repos.organisations.findBySlug('hackney'))!.id })
  let after = ''
  for (let i = 0; i < 40 && !after.includes('Assessments'); i++) {
    after = (await request(second.app).get('/').set('Cookie', cookie)).text
    if (!after.includes('Assessments')) await new Promise(resolve => setTimeout(resolve, 50))
  }
  expect(after).toContain('Assessments')
  expect(after).not.toContain('>Insights<')
  await t.services.users.setDisabled(user.id, true, admin.id)
  expect(await secondAppUntil(cookie, 302)).toBe(302)
})

it('shows every save of an answer on every app at once, and a change by any other tool too', async () => {
  const roundId = await createRound(t, { organisations: ['merton'] })
  const assessmentId = await assessmentOf(t, roundId, 'merton')
  const respondent = await signIn(t.app, (await t.createUser('respondent', { organisation: 'merton' })).email)
  const analyst = await signIn(second.app, (await t.createUser('analyst')).email)
  const [key = ''] = allQuestions((await t.services.questionnaires.get('london-digital-maturity', 2)).definition)
    .filter(q => q.question.type === 'maturity')
    .map(q => q.question.key)
  const save = (evidence: string, revision: number) =>
    respondent.agent
      .put(`/api/v1/assessments/${assessmentId}/answers/${key}`)
      .set('X-CSRF-Token', respondent.csrf)
      .send({ level: 2, evidence, revision })
      .expect(200)
  /** The second app's export of the round, asked until it holds `text` or two seconds pass. */
  const exportHolds = async (text: string) => {
    for (let i = 0; i < 40; i++) {
      if ((await analyst.agent.get(`/rounds/${roundId}/export.csv`).expect(200)).text.includes(text)) return true
      await new Promise(resolve => setTimeout(resolve, 50))
    }
    return false
  }
  await save('First draft', 0)
  expect(await exportHolds('First draft')).toBe(true)
  // The second save of an answer is written in one statement and announced by the app once committed.
  await save('Second draft', 1)
  expect(await exportHolds('Second draft')).toBe(true)
  await save('Third draft', 2)
  expect(await exportHolds('Third draft')).toBe(true)
  // A tool writing straight to the database is announced by the triggers.
  await t.db.knex('answers').where({ assessment_id: assessmentId, question_key: key }).update({ evidence: 'By a tool' })
  expect(await exportHolds('By a tool')).toBe(true)
})
