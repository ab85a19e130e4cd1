import { answerBody } from '../../support/answers'
import { allQuestions } from '../../../src/domain/questionnaire/definition'
import { assessmentOf, createRound } from '../../support/rounds'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

// The offer of last round's answers waits for a decision: it survives answers given meanwhile, taking it
// fills only what is still unanswered, and the first decision (take or decline) is the only one.
let t: TestApp
type Respondent = { agent: Agent; csrf: string }
const respondents = new Map<string, Respondent>()
const current = new Map<string, number>()
const ORGANISATIONS = ['newham', 'hackney', 'camden', 'barnet']
const GIVEN = 'leadership.strategy.digital-strategy'
const OFFER = 'Start from 2025 assessment’s answers'

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;')

async function answerEverything(who: Respondent, id: number) {
  const def = (await t.services.questionnaires.get('london-digital-maturity', 1)).definition
  for (const { question } of allQuestions(def)) {
    if (!question.required) continue
    const evidence = question.evidence === 'required' ? { evidence: 'Evidence from 2025' } : {}
    await who.agent
      .put(`/api/v1/assessments/${id}/answers/${question.key}`)
      .set('X-CSRF-Token', who.csrf)
      .send({ ...answerBody(question, 2), ...evidence, revision: 0 })
      .expect(200)
  }
  await who.agent.post(`/api/v1/assessments/${id}/submit`).set('X-CSRF-Token', who.csrf).expect(200)
}

/** Saves one answer the way the theme page's autosave does. */
const saveOne = (slug: string, level: number) =>
  respondents
    .get(slug)!
    .agent.put(`/api/v1/assessments/${current.get(slug)}/answers/${GIVEN}`)
    .set('X-CSRF-Token', respondents.get(slug)!.csrf)
    .send({ level, revision: 0 })
    .expect(200)

const post = (who: Respondent, path: string) => who.agent.post(path).type('form').send({ _csrf: who.csrf })
const answersOf = async (slug: string) =>
  new Map((await t.repos.assessments.answers(current.get(slug)!)).map(a => [a.questionKey, a]))
const decisionEvents = async (slug: string) =>
  (await t.repos.audit.forEntity('assessment', current.get(slug)!)).filter(e =>
    ['assessment.carried-over', 'assessment.carry-over-declined'].includes(e.action),
  )

beforeAll(async () => {
  t = await createTestApp()
  const previousRound = await createRound(t, {
    name: '2025 assessment',
    version: 1,
    opensOn: '2025-11-01',
    closesOn: '2026-12-31',
    organisations: ORGANISATIONS,
  })
  for (const slug of ORGANISATIONS) {
    const who = await signIn(t.app, (await t.createUser('respondent', { organisation: slug })).email)
    respondents.set(slug, who)
    await answerEverything(who, await assessmentOf(t, previousRound, slug))
  }
  const currentRound = await createRound(t, { name: '2026 assessment', version: 2, organisations: ORGANISATIONS })
  for (const slug of ORGANISATIONS) current.set(slug, await assessmentOf(t, currentRound, slug))
})
afterAll(() => t.close())

describe('taking last round’s answers after answering some', () => {
  it('still offers them once an answer has been saved, saying answers given are kept', async () => {
    await saveOne('newham', 5)
    const page = await respondents
      .get('newham')!
      .agent.get(`/assessments/${current.get('newham')}`)
      .expect(200)
    expect(page.text).toContain(OFFER)
    expect(page.text).toContain('Start without 2025 assessment’s answers')
    // Taking posts; declining, which cannot be undone, is a link to its check page.
    expect(page.text).toContain(`action="/assessments/${current.get('newham')}/carry-over"`)
    expect(page.text).toContain(`href="/assessments/${current.get('newham')}/carry-over/decline"`)
    expect(page.text).not.toContain(`action="/assessments/${current.get('newham')}/carry-over/decline"`)
    expect(page.text).toContain('Answers your council has already given in this assessment are kept as they are')
  })

  it('keeps the answer given, carries the rest, and lists what it kept', async () => {
    const newham = respondents.get('newham')!
    const id = current.get('newham')!
    const before = (await answersOf('newham')).get(GIVEN)!
    await post(newham, `/assessments/${id}/carry-over`).expect(302).expect('Location', `/assessments/${id}`)

    const after = await answersOf('newham')
    expect(after.get(GIVEN)).toEqual(before)
    expect(after.get(GIVEN)).toMatchObject({ level: 5, revision: 1, carriedFrom: null })
    const carried = [...after.values()].filter(a => a.questionKey !== GIVEN)
    expect(carried.length).toBeGreaterThan(10)
    for (const answer of carried) expect(answer).toMatchObject({ carriedFrom: '2025 assessment', revision: 1 })

    const page = await newham.agent.get(`/assessments/${id}`)
    const def = (await t.services.questionnaires.get('london-digital-maturity', 2)).definition
    const prompt = allQuestions(def).find(l => l.question.key === GIVEN)!.question.prompt
    expect(page.text).toContain(`${carried.length} answers carried over from 2025 assessment`)
    expect(page.text).toContain('1 question you had already answered was kept as it is:')
    expect(page.text).toContain(`<li>${escapeHtml(prompt)}</li>`)
    expect(page.text).not.toContain(OFFER)

    const [event] = await decisionEvents('newham')
    expect(event).toMatchObject({
      action: 'assessment.carried-over',
      after: { from: '2025 assessment', answers: carried.length, kept: [GIVEN] },
    })
    expect((await t.repos.assessments.findById(id))?.carryOver).toBe('taken')
  })

  it('refuses a second take or a late decline, and changes nothing', async () => {
    const id = current.get('newham')!
    const colleague = await signIn(t.app, (await t.createUser('respondent', { organisation: 'newham' })).email)
    const before = await answersOf('newham')
    const again = await post(colleague, `/assessments/${id}/carry-over`).expect(409)
    expect(again.text).toContain('Someone in your council has already started from 2025 assessment’s answers')
    await post(colleague, `/assessments/${id}/carry-over/decline`).expect(409)
    expect(await answersOf('newham')).toEqual(before)
    expect(await decisionEvents('newham')).toHaveLength(1)
    expect((await t.repos.assessments.findById(id))?.carryOver).toBe('taken')
  })
})

describe('starting without last round’s answers', () => {
  it('records the choice, hides the offer and carries nothing', async () => {
    const hackney = respondents.get('hackney')!
    const id = current.get('hackney')!
    await saveOne('hackney', 3)
    // The check page says what happens and changes nothing.
    const check = (await hackney.agent.get(`/assessments/${id}/carry-over/decline`).expect(200)).text
    expect(check).toContain('This cannot be undone: 2025 assessment’s answers cannot be brought in later.')
    expect(check).toContain(`action="/assessments/${id}/carry-over/decline"`)
    expect((await t.repos.assessments.findById(id))?.carryOver).toBeNull()
    expect(await decisionEvents('hackney')).toHaveLength(0)
    await post(hackney, `/assessments/${id}/carry-over/decline`).expect(302).expect('Location', `/assessments/${id}`)
    const page = await hackney.agent.get(`/assessments/${id}`)
    expect(page.text).toContain('You are starting without 2025 assessment’s answers')
    expect(page.text).not.toContain(OFFER)
    expect([...(await answersOf('hackney')).keys()]).toEqual([GIVEN])
    const events = await decisionEvents('hackney')
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ action: 'assessment.carry-over-declined', after: { from: '2025 assessment' } })
    expect((await t.repos.assessments.findById(id))?.carryOver).toBe('declined')
  })

  it('refuses to carry afterwards, or to decline twice', async () => {
    const hackney = respondents.get('hackney')!
    const id = current.get('hackney')!
    const late = await post(hackney, `/assessments/${id}/carry-over`).expect(409)
    expect(late.text).toContain('Someone in your council has already chosen to start without 2025 assessment’s answers')
    await post(hackney, `/assessments/${id}/carry-over/decline`).expect(409)
    expect([...(await answersOf('hackney')).keys()]).toEqual([GIVEN])
    expect(await decisionEvents('hackney')).toHaveLength(1)
  })
})

describe('two people choosing at once', () => {
  it('lets the first decision stand and refuses the other', async () => {
    const id = current.get('camden')!
    const first = respondents.get('camden')!
    const second = await signIn(t.app, (await t.createUser('respondent', { organisation: 'camden' })).email)
    const statuses = await Promise.all([
      post(first, `/assessments/${id}/carry-over`),
      post(second, `/assessments/${id}/carry-over`),
      post(second, `/assessments/${id}/carry-over/decline`),
    ]).then(responses => responses.map(r => r.status))
    expect(statuses.filter(s => s === 302)).toHaveLength(1)
    expect(statuses.filter(s => s === 409)).toHaveLength(2)
    const events = await decisionEvents('camden')
    expect(events).toHaveLength(1)
    const answers = [...(await answersOf('camden')).values()]
    if (events[0]!.action === 'assessment.carried-over') {
      expect(answers.length).toBeGreaterThan(10)
      for (const answer of answers) expect(answer.revision).toBe(1)
    } else expect(answers).toEqual([])
  })

  it('never overwrites an answer saved at the same moment as the take', async () => {
    const id = current.get('barnet')!
    const barnet = respondents.get('barnet')!
    const [saved, taken] = await Promise.all([
      barnet.agent
        .put(`/api/v1/assessments/${id}/answers/${GIVEN}`)
        .set('X-CSRF-Token', barnet.csrf)
        .send({ level: 5, revision: 0 }),
      post(barnet, `/assessments/${id}/carry-over`),
    ])
    expect(taken.status).toBe(302)
    const answer = (await answersOf('barnet')).get(GIVEN)!
    // Whichever went first, a save that was accepted is what is stored; one that came second was refused
    // as stale, so the person sees the carried answer rather than losing theirs without a word.
    if (saved.status === 200) expect(answer).toMatchObject({ level: 5, carriedFrom: null })
    else {
      expect(saved.status).toBe(409)
      expect(answer).toMatchObject({ level: 2, carriedFrom: '2025 assessment' })
    }
  })
})
