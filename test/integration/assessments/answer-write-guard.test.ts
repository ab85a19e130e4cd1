import { allQuestions } from '../../../src/domain/questionnaire/definition'
import { assessmentOf, createRound } from '../../support/rounds'
import { createTestApp, signIn, type TestApp } from '../../support/test-app'

// The everyday save writes in one statement on condition that nothing moved since it read. These tests
// move things between the read and the write, which no request can time, by calling the write directly.
let t: TestApp
let assessmentId: number
let respondentId: number
let key: string

const content = (level: number) => ({ level, value: null, notApplicable: false, evidence: null })
const event = (level: number) => ({
  actorUserId: respondentId,
  action: 'answer.saved',
  entityType: 'assessment',
  entityId: assessmentId,
  after: { questionKey: key, level },
})
const stored = async () => (await t.repos.assessments.answers(assessmentId)).find(a => a.questionKey === key)
const events = async () =>
  (await t.repos.audit.forEntity('assessment', assessmentId)).filter(e => e.action === 'answer.saved')

beforeAll(async () => {
  t = await createTestApp()
  const roundId = await createRound(t, { organisations: ['sutton'] })
  assessmentId = await assessmentOf(t, roundId, 'sutton')
  const respondent = await t.createUser('respondent', { organisation: 'sutton' })
  respondentId = respondent.id
  key = allQuestions((await t.services.questionnaires.get('london-digital-maturity', 2)).definition)[0]!.question.key
  // A first save through the API starts the assessment, as a respondent's first save does.
  const { agent, csrf } = await signIn(t.app, respondent.email)
  await agent
    .put(`/api/v1/assessments/${assessmentId}/answers/${key}`)
    .set('X-CSRF-Token', csrf)
    .send({ level: 1, revision: 0 })
    .expect(200)
})
afterAll(() => t.close())

const write = async (assessmentRevision: number, answerRevision: number, level: number) =>
  t.repos.assessments.writeAnswerIfCurrent(
    {
      assessmentId,
      assessmentRevision,
      round: (await t.repos.assessments.answerSaveContext(assessmentId, key))!.round,
      questionKey: key,
      answerRevision,
    },
    content(level),
    { at: t.clock(), by: respondentId },
    event(level),
  )

it('writes the answer and its audit event together when nothing moved since the read', async () => {
  const context = await t.repos.assessments.answerSaveContext(assessmentId, key)
  expect(context?.assessment.state).toBe('in_progress')
  expect(context?.answer?.revision).toBe(1)
  const before = (await events()).length
  expect(await write(context!.assessment.revision, 1, 2)).toBe(true)
  expect(await stored()).toMatchObject({ level: 2, revision: 2 })
  expect(await events()).toHaveLength(before + 1)
})

it('writes nothing, not even the audit event, when someone saved the answer meanwhile', async () => {
  const context = await t.repos.assessments.answerSaveContext(assessmentId, key)
  const before = (await events()).length
  expect(await write(context!.assessment.revision, context!.answer!.revision - 1, 5)).toBe(false)
  expect(await stored()).toMatchObject({ level: 2, revision: 2 })
  expect(await events()).toHaveLength(before)
})

it('writes nothing when the assessment moved on meanwhile (handed in, returned)', async () => {
  const context = await t.repos.assessments.answerSaveContext(assessmentId, key)
  await t.repos.assessments.setState(assessmentId, 'submitted', { submittedAt: t.clock() })
  const before = (await events()).length
  expect(await write(context!.assessment.revision, context!.answer!.revision, 4)).toBe(false)
  expect(await stored()).toMatchObject({ level: 2, revision: 2 })
  expect(await events()).toHaveLength(before)
})

it('reads nothing for an assessment that does not exist', async () => {
  expect(await t.repos.assessments.answerSaveContext(999_999, key)).toBeUndefined()
})
