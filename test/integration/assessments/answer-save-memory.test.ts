import { allQuestions } from '../../../src/domain/questionnaire/definition'
import { assessmentOf, createRound } from '../../support/rounds'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

// The app remembers what it last wrote of each answer, so the next autosave of it need not read first.
// These tests change things behind its back, as another app process would, and expect every save to be
// judged on what is stored, not on what was remembered.
let t: TestApp
let roundId: number
let assessmentId: number
let respondent: { agent: Agent; csrf: string; id: number }
let keys: string[]

const put = (key: string, body: Record<string, unknown>) =>
  respondent.agent
    .put(`/api/v1/assessments/${assessmentId}/answers/${key}`)
    .set('X-CSRF-Token', respondent.csrf)
    .send(body)
const stored = async (key: string) => (await t.repos.assessments.answers(assessmentId)).find(a => a.questionKey === key)

beforeAll(async () => {
  t = await createTestApp()
  roundId = await createRound(t, { organisations: ['merton'] })
  assessmentId = await assessmentOf(t, roundId, 'merton')
  const user = await t.createUser('respondent', { organisation: 'merton' })
  respondent = { ...(await signIn(t.app, user.email)), id: user.id }
  keys = allQuestions((await t.services.questionnaires.get('london-digital-maturity', 2)).definition)
    .filter(q => q.question.type === 'maturity')
    .map(q => q.question.key)
  await put(keys[0]!, { level: 1, revision: 0 }).expect(200)
})
afterAll(() => t.close())

it('saves the same answer again and again, each at the revision the last save gave', async () => {
  let revision = 0
  for (const level of [2, 3, 4, 5]) {
    const response = await put(keys[1]!, { level, revision }).expect(200)
    expect(response.body.revision).toBe(revision + 1)
    revision = response.body.revision as number
  }
  expect(await stored(keys[1]!)).toMatchObject({ level: 5, revision: 4 })
  const events = await t.repos.audit.forEntity('assessment', assessmentId)
  expect(events.filter(e => (e.after as { questionKey?: string } | null)?.questionKey === keys[1])).toHaveLength(4)
})

it('answers 409 with what is stored when another process saved the answer since', async () => {
  await put(keys[2]!, { level: 2, revision: 0 }).expect(200)
  const content = { level: 4, value: null, notApplicable: false, evidence: 'Saved elsewhere' }
  await t.repos.assessments.writeAnswer(assessmentId, keys[2]!, content, {
    revision: 2,
    at: t.clock(),
    by: respondent.id,
    carriedFrom: null,
  })
  const response = await put(keys[2]!, { level: 5, revision: 1 }).expect(409)
  expect(response.body.current).toMatchObject({ level: 4, revision: 2, evidence: 'Saved elsewhere' })
  expect(await stored(keys[2]!)).toMatchObject({ level: 4, revision: 2 })
})

it('answers the same save sent twice without writing it twice', async () => {
  await put(keys[3]!, { level: 2, revision: 0 }).expect(200)
  const again = await put(keys[3]!, { level: 2, revision: 0 }).expect(200)
  expect(again.body.revision).toBe(1)
  expect(await stored(keys[3]!)).toMatchObject({ level: 2, revision: 1 })
})

it('refuses a save once another process has closed the round, though this one last saw it open', async () => {
  await put(keys[4]!, { level: 2, revision: 0 }).expect(200)
  await t.db.knex('rounds').where({ id: roundId }).update({ closed_at: new Date() })
  const response = await put(keys[4]!, { level: 3, revision: 1 })
  expect(response.status).toBe(403)
  expect(await stored(keys[4]!)).toMatchObject({ level: 2, revision: 1 })
})
