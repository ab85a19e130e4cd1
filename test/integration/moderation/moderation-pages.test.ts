import { moderationSections, type ModerationSection } from '../../../src/domain/assessment/moderation'
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

const saveSection = (who: Who, themeKey: string, form: Record<string, string>) =>
  post(who, `/sections/${themeKey}`, form)
const fid = moderationFieldId
const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;')
/** The sections as they stand now: what is moderated and what is left. */
async function sectionsNow(): Promise<ModerationSection[]> {
  const answers = new Map((await t.repos.assessments.answers(assessmentId)).map(a => [a.questionKey, a]))
  const moderated = new Set((await t.repos.moderations.forAssessment(assessmentId)).map(m => m.questionKey))
  sections = moderationSections(definition, answers, moderated)
  return sections
}
let sections: ModerationSection[] = []
/** A section with three questions, so agreeing with the borough has something left to do after two are moderated. */
let si = 0
const first = () => sections[si]!
const next = () => sections[si + 1]!
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
  sections = moderationSections(definition, new Map(), new Set())
  si = sections.findIndex(s => s.key === 'data.governance')
  firstKey = first().toModerate[0]!.key
  secondKey = first().toModerate[1]!.key
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

describe('moderating one assessment through the pages, a section at a time', () => {
  it('refuses an assessor of the organisation itself', async () => {
    const page = await ownAssessor.agent.get(`/moderation/${assessmentId}`).expect(403)
    expect(page.text).toContain('You cannot moderate your own organisation’s assessment')
    await post(ownAssessor, '/open').expect(403)
    await ownAssessor.agent.get(`/moderation/${assessmentId}/sections/${first().key}`).expect(403)
  })

  it('starts moderation from a submitted assessment, then lists each section with its progress', async () => {
    const page = await assessor.agent.get(`/moderation/${assessmentId}`).expect(200)
    expect(page.text).toContain('Start moderation')
    expect(page.text).toContain(`href="/assessments/${assessmentId}/history"`)
    await post(assessor, '/open').expect(302).expect('Location', `/moderation/${assessmentId}`)
    const after = await assessor.agent.get(`/moderation/${assessmentId}`).expect(200)
    expect(after.text).toContain('Moderation started')
    const total = (await sectionsNow()).reduce((n, s) => n + s.toModerate.length, 0)
    expect(after.text).toContain(`0 of ${total} scored questions moderated`)
    expect(after.text).toContain('govuk-task-list')
    expect(after.text).toContain(`href="/moderation/${assessmentId}/sections/${first().key}"`)
    expect(after.text).toContain(`0 of ${first().toModerate.length} moderated`)
    expect(after.text).toContain('Not started')
    expect(await stateOf()).toBe('in_moderation')
    await post(assessor, '/open').expect(409)
  })

  it('shows a section’s questions with the borough’s level and evidence, in one form', async () => {
    const page = await assessor.agent.get(`/moderation/${assessmentId}/sections/${first().key}`).expect(200)
    expect(page.text).toContain(`<h1 class="govuk-heading-l">${escape(first().title)}</h1>`)
    expect(page.text).toContain('(self-assessed)')
    expect(page.text).toContain('Our published strategy')
    expect(page.text.match(/<form method="post" action="\/moderation/g)).toHaveLength(1)
    expect(page.text).toContain('Agree with the borough on the rest of this theme')
    await assessor.agent.get(`/moderation/${assessmentId}/sections/no-such-theme`).expect(404)
  })

  it('saves a section and goes on to the next section with questions left', async () => {
    await saveSection(assessor, first().key, { [fid(firstKey)]: '3', [`${fid(firstKey)}-revision`]: '0' })
      .expect(302)
      .expect('Location', `/moderation/${assessmentId}/sections/${next().key}`)
    const stored = await t.repos.moderations.forAssessment(assessmentId)
    expect(stored.map(m => [m.questionKey, m.level])).toEqual([[firstKey, 3]])
    const following = await assessor.agent.get(`/moderation/${assessmentId}/sections/${next().key}`).expect(200)
    expect(following.text).toContain(`${escape(first().title)}: 1 level saved`)
    const overview = await assessor.agent.get(`/moderation/${assessmentId}`).expect(200)
    expect(overview.text).toContain(`1 of ${first().toModerate.length} moderated`)
    expect(overview.text).toContain('In progress')
  })

  it('refuses a different level without a rationale, pointing at the field, and saves nothing', async () => {
    const page = await saveSection(assessor, first().key, {
      [fid(firstKey)]: '3',
      [`${fid(firstKey)}-revision`]: '1',
      [fid(secondKey)]: '2',
      [`${fid(secondKey)}-rationale`]: ' ',
      [`${fid(secondKey)}-revision`]: '0',
    }).expect(422)
    expect(page.text).toContain('There is a problem')
    expect(page.text).toContain(`href="#${fid(secondKey)}-rationale"`)
    expect(page.text).toContain('Enter a rationale for a level different from the borough’s')
    expect(page.text).toMatch(/<title>Error: /)
    expect(page.text).toMatch(new RegExp(`value="2" checked|checked[^>]*value="2"`))
    expect((await t.repos.moderations.forAssessment(assessmentId)).map(m => m.questionKey)).toEqual([firstKey])
    // A rationale with no level is not dropped without a word.
    const third = first().toModerate[2]!.key
    const noLevel = await saveSection(assessor, first().key, {
      [`${fid(third)}-rationale`]: 'Strong evidence',
      [`${fid(third)}-revision`]: '0',
    }).expect(422)
    expect(noLevel.text).toContain(`href="#${fid(third)}"`)
    expect(noLevel.text).toContain('Select a moderated level for the rationale you gave')
    expect((await t.repos.moderations.forAssessment(assessmentId)).map(m => m.questionKey)).toEqual([firstKey])
  })

  it('saves a different level with a rationale', async () => {
    await saveSection(assessor, first().key, {
      [fid(secondKey)]: '2',
      [`${fid(secondKey)}-rationale`]: 'No evidence of a roadmap',
      [`${fid(secondKey)}-revision`]: '0',
    }).expect(302)
    const stored = (await t.repos.moderations.forAssessment(assessmentId)).find(m => m.questionKey === secondKey)
    expect(stored).toMatchObject({ level: 2, rationale: 'No evidence of a roadmap', revision: 1 })
    const page = await assessor.agent.get(`/moderation/${assessmentId}/sections/${first().key}`).expect(200)
    expect(page.text).toContain('Rationale: No evidence of a roadmap')
  })

  it('shows a conflict when another assessor saved first, changing nothing', async () => {
    const page = await saveSection(otherAssessor, first().key, {
      [fid(secondKey)]: '5',
      [`${fid(secondKey)}-rationale`]: 'Strong',
      [`${fid(secondKey)}-revision`]: '0',
    }).expect(409)
    expect(page.text).toContain('Another assessor changed the moderation')
    expect(page.text).toMatch(/Test assessor \d+<\/strong> saved <strong>2\. Emerging<\/strong>/)
    expect(page.text).toContain(`name="${fid(secondKey)}-revision" value="1"`)
    const stored = (await t.repos.moderations.forAssessment(assessmentId)).find(m => m.questionKey === secondKey)
    expect(stored?.level).toBe(2)
  })

  it('agrees with the borough on the rest of a section, leaving what is moderated as it is', async () => {
    const before = await t.repos.moderations.forAssessment(assessmentId)
    await saveSection(assessor, first().key, { action: 'agree' })
      .expect(302)
      .expect('Location', `/moderation/${assessmentId}/sections/${next().key}`)
    const after = new Map((await t.repos.moderations.forAssessment(assessmentId)).map(m => [m.questionKey, m]))
    const answers = new Map((await t.repos.assessments.answers(assessmentId)).map(a => [a.questionKey, a]))
    for (const q of first().toModerate) {
      const m = after.get(q.key)
      const kept = before.find(b => b.questionKey === q.key)
      if (kept) expect(m).toMatchObject({ level: kept.level, rationale: kept.rationale, revision: kept.revision })
      else expect(m).toMatchObject({ level: answers.get(q.key)?.level, rationale: null, revision: 1 })
    }
    expect(after.get(secondKey)?.level).toBe(2)
    for (const s of sections.filter(x => x !== first()))
      for (const q of s.questions) expect(after.has(q.key)).toBe(false)
    const events = (await t.repos.audit.forEntity('assessment', assessmentId)).filter(
      e => e.action === 'moderation.saved' && (e.after as { agreedWithBorough?: boolean }).agreedWithBorough,
    )
    expect(events).toHaveLength(first().toModerate.length - before.length)
  })

  it('offers completion as a link to a check page, which changes nothing and names what is left', async () => {
    await sectionsNow()
    const overview = await assessor.agent.get(`/moderation/${assessmentId}`).expect(200)
    expect(overview.text).toMatch(
      new RegExp(`<a href="/moderation/${assessmentId}/complete" role="button"[^>]*>Complete moderation</a>`),
    )
    expect(overview.text).not.toContain(`action="/moderation/${assessmentId}/complete"`)
    const check = await assessor.agent.get(`/moderation/${assessmentId}/complete`).expect(200)
    expect(check.text).toContain('You cannot complete moderation yet')
    const left = next().unmoderated[0]!
    expect(check.text).toContain(`Moderate “${escape(left.prompt)}” in ${escape(next().title)}`)
    expect(check.text).toContain(`href="/moderation/${assessmentId}/sections/${next().key}#question-${fid(left.key)}"`)
    expect(check.text).not.toContain(`action="/moderation/${assessmentId}/complete"`)
    expect(await stateOf()).toBe('in_moderation')
  })

  it('refuses to complete while questions are unmoderated, naming them and changing nothing', async () => {
    await sectionsNow()
    const page = await post(assessor, '/complete', { comment: 'Done' }).expect(409)
    expect(page.text).toContain('There is a problem')
    const left = next().unmoderated[0]!
    expect(page.text).toContain(`Moderate “${escape(left.prompt)}” in ${escape(next().title)}`)
    expect(await stateOf()).toBe('in_moderation')
    expect((await t.repos.moderations.comments(assessmentId)).moderation).toBeNull()
  })

  it('returns to the borough only with a comment, within its limit, which the respondent then sees', async () => {
    const form = await assessor.agent.get(`/moderation/${assessmentId}/return`).expect(200)
    expect(form.text).toContain('name="comment"')
    // A GOV.UK character count: the limit in a hint without JavaScript, a live count with it.
    expect(form.text).toContain('data-module="govuk-character-count" data-maxlength="5000"')
    expect(form.text).toContain(
      'class="govuk-hint govuk-character-count__message">You can enter up to 5,000 characters</div>',
    )
    const missing = await post(assessor, '/return', { comment: '  ' }).expect(422)
    expect(missing.text).toContain('href="#comment"')
    expect(missing.text).toContain('Enter a comment saying what the borough needs to change')
    const long = await post(assessor, '/return', { comment: 'x'.repeat(5001) }).expect(422)
    expect(long.text).toContain('Comment must be 5,000 characters or fewer')
    expect(await stateOf()).toBe('in_moderation')
    await post(assessor, '/return', { comment: 'Please add evidence for the roadmap.' }).expect(302)
    expect(await stateOf()).toBe('returned')
    const page = await respondent.agent.get(`/assessments/${assessmentId}`).expect(200)
    expect(page.text).toContain('Please add evidence for the roadmap.')
  })

  it('completes moderation through the check page once every section is moderated', async () => {
    await submit()
    await post(assessor, '/open').expect(302)
    for (const s of await sectionsNow()) await saveSection(assessor, s.key, { action: 'agree' }).expect(302)
    const check = await assessor.agent.get(`/moderation/${assessmentId}/complete`).expect(200)
    expect(check.text).toContain('Are you sure you want to complete moderation of Lambeth?')
    expect(check.text).toContain('The final scores will use the moderated levels.')
    expect(check.text).toContain('You cannot undo this')
    expect(check.text).toContain(`action="/moderation/${assessmentId}/complete"`)
    expect(check.text).toContain(`<a class="govuk-link" href="/moderation/${assessmentId}">Cancel</a>`)
    expect(await stateOf()).toBe('in_moderation')
    // The comment's limit is said under the box, and a longer one is refused beside it, changing nothing.
    expect(check.text).toContain('data-module="govuk-character-count" data-maxlength="5000"')
    const long = await post(assessor, '/complete', { comment: 'x'.repeat(5001) }).expect(422)
    expect(long.text).toContain('Comment must be 5,000 characters or fewer: it has 5,001')
    expect(long.text).toContain('href="#comment"')
    expect(await stateOf()).toBe('in_moderation')
    await post(assessor, '/complete', { comment: 'Thorough.' }).expect(302)
    expect(await stateOf()).toBe('moderated')
    const page = await assessor.agent.get(`/moderation/${assessmentId}`).expect(200)
    expect(page.text).toContain('Moderation completed')
    expect(page.text).toContain('Thorough.')
    const section = await assessor.agent.get(`/moderation/${assessmentId}/sections/${first().key}`).expect(200)
    expect(section.text).not.toContain(`action="/moderation/${assessmentId}/sections/`)
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
