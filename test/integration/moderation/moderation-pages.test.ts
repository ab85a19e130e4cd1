import { allQuestions, type QuestionnaireDefinition } from '../../../src/domain/questionnaire/definition'
import { moderationFieldId } from '../../../src/routes/moderation/moderation.routes'
import { answerBody } from '../../support/answers'
import { assessmentOf, createRound } from '../../support/rounds'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

type Who = { agent: Agent; csrf: string }

let t: TestApp
let definition: QuestionnaireDefinition
let assessmentId: number
let respondent: Who
let assessor: Who
let otherAssessor: Who
let ownAssessor: Who
let firstKey: string
let secondKey: string

/** Answers every required question through the API (maturity at level 3) and submits. */
async function answerAndSubmit() {
  for (const { question } of allQuestions(definition)) {
    if (!question.required) continue
    const body = answerBody(question, 3)
    await respondent.agent
      .put(`/api/v1/assessments/${assessmentId}/answers/${question.key}`)
      .set('X-CSRF-Token', respondent.csrf)
      .send({ ...body, ...(question.evidence === 'none' ? {} : { evidence: 'Our published strategy' }), revision: 0 })
      .expect(200)
  }
  await submit()
}

const submit = () =>
  respondent.agent
    .post(`/api/v1/assessments/${assessmentId}/submit`)
    .set('X-CSRF-Token', respondent.csrf)
    .send({})
    .expect(200)

/** Posts a form as a browser would, with the session's CSRF token. */
const post = (who: Who, path: string, form: Record<string, string> = {}) =>
  who.agent
    .post(`/moderation/${assessmentId}${path}`)
    .type('form')
    .send({ _csrf: who.csrf, ...form })

const saveLevel = (who: Who, key: string, form: Record<string, string>) => post(who, `/questions/${key}`, form)
const stateOf = async () => (await t.repos.assessments.findById(assessmentId))?.state

beforeAll(async () => {
  t = await createTestApp()
  definition = (await t.services.questionnaires.get('london-digital-maturity', 2)).definition
  const roundId = await createRound(t, { name: 'Moderation pages round', organisations: ['lambeth', 'lewisham'] })
  assessmentId = await assessmentOf(t, roundId, 'lambeth')
  respondent = await signIn(t.app, (await t.createUser('respondent', { organisation: 'lambeth' })).email)
  assessor = await signIn(t.app, (await t.createUser('assessor', { organisation: 'lewisham' })).email)
  otherAssessor = await signIn(t.app, (await t.createUser('admin')).email)
  ownAssessor = await signIn(t.app, (await t.createUser('assessor', { organisation: 'lambeth' })).email)
  const maturity = allQuestions(definition).filter(l => l.question.type === 'maturity')
  firstKey = maturity[0]!.question.key
  secondKey = maturity[1]!.question.key
})
afterAll(() => t.close())

describe('the moderation queue', () => {
  it('is refused to respondents', async () => {
    await respondent.agent.get('/moderation').expect(403)
    await respondent.agent.get(`/moderation/${assessmentId}`).expect(403)
  })

  it('lists submitted assessments of the newest round, marking the assessor’s own organisation', async () => {
    await answerAndSubmit()
    const page = await assessor.agent.get('/moderation').expect(200)
    expect(page.text).toContain('<option value="')
    expect(page.text).toMatch(/selected>Moderation pages round</)
    expect(page.text).toContain('Lambeth')
    expect(page.text).toContain(`href="/moderation/${assessmentId}"`)
    expect(page.text).toContain('27 November 2026')
    const own = await ownAssessor.agent.get('/moderation').expect(200)
    expect(own.text).toContain('Your organisation: you cannot moderate it')
    expect(own.text).not.toContain(`href="/moderation/${assessmentId}"`)
  })

  it('filters by state', async () => {
    const page = await assessor.agent.get('/moderation?state=moderated').expect(200)
    expect(page.text).not.toContain(`href="/moderation/${assessmentId}"`)
    expect(page.text).toContain('are moderated')
  })
})

describe('moderating one assessment through the pages', () => {
  it('refuses an assessor of the organisation itself', async () => {
    const page = await ownAssessor.agent.get(`/moderation/${assessmentId}`).expect(403)
    expect(page.text).toContain('You cannot moderate your own organisation’s assessment')
    await post(ownAssessor, '/open').expect(403)
  })

  it('starts moderation from a submitted assessment', async () => {
    const page = await assessor.agent.get(`/moderation/${assessmentId}`).expect(200)
    expect(page.text).toContain('Start moderation')
    expect(page.text).toContain(`href="/assessments/${assessmentId}/history"`)
    await post(assessor, '/open').expect(302).expect('Location', `/moderation/${assessmentId}`)
    const after = await assessor.agent.get(`/moderation/${assessmentId}`).expect(200)
    expect(after.text).toContain('Moderation started')
    expect(after.text).toContain('(self-assessed)')
    expect(after.text).toContain('Our published strategy')
    expect(await stateOf()).toBe('in_moderation')
    await post(assessor, '/open').expect(409)
  })

  it('takes agreement without a rationale', async () => {
    await saveLevel(assessor, firstKey, { level: '3', rationale: '', revision: '0' }).expect(302)
    const page = await assessor.agent.get(`/moderation/${assessmentId}`).expect(200)
    expect(page.text).toContain('Moderation saved')
    expect(page.text).toContain('(agrees)')
  })

  it('refuses a different level without a rationale, pointing at the field, and saves nothing', async () => {
    const page = await saveLevel(assessor, secondKey, { level: '2', rationale: ' ', revision: '0' }).expect(422)
    expect(page.text).toContain('There is a problem')
    expect(page.text).toContain(`href="#${moderationFieldId(secondKey)}-rationale"`)
    expect(page.text).toContain('Give a rationale for setting a level different from the self-assessed one')
    expect(page.text).toMatch(/<title>Error: /)
    expect((await t.repos.moderations.forAssessment(assessmentId)).map(m => m.questionKey)).toEqual([firstKey])
    const noLevel = await saveLevel(assessor, secondKey, { rationale: 'x', revision: '0' }).expect(422)
    expect(noLevel.text).toContain(`href="#${moderationFieldId(secondKey)}"`)
  })

  it('saves a different level with a rationale', async () => {
    await saveLevel(assessor, secondKey, { level: '2', rationale: 'No evidence of a roadmap', revision: '0' })
      .expect(302)
      .expect('Location', `/moderation/${assessmentId}#question-${moderationFieldId(secondKey)}`)
    const stored = (await t.repos.moderations.forAssessment(assessmentId)).find(m => m.questionKey === secondKey)
    expect(stored).toMatchObject({ level: 2, rationale: 'No evidence of a roadmap', revision: 1 })
    const page = await assessor.agent.get(`/moderation/${assessmentId}`).expect(200)
    expect(page.text).toContain('Rationale: No evidence of a roadmap')
  })

  it('shows a conflict when another assessor saved first, changing nothing', async () => {
    const page = await saveLevel(otherAssessor, secondKey, { level: '5', rationale: 'Strong', revision: '0' }).expect(
      409,
    )
    expect(page.text).toContain('Another assessor changed the moderation')
    expect(page.text).toMatch(/Test assessor \d+<\/strong> saved <strong>2\. Emerging<\/strong>/)
    expect(page.text).toContain('name="revision" value="1"')
    const stored = (await t.repos.moderations.forAssessment(assessmentId)).find(m => m.questionKey === secondKey)
    expect(stored?.level).toBe(2)
  })

  it('returns to the borough only with a comment, which the respondent then sees', async () => {
    const missing = await post(assessor, '/return', { comment: '' }).expect(422)
    expect(missing.text).toContain('href="#comment"')
    expect(missing.text).toContain('Enter a comment saying what the borough needs to change')
    expect(await stateOf()).toBe('in_moderation')
    await post(assessor, '/return', { comment: 'Please add evidence for the roadmap.' }).expect(302)
    expect(await stateOf()).toBe('returned')
    const page = await respondent.agent.get(`/assessments/${assessmentId}`).expect(200)
    expect(page.text).toContain('Please add evidence for the roadmap.')
  })

  it('completes moderation after the borough resubmits', async () => {
    await submit()
    await post(assessor, '/open').expect(302)
    await post(assessor, '/complete', { comment: 'Thorough.' }).expect(302)
    expect(await stateOf()).toBe('moderated')
    const page = await assessor.agent.get(`/moderation/${assessmentId}`).expect(200)
    expect(page.text).toContain('Moderation completed')
    expect(page.text).toContain('Thorough.')
    expect(page.text).not.toContain('name="level"')
    const queue = await assessor.agent.get('/moderation?state=moderated').expect(200)
    expect(queue.text).toContain(`href="/moderation/${assessmentId}"`)
  })

  it('shows self-assessed and final scores to two decimals', async () => {
    const page = await assessor.agent.get(`/moderation/${assessmentId}`).expect(200)
    const overall = /Overall<\/th>\s*<td[^>]*>([\d.]+)<\/td>\s*<td[^>]*>([\d.]+)<\/td>/.exec(page.text)
    expect(overall?.[1]).toBe('3.00')
    expect(Number(overall?.[2])).toBeLessThan(3)
    expect(overall?.[2]).toMatch(/^\d\.\d\d$/)
  })
})
