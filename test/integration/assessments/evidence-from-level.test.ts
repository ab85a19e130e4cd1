import { allQuestions } from '../../../src/domain/questionnaire/definition'
import { fieldId } from '../../../src/presenters/assessments/answer.presenter'
import { answerBody } from '../../support/answers'
import { validDefinition } from '../../support/definitions'
import { assessmentOf } from '../../support/rounds'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

/** A questionnaire whose data standards question needs evidence for level 4 or 5, answered at level 4 without any. */
let t: TestApp
let officer: { agent: Agent; csrf: string }
let id: number
const STANDARDS = 'data.quality.standards'
const MESSAGE = 'Enter evidence for standards: level 4 and above need it'

const put = (key: string, body: Record<string, unknown>, revision: number) =>
  officer.agent
    .put(`/api/v1/assessments/${id}/answers/${key}`)
    .set('X-CSRF-Token', officer.csrf)
    .send({ ...body, revision })

beforeAll(async () => {
  t = await createTestApp()
  const document = validDefinition({ key: 'evidence-levels' })
  Object.assign(document.dimensions[0]!.themes[0]!.questions[0], { evidence: 'optional', evidenceFromLevel: 4 })
  await t.services.questionnaires.upload(document, null)
  await t.services.questionnaires.publish('evidence-levels', 1, null)
  const round = await t.services.rounds.create(
    {
      name: 'Evidence round',
      questionnaire: { key: 'evidence-levels', version: 1 },
      opensOn: '2026-11-01',
      closesOn: '2027-01-31',
      organisations: ['hackney'],
    },
    null,
  )
  id = await assessmentOf(t, round, 'hackney')
  officer = await signIn(t.app, (await t.createUser('respondent', { organisation: 'hackney' })).email)
  const definition = (await t.services.questionnaires.get('evidence-levels', 1)).definition
  for (const { question } of allQuestions(definition)) {
    if (!question.required) continue
    const body = question.key === STANDARDS ? { level: 4 } : answerBody(question, 2)
    await put(question.key, body, 0).expect(200)
  }
})
afterAll(() => t.close())

describe('evidence needed from a level', () => {
  it('says on the question which levels need evidence', async () => {
    const page = (await officer.agent.get(`/assessments/${id}/themes/data.quality`).expect(200)).text
    expect(page).toContain(
      'Documents, links or examples that show this: needed before you submit if you choose level 4 or above',
    )
  })

  it('refuses to submit a level 4 without evidence, through the API, naming the question', async () => {
    const response = await officer.agent
      .post(`/api/v1/assessments/${id}/submit`)
      .set('X-CSRF-Token', officer.csrf)
      .expect(422)
    expect(response.body.errors).toEqual([
      { pointer: `/answers/${STANDARDS}`, questionKey: STANDARDS, message: MESSAGE },
    ])
    expect((await t.repos.assessments.findById(id))?.state).toBe('in_progress')
  })

  it('refuses it on the page too, linking to the question', async () => {
    const response = await officer.agent
      .post(`/assessments/${id}/submit`)
      .type('form')
      .send({ _csrf: officer.csrf, declaration: 'agreed' })
      .expect(422)
    expect(response.text).toContain(`href="/assessments/${id}/themes/data.quality#${fieldId(STANDARDS)}"`)
    expect(response.text).toContain(`Quality: ${MESSAGE}`)
  })

  it('submits once the evidence is there', async () => {
    const [standards] = (await t.repos.assessments.answers(id)).filter(a => a.questionKey === STANDARDS)
    await put(STANDARDS, { level: 4, evidence: 'Data standards board minutes, May 2026' }, standards!.revision).expect(
      200,
    )
    const submitted = await officer.agent.post(`/api/v1/assessments/${id}/submit`).set('X-CSRF-Token', officer.csrf)
    expect(submitted.status).toBe(200)
    expect((await t.repos.assessments.findById(id))?.state).toBe('submitted')
  })
})
