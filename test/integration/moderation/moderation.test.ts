import { answerBody } from '../../support/answers'
import { moderationSections, unmoderatedQuestions } from '../../../src/domain/assessment/moderation'
import { allQuestions } from '../../../src/domain/questionnaire/definition'
import { assessmentOf, createRound } from '../../support/rounds'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

let t: TestApp
let assessmentId: number
let respondent: { agent: Agent; csrf: string }
let assessor: { agent: Agent; csrf: string }
let otherAssessor: { agent: Agent; csrf: string }
let firstKey: string

const api = (who: { agent: Agent; csrf: string }, method: 'post' | 'put', path: string, body: unknown = {}) =>
  who.agent[method](`/api/v1/assessments/${assessmentId}${path}`)
    .set('X-CSRF-Token', who.csrf)
    .send(body as object)

async function answerAndSubmit() {
  const def = (await t.services.questionnaires.get('london-digital-maturity', 2)).definition
  const stored = new Map((await t.repos.assessments.answers(assessmentId)).map(a => [a.questionKey, a]))
  for (const { question } of allQuestions(def)) {
    if (!question.required || stored.has(question.key)) continue
    const body = answerBody(question, 3)
    await api(respondent, 'put', `/answers/${question.key}`, {
      ...body,
      ...(question.evidence === 'required' ? { evidence: 'Yes' } : {}),
      revision: 0,
    }).expect(200)
  }
  await api(respondent, 'post', '/submit').expect(200)
}

beforeAll(async () => {
  t = await createTestApp()
  assessmentId = await assessmentOf(t, await createRound(t, { organisations: ['lambeth', 'lewisham'] }), 'lambeth')
  respondent = await signIn(t.app, (await t.createUser('respondent', { organisation: 'lambeth' })).email)
  assessor = await signIn(t.app, (await t.createUser('assessor', { organisation: 'lewisham' })).email)
  otherAssessor = await signIn(t.app, (await t.createUser('assessor')).email)
  firstKey = allQuestions((await t.services.questionnaires.get('london-digital-maturity', 2)).definition)[0]!.question
    .key
})
afterAll(() => t.close())

describe('moderation', () => {
  it('cannot start before the borough submits', async () => {
    const response = await api(assessor, 'post', '/open-moderation').expect(409)
    expect(response.body.message).toContain('cannot be opened for moderation')
  })

  it('is refused to respondents and to assessors of the organisation itself', async () => {
    await answerAndSubmit()
    await api(respondent, 'post', '/open-moderation').expect(403)
    const own = await signIn(t.app, (await t.createUser('assessor', { organisation: 'lambeth' })).email)
    const refused = await api(own, 'post', '/open-moderation').expect(403)
    expect(refused.body.message).toBe('You cannot moderate your own organisation’s assessment')
    expect((await t.repos.assessments.findById(assessmentId))?.state).toBe('submitted')
  })

  it('opens, then takes agreement without a rationale and a change only with one', async () => {
    await api(assessor, 'post', '/open-moderation').expect(200, { state: 'in_moderation' })
    await api(assessor, 'put', `/moderation/${firstKey}`, { level: 3, revision: 0 }).expect(200, { revision: 1 })
    const missing = await api(assessor, 'put', `/moderation/${firstKey}`, { level: 2, revision: 1 }).expect(422)
    expect(missing.body.errors).toEqual([
      { pointer: '/rationale', message: 'give a rationale for setting a level different from the self-assessed one' },
    ])
    await api(assessor, 'put', `/moderation/${firstKey}`, {
      level: 2,
      rationale: 'No evidence of a published strategy',
      revision: 1,
    }).expect(200, { revision: 2 })
    const [stored] = await t.repos.moderations.forAssessment(assessmentId)
    expect(stored).toMatchObject({
      questionKey: firstKey,
      level: 2,
      rationale: 'No evidence of a published strategy',
      revision: 2,
    })
    const audit = (await t.repos.audit.forEntity('assessment', assessmentId)).filter(
      e => e.action === 'moderation.saved',
    )
    expect(audit).toHaveLength(2)
  })

  it('refuses a level off the scale, and a stale revision from a second assessor, changing nothing', async () => {
    expect(
      (await api(assessor, 'put', `/moderation/${firstKey}`, { level: 6, rationale: 'x', revision: 2 }).expect(422))
        .body.errors[0].pointer,
    ).toBe('/level')
    const stale = await api(otherAssessor, 'put', `/moderation/${firstKey}`, {
      level: 5,
      rationale: 'Looks stronger',
      revision: 1,
    }).expect(409)
    expect(stale.body.current).toMatchObject({ level: 2, revision: 2 })
    expect((await t.repos.moderations.forAssessment(assessmentId))[0]?.level).toBe(2)
  })

  it('lets only one of two simultaneous moderations of one question win', async () => {
    const key = allQuestions((await t.services.questionnaires.get('london-digital-maturity', 2)).definition)[1]!
      .question.key
    const results = await Promise.all(
      [assessor, otherAssessor, assessor, otherAssessor].map((who, i) =>
        api(who, 'put', `/moderation/${key}`, { level: i + 1, rationale: `view ${i}`, revision: 0 }),
      ),
    )
    expect(results.map(r => r.status).sort()).toEqual([200, 409, 409, 409])
  })

  it('returns to the borough only with a comment, which the respondents then see', async () => {
    expect((await api(assessor, 'post', '/return', {}).expect(422)).body.errors[0].pointer).toBe('/comment')
    await api(assessor, 'post', '/return', { comment: 'Please add evidence for the cyber questions.' }).expect(200, {
      state: 'returned',
    })
    const page = await respondent.agent.get(`/assessments/${assessmentId}`).expect(200)
    expect(page.text).toContain('Returned for changes')
    expect(page.text).toContain('Please add evidence for the cyber questions.')
  })

  it('lets the borough change and resubmit, then the assessor completes it', async () => {
    const answer = (await t.repos.assessments.answers(assessmentId)).find(a => a.questionKey === firstKey)!
    await api(respondent, 'put', `/answers/${firstKey}`, { level: 4, revision: answer.revision }).expect(200)
    await api(respondent, 'post', '/submit').expect(200, { state: 'submitted' })
    await api(assessor, 'post', '/open-moderation').expect(200)
    const refused = await api(assessor, 'post', '/complete', { comment: 'Thorough.' }).expect(409)
    expect(refused.body.message).toMatch(/^Moderate every scored question before completing: \d+ are not moderated/)
    expect((await t.repos.assessments.findById(assessmentId))?.state).toBe('in_moderation')
    const def = (await t.services.questionnaires.get('london-digital-maturity', 2)).definition
    const answers = new Map((await t.repos.assessments.answers(assessmentId)).map(a => [a.questionKey, a]))
    const moderated = new Set((await t.repos.moderations.forAssessment(assessmentId)).map(m => m.questionKey))
    for (const { question } of unmoderatedQuestions(moderationSections(def, answers, moderated)))
      await api(assessor, 'put', `/moderation/${question.key}`, {
        level: answers.get(question.key)?.level,
        revision: 0,
      }).expect(200)
    await api(assessor, 'post', '/complete', { comment: 'Thorough.' }).expect(200, { state: 'moderated' })
    await api(assessor, 'put', `/moderation/${firstKey}`, { level: 1, rationale: 'late', revision: 2 }).expect(409)
    const actions = (await t.repos.audit.forEntity('assessment', assessmentId)).map(e => e.action)
    expect(actions).toEqual(
      expect.arrayContaining(['assessment.open_moderation', 'assessment.return', 'assessment.complete']),
    )
  })
})

describe('the history page', () => {
  it('shows moderation beside the answers, with rationales', async () => {
    const page = await respondent.agent.get(`/assessments/${assessmentId}/history`).expect(200)
    expect(page.text).toContain('Opened for moderation')
    expect(page.text).toContain('Returned to the borough for changes')
    expect(page.text).toContain('Completed moderation')
    expect(page.text).toContain('(rationale: No evidence of a published strategy)')
  })
})

describe('GET /api/v1/assessments/:id/scores', () => {
  it('scores by the published rule, with moderated levels on the final basis only', async () => {
    const self = await respondent.agent.get(`/api/v1/assessments/${assessmentId}/scores?basis=self`).expect(200)
    const final = await respondent.agent.get(`/api/v1/assessments/${assessmentId}/scores?basis=final`).expect(200)
    const def = (await t.services.questionnaires.get('london-digital-maturity', 2)).definition
    const firstDimension = def.dimensions[0]!
    expect(self.body.dimensions.map((d: { key: string }) => d.key)).toEqual(def.dimensions.map(d => d.key))
    expect(self.body.coverage).toBeGreaterThan(0.9)
    const firstTheme = (body: any) =>
      body.dimensions.find((d: { key: string }) => d.key === firstDimension.key).themes[0].score
    // The first question was self-assessed 4 and moderated to 2; the rest of its theme stayed at 3.
    expect(firstTheme(final.body)).toBeLessThan(firstTheme(self.body))
    for (const body of [self.body, final.body]) {
      expect(body.overall).toBeGreaterThanOrEqual(1)
      expect(body.overall).toBeLessThanOrEqual(5)
    }
  })

  it('refuses an unknown basis and other organisations', async () => {
    await respondent.agent.get(`/api/v1/assessments/${assessmentId}/scores?basis=best`).expect(400)
    const other = await signIn(t.app, (await t.createUser('respondent', { organisation: 'lewisham' })).email)
    await other.agent.get(`/api/v1/assessments/${assessmentId}/scores`).expect(404)
  })
})
