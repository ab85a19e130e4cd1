import { allQuestions } from '../../../src/domain/questionnaire/definition'
import { assessmentOf, createRound } from '../../support/rounds'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

let t: TestApp
let assessmentId: number
let a: { agent: Agent; csrf: string }
let b: { agent: Agent; csrf: string }

beforeAll(async () => {
  t = await createTestApp()
  const roundId = await createRound(t, { organisations: ['islington'] })
  assessmentId = await assessmentOf(t, roundId, 'islington')
})
beforeEach(async () => {
  a = await signIn(t.app, (await t.createUser('respondent', { organisation: 'islington' })).email)
  b = await signIn(t.app, (await t.createUser('respondent', { organisation: 'islington' })).email)
})
afterAll(() => t.close())

const put = (who: { agent: Agent; csrf: string }, key: string, body: Record<string, unknown>) =>
  who.agent.put(`/api/v1/assessments/${assessmentId}/answers/${key}`).set('X-CSRF-Token', who.csrf).send(body)

async function questions() {
  return allQuestions((await t.services.questionnaires.get('london-digital-maturity', 2)).definition)
}

describe('PUT /api/v1/assessments/:id/answers/:questionKey', () => {
  it('saves a first answer at revision 0 and returns the new revision and time', async () => {
    const [q] = await questions()
    const response = await put(a, q!.question.key, {
      level: 3,
      evidence: 'Board minutes, May 2026',
      revision: 0,
    }).expect(200)
    expect(response.body).toEqual({ revision: 1, savedAt: '2026-11-27T10:00:00.000Z' })
    const view = await a.agent.get(`/api/v1/assessments/${assessmentId}`).expect(200)
    expect(view.body.answers).toContainEqual(
      expect.objectContaining({
        questionKey: q!.question.key,
        level: 3,
        evidence: 'Board minutes, May 2026',
        notApplicable: false,
        revision: 1,
        updatedBy: expect.stringMatching(/^Test respondent/),
      }),
    )
  })

  it('answers a stale revision with 409 and what is there now, changing nothing', async () => {
    const [q] = await questions()
    const response = await put(b, q!.question.key, { level: 1, revision: 0 }).expect(409)
    expect(response.body).toMatchObject({
      error: 'conflict',
      current: { questionKey: q!.question.key, level: 3, revision: 1 },
    })
    expect((await t.repos.assessments.answers(assessmentId)).find(x => x.questionKey === q!.question.key)?.level).toBe(
      3,
    )
  })

  it('treats a retry of a save that already landed as done, not as a conflict', async () => {
    const [q] = await questions()
    await put(a, q!.question.key, { level: 3, evidence: 'Board minutes, May 2026', revision: 0 }).expect(200)
  })

  it.each([
    [{ level: 6, revision: 1 }, '/level', 'Select a maturity level for digital strategy'],
    [{ level: '3', revision: 1 }, '/level', 'Select a maturity level for digital strategy'],
    [{ value: 'yes', revision: 1 }, '/value', 'Digital strategy takes a maturity level from 1 to 5, not a value'],
    [{ level: 2, evidence: 'x'.repeat(5001), revision: 1 }, '/evidence', 'must be 5,000 characters or fewer'],
    [{ level: 2 }, '/revision', 'must be the whole-number revision'],
    [{ level: 2, revision: -1 }, '/revision', 'must be the whole-number revision'],
  ])('refuses %j with 422 at %s', async (body, pointer, message) => {
    const [q] = await questions()
    const response = await put(a, q!.question.key, body).expect(422)
    expect(response.body.errors).toContainEqual({ pointer, message: expect.stringContaining(message) })
    expect((await t.repos.assessments.answers(assessmentId)).find(x => x.questionKey === q!.question.key)?.level).toBe(
      3,
    )
  })

  it('checks each type: choices from the list, numbers in range, text within its limit, N/A only where allowed', async () => {
    const all = await questions()
    const number = all.find(l => l.question.type === 'number' && l.question.max !== undefined)!.question
    const text = all.find(l => l.question.type === 'text')!.question
    const choice = all.find(l => l.question.type === 'choice')!.question
    const noNa = all.find(l => l.question.type === 'maturity' && !l.question.allowNotApplicable)!.question
    expect((await put(a, number.key, { value: 101, revision: 0 }).expect(422)).body.errors[0].pointer).toBe('/value')
    expect((await put(a, number.key, { value: 'lots', revision: 0 }).expect(422)).body.errors[0].message).toContain(
      'as a number, like 12 or 3.5',
    )
    if (text.type !== 'text') throw new Error('expected text')
    expect(
      (await put(a, text.key, { value: 'x'.repeat(text.maxLength + 1), revision: 0 }).expect(422)).body.errors[0]
        .pointer,
    ).toBe('/value')
    expect((await put(a, choice.key, { value: 'perhaps', revision: 0 }).expect(422)).body.errors[0].message).toContain(
      'Select an answer for',
    )
    expect((await put(a, noNa.key, { notApplicable: true, revision: 0 }).expect(422)).body.errors[0].pointer).toBe(
      '/notApplicable',
    )
    await put(a, number.key, { value: 42, revision: 0 }).expect(200)
  })

  it('answers 404 for a question that is not in the questionnaire, and 422 for a body that is not an object', async () => {
    await put(a, 'data.nowhere', { level: 1, revision: 0 }).expect(404)
    const response = await a.agent
      .put(`/api/v1/assessments/${assessmentId}/answers/x`)
      .set('X-CSRF-Token', a.csrf)
      .set('Content-Type', 'application/json')
      .send('[1]')
    expect(response.status).toBe(422)
  })

  it('is for respondents only', async () => {
    const analyst = await signIn(t.app, (await t.createUser('analyst')).email)
    const [q] = await questions()
    await analyst.agent
      .put(`/api/v1/assessments/${assessmentId}/answers/${q!.question.key}`)
      .set('X-CSRF-Token', analyst.csrf)
      .send({ level: 1, revision: 1 })
      .expect(403)
  })
})

describe('two officers at once', () => {
  it('never lose an update: of many simultaneous first saves of one answer, exactly one wins', async () => {
    const q = (await questions())[5]!.question
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        put(i % 2 ? a : b, q.key, { level: (i % 5) + 1, evidence: `version ${i}`, revision: 0 }),
      ),
    )
    const statuses = responses.map(r => r.status).sort()
    expect(statuses.filter(s => s === 200)).toHaveLength(1)
    expect(statuses.filter(s => s === 409)).toHaveLength(7)
    const winner = responses.find(r => r.status === 200)!
    const stored = (await t.repos.assessments.answers(assessmentId)).find(x => x.questionKey === q.key)!
    expect(stored.revision).toBe(winner.body.revision)
    const audit = (await t.repos.audit.forEntity('assessment', assessmentId)).filter(
      e => (e.after as { questionKey?: string }).questionKey === q.key,
    )
    expect(audit).toHaveLength(1)
  })

  it('on different answers never disturb each other', async () => {
    const all = (await questions()).filter(l => l.question.type === 'maturity').slice(10, 20)
    const responses = await Promise.all(
      all.map((l, i) => put(i % 2 ? a : b, l.question.key, { level: 4, revision: 0 })),
    )
    expect(responses.map(r => r.status)).toEqual(all.map(() => 200))
    const stored = await t.repos.assessments.answers(assessmentId)
    for (const l of all) expect(stored.find(x => x.questionKey === l.question.key)?.level).toBe(4)
  })

  it('on one theme page: a change by one is not undone by the other saving the same page', async () => {
    const assessmentId = await assessmentOf(t, await createRound(t, { organisations: ['islington'] }), 'islington')
    const theme = (await t.services.questionnaires.get('london-digital-maturity', 2)).definition.dimensions[2]!
      .themes[0]!
    const [q1, q2] = theme.questions
    const url = `/assessments/${assessmentId}/themes/${theme.key}`
    const pageA = await a.agent.get(url)
    const pageB = await b.agent.get(url)
    const fieldsOf = (html: string, key: string) => ({
      [`answers[${key}][revision]`]:
        /name="answers\[[^\]]+\]\[revision\]" value="(\d+)"/.exec(
          html.slice(html.indexOf(`answers[${key}][revision]`) - 40),
        )?.[1] ?? '0',
      [`answers[${key}][base]`]:
        new RegExp(`name="answers\\[${key.replace(/\./g, '\\.')}\\]\\[base\\]" value="([^"]*)"`).exec(html)?.[1] ?? '',
    })
    // B answers the first question; A, on a page loaded before that, answers only the second.
    await b.agent
      .post(url)
      .type('form')
      .send({
        _csrf: b.csrf,
        ...fieldsOf(pageB.text, q1!.key),
        ...fieldsOf(pageB.text, q2!.key),
        [`answers[${q1!.key}][choice]`]: 'level:2',
      })
      .expect(302)
    const response = await a.agent
      .post(url)
      .type('form')
      .send({
        _csrf: a.csrf,
        ...fieldsOf(pageA.text, q1!.key),
        ...fieldsOf(pageA.text, q2!.key),
        [`answers[${q2!.key}][choice]`]: 'level:5',
      })
    expect(response.status).toBe(302)
    const stored = await t.repos.assessments.answers(assessmentId)
    expect(stored.find(x => x.questionKey === q1!.key)?.level).toBe(2)
    expect(stored.find(x => x.questionKey === q2!.key)?.level).toBe(5)
  })

  it('on the same answer: the second sees both versions and chooses, and nothing is overwritten until they do', async () => {
    const assessmentId = await assessmentOf(t, await createRound(t, { organisations: ['islington'] }), 'islington')
    const put = (who: { agent: Agent; csrf: string }, key: string, body: Record<string, unknown>) =>
      who.agent.put(`/api/v1/assessments/${assessmentId}/answers/${key}`).set('X-CSRF-Token', who.csrf).send(body)
    const theme = (await t.services.questionnaires.get('london-digital-maturity', 2)).definition.dimensions[2]!
      .themes[1]!
    const q = theme.questions[0]!
    const url = `/assessments/${assessmentId}/themes/${theme.key}`
    const pageA = await a.agent.get(url)
    const base =
      new RegExp(`name="answers\\[${q.key.replace(/\./g, '\\.')}\\]\\[base\\]" value="([^"]*)"`).exec(
        pageA.text,
      )?.[1] ?? ''
    await put(b, q.key, { level: 2, revision: 0 }).expect(200)
    const conflict = await a.agent
      .post(url)
      .type('form')
      .send({
        _csrf: a.csrf,
        [`answers[${q.key}][choice]`]: 'level:4',
        [`answers[${q.key}][revision]`]: '0',
        [`answers[${q.key}][base]`]: base,
      })
    expect(conflict.status).toBe(409)
    expect(conflict.text).toContain('Someone else changed this answer while you were editing')
    expect(conflict.text).toMatch(/Test respondent \d+ saved <strong>2\. [^<]+<\/strong>/)
    expect(conflict.text).toMatch(/value="level:4" checked/)
    expect((await t.repos.assessments.answers(assessmentId)).find(x => x.questionKey === q.key)?.level).toBe(2)

    // A keeps their own answer, now based on the revision they were shown.
    const revision = /name="answers\[[^\]]+\]\[revision\]" value="(\d+)"/.exec(
      conflict.text.slice(conflict.text.indexOf(`answers[${q.key}][revision]`) - 40),
    )?.[1]
    const newBase =
      new RegExp(`name="answers\\[${q.key.replace(/\./g, '\\.')}\\]\\[base\\]" value="([^"]*)"`).exec(
        conflict.text,
      )?.[1] ?? ''
    await a.agent
      .post(url)
      .type('form')
      .send({
        _csrf: a.csrf,
        [`answers[${q.key}][choice]`]: 'level:4',
        [`answers[${q.key}][revision]`]: revision,
        [`answers[${q.key}][base]`]: newBase,
        [`answers[${q.key}][resolve]`]: 'mine',
      })
      .expect(302)
    expect((await t.repos.assessments.answers(assessmentId)).find(x => x.questionKey === q.key)?.level).toBe(4)
  })
})
