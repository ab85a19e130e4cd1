import { submitProblems } from '../../../src/domain/assessment/progress'
import { questionName } from '../../../src/domain/questionnaire/answer-messages'
import { allQuestions } from '../../../src/domain/questionnaire/definition'
import { fieldId } from '../../../src/presenters/assessments/answer.presenter'
import { assessmentOf, createRound } from '../../support/rounds'
import { createTestApp, csrfFrom, signIn, type Agent, type TestApp } from '../../support/test-app'

let t: TestApp
let roundId: number
let assessmentId: number
let officer: { agent: Agent; csrf: string }

beforeAll(async () => {
  t = await createTestApp()
  roundId = await createRound(t, { name: '2026 assessment', organisations: ['hackney', 'camden'] })
  assessmentId = await assessmentOf(t, roundId, 'hackney')
})
beforeEach(async () => {
  officer = await signIn(t.app, (await t.createUser('respondent', { organisation: 'hackney' })).email)
})
afterAll(() => t.close())

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;')

/** The error summary's markup alone. */
const errorSummary = (html: string): string => /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? ''

const themeUrl = (key: string) => `/assessments/${assessmentId}/themes/${key}`

async function definition() {
  return (await t.services.questionnaires.get('london-digital-maturity', 2)).definition
}

describe('the task list', () => {
  it('shows every dimension and theme with its status and the overall progress', async () => {
    const page = await officer.agent.get(`/assessments/${assessmentId}`).expect(200)
    const def = await definition()
    for (const d of def.dimensions) expect(page.text).toContain(d.title)
    expect(page.text).toContain('Not started')
    expect(page.text).toMatch(/You have completed 0 of \d+ themes/)
  })

  it('lists the assessment for its respondents', async () => {
    const list = await officer.agent.get('/assessments').expect(200)
    expect(list.text).toContain('2026 assessment')
    expect(list.text).not.toContain('Camden')
  })
})

describe('a theme page', () => {
  it('shows each level’s name with its descriptor, N/A where allowed, and evidence', async () => {
    const def = await definition()
    const theme = def.dimensions[4]!.themes[0]!
    const page = await officer.agent.get(themeUrl(theme.key)).expect(200)
    const first = theme.questions[0]!
    if (first.type !== 'maturity') throw new Error('expected a maturity question')
    expect(page.text).toContain(escapeHtml(first.prompt))
    expect(page.text).toContain(escapeHtml(first.levels['3']))
    expect(page.text).toContain('Not applicable to our council')
    expect(page.text).toContain('Save and continue')
    expect(page.text).toContain('Save and come back later')
  })

  it('saves answers, moves to the next theme and counts the progress; every change is audited', async () => {
    const def = await definition()
    const theme = def.dimensions[0]!.themes[0]!
    const form: Record<string, string> = { _csrf: officer.csrf, action: 'continue' }
    for (const q of theme.questions) if (q.type === 'maturity') form[`answers[${q.key}][choice]`] = 'level:3'
    for (const q of theme.questions) form[`answers[${q.key}][revision]`] = '0'
    const response = await officer.agent.post(themeUrl(theme.key)).type('form').send(form)
    expect(response.status).toBe(302)
    const themes = def.dimensions.flatMap(d => d.themes)
    expect(response.headers.location).toBe(themeUrl(themes[1]!.key))

    const answers = await t.repos.assessments.answers(assessmentId)
    expect(answers.filter(a => a.level === 3).length).toBe(theme.questions.filter(q => q.type === 'maturity').length)
    expect((await t.repos.assessments.findById(assessmentId))?.state).toBe('in_progress')
    const history = await t.repos.audit.forEntity('assessment', assessmentId)
    const saved = history.filter(e => e.action === 'answer.saved')
    expect(saved.length).toBeGreaterThan(0)
    expect(saved[0]!.before).toMatchObject({ questionKey: expect.any(String) })
    expect(saved[0]!.after).toMatchObject({ level: 3, revision: 1 })
    expect(history.map(e => e.action)).toContain('assessment.started')

    const taskList = await officer.agent.get(`/assessments/${assessmentId}`)
    expect(taskList.text).toMatch(/You have completed 1 of \d+ themes/)
  })

  it('refuses a level off the scale with an error summary, and saves nothing from that page', async () => {
    const def = await definition()
    const theme = def.dimensions[1]!.themes[0]!
    const [q1, q2] = theme.questions
    const before = await t.repos.assessments.answers(assessmentId)
    const response = await officer.agent
      .post(themeUrl(theme.key))
      .type('form')
      .send({
        _csrf: officer.csrf,
        [`answers[${q1!.key}][choice]`]: 'level:9',
        [`answers[${q2!.key}][choice]`]: 'level:2',
      })
    expect(response.status).toBe(400)
    expect(response.text).toContain('There is a problem')
    const message = `Select a maturity level for ${questionName(q1!)}`
    expect(response.text).toContain(`<a href="#${fieldId(q1!.key)}">${message}</a>`)
    expect(response.text).toContain(`<span class="govuk-visually-hidden">Error:</span> ${message}`)
    expect(await t.repos.assessments.answers(assessmentId)).toEqual(before)
  })

  it('“Save and come back later” returns to the task list with a message', async () => {
    const def = await definition()
    const theme = def.dimensions[1]!.themes[0]!
    const q = theme.questions[0]!
    const response = await officer.agent
      .post(themeUrl(theme.key))
      .type('form')
      .send({
        _csrf: officer.csrf,
        action: 'later',
        [`answers[${q.key}][choice]`]: 'level:2',
        [`answers[${q.key}][revision]`]: '0',
        [`answers[${q.key}][base]`]: '',
      })
    expect(response.headers.location).toBe(`/assessments/${assessmentId}`)
    const page = await officer.agent.get(`/assessments/${assessmentId}`)
    expect(page.text).toContain('Your answers have been saved')
  })

  it('keeps answers across signing out and back in', async () => {
    await officer.agent.post('/logout').type('form').send({ _csrf: officer.csrf })
    const again = await signIn(t.app, (await t.createUser('respondent', { organisation: 'hackney' })).email)
    const def = await definition()
    const theme = def.dimensions[0]!.themes[0]!
    const page = await again.agent.get(themeUrl(theme.key))
    expect(page.text).toMatch(/value="level:3" checked/)
  })
})

describe('other organisations', () => {
  it('cannot see or change another organisation’s assessment, on any page or endpoint', async () => {
    const camden = await signIn(t.app, (await t.createUser('respondent', { organisation: 'camden' })).email)
    const def = await definition()
    const q = allQuestions(def)[0]!.question
    for (const path of [
      `/assessments/${assessmentId}`,
      themeUrl(q.key.split('.').slice(0, 2).join('.')),
      `/assessments/${assessmentId}/check`,
      `/assessments/${assessmentId}/history`,
      `/api/v1/assessments/${assessmentId}`,
    ]) {
      await camden.agent.get(path).expect(404)
    }
    const before = await t.repos.assessments.answers(assessmentId)
    await camden.agent
      .put(`/api/v1/assessments/${assessmentId}/answers/${q.key}`)
      .set('X-CSRF-Token', camden.csrf)
      .send({ level: 1, revision: 0 })
      .expect(404)
    await camden.agent
      .post(`/assessments/${assessmentId}/submit`)
      .type('form')
      .send({ _csrf: camden.csrf, declaration: 'agreed' })
      .expect(404)
    expect(await t.repos.assessments.answers(assessmentId)).toEqual(before)
    const list = await camden.agent.get(`/api/v1/assessments?round=${roundId}`).expect(200)
    expect(list.body.map((a: { organisation: { name: string } }) => a.organisation.name)).toEqual(['Camden'])
  })
})

describe('check answers and submit', () => {
  it('lists the missing answers with links, then submits once everything is answered', async () => {
    const page = await officer.agent.get(`/assessments/${assessmentId}/check`).expect(200)
    const withoutDeclaration = await officer.agent
      .post(`/assessments/${assessmentId}/submit`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text) })
    // The declaration and the missing answers are said at once: one link per theme, not one per question.
    expect(withoutDeclaration.status).toBe(422)
    const def = await definition()
    const answers = new Map((await t.repos.assessments.answers(assessmentId)).map(a => [a.questionKey, a]))
    const problems = submitProblems(def, answers)
    const themes = [...new Set(problems.map(p => p.themeKey))]
    expect(problems.length).toBeGreaterThan(themes.length)
    const summary = errorSummary(withoutDeclaration.text)
    expect(summary).toContain(`<p>You have not answered ${problems.length} questions.</p>`)
    for (const key of themes) {
      const theme = def.dimensions.flatMap(d => d.themes).find(th => th.key === key)!
      const inTheme = problems.filter(p => p.themeKey === key)
      const needs = `${inTheme.length} question${inTheme.length === 1 ? '' : 's'} not answered`
      expect(summary).toContain(
        `<a href="/assessments/${assessmentId}/themes/${key}#${fieldId(inTheme[0]!.questionKey)}">${escapeHtml(theme.title)}: ${needs}</a>`,
      )
    }
    expect(summary).toContain('<a href="#declaration">Confirm the declaration to submit the assessment</a>')
    expect(summary.match(/<li>/g)).toHaveLength(themes.length + 1)

    const missing = await officer.agent
      .post(`/assessments/${assessmentId}/submit`)
      .type('form')
      .send({ _csrf: officer.csrf, declaration: 'agreed' })
    expect(missing.status).toBe(422)
    expect(errorSummary(missing.text).match(/<li>/g)).toHaveLength(themes.length)
    expect(missing.text).not.toContain('Confirm the declaration')

    // Answer everything through the API, as the autosave script would.
    for (const { question } of allQuestions(def)) {
      if (!question.required) continue
      const current = (await t.repos.assessments.answers(assessmentId)).find(a => a.questionKey === question.key)
      if (current && (current.level !== null || current.value !== null)) continue
      const body =
        question.type === 'maturity'
          ? { level: 2 }
          : question.type === 'choice' || question.type === 'multi'
            ? { value: question.type === 'multi' ? [question.options[0]!.value] : question.options[0]!.value }
            : question.type === 'number'
              ? { value: question.min ?? 1 }
              : { value: 'Some text' }
      const evidence = question.evidence === 'required' ? { evidence: 'Policy document, March 2026' } : {}
      await officer.agent
        .put(`/api/v1/assessments/${assessmentId}/answers/${question.key}`)
        .set('X-CSRF-Token', officer.csrf)
        .send({ ...body, ...evidence, revision: current?.revision ?? 0 })
        .expect(200)
    }
    const submitted = await officer.agent
      .post(`/assessments/${assessmentId}/submit`)
      .type('form')
      .send({ _csrf: officer.csrf, declaration: 'agreed' })
    expect(submitted.status).toBe(302)
    expect(submitted.headers.location).toBe(`/assessments/${assessmentId}/submitted`)
    expect((await officer.agent.get(submitted.headers.location ?? '')).text).toContain('Assessment submitted')
    expect((await t.repos.assessments.findById(assessmentId))?.state).toBe('submitted')
  })

  it('leaves a submitted assessment readable but not editable', async () => {
    const def = await definition()
    const q = allQuestions(def)[0]!
    const page = await officer.agent.get(themeUrl(q.theme.key)).expect(200)
    expect(page.text).toContain('This assessment has been submitted')
    expect(page.text).not.toContain('Save and continue')
    const answer = (await t.repos.assessments.answers(assessmentId)).find(a => a.questionKey === q.question.key)
    const put = await officer.agent
      .put(`/api/v1/assessments/${assessmentId}/answers/${q.question.key}`)
      .set('X-CSRF-Token', officer.csrf)
      .send({ level: 5, revision: answer?.revision ?? 0 })
    expect(put.status).toBe(403)
    expect(put.body.message).toContain('has been submitted')
    const post = await officer.agent
      .post(themeUrl(q.theme.key))
      .type('form')
      .send({ _csrf: officer.csrf, [`answers[${q.question.key}][choice]`]: 'level:5' })
    expect(post.status).toBe(403)
  })

  it('shows every change on the history page, with who and when', async () => {
    const page = await officer.agent.get(`/assessments/${assessmentId}/history`).expect(200)
    expect(page.text).toContain('History of changes')
    expect(page.text).toContain('Submitted the assessment')
    expect(page.text).toContain('3. Defined')
    // Times come from the service's clock (the test clock), in London time.
    expect(page.text).toContain('27 Nov 2026 at 10am')
    expect(page.text).toMatch(/Test respondent \d+/)
  })
})
