import { answerBody } from '../../support/answers'
import { allQuestions } from '../../../src/domain/questionnaire/definition'
import { assessmentOf, createRound } from '../../support/rounds'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

let t: TestApp
let officer: { agent: Agent; csrf: string }
let previousId: number
let currentId: number
/** Moderated last year to a level other than the borough's: one kept its key, one was split in two. */
const MODERATED = ['data.governance.data-protection', 'data.quality.data-quality']
const AGREED = 'leadership.governance.investment-governance'
const moderatedTo = new Map<string, number>()
const otherLevel = (level: number) => (level >= 3 ? level - 2 : level + 2)

// Answers every required question of an assessment through the API, the same way for each.
async function answerEverything(id: number, version: number) {
  const def = (await t.services.questionnaires.get('london-digital-maturity', version)).definition
  for (const { question } of allQuestions(def)) {
    if (!question.required) continue
    const body = answerBody(question, (question.key.length % 5) + 1)
    const evidence = question.evidence === 'required' ? { evidence: 'Evidence from 2025' } : {}
    await officer.agent
      .put(`/api/v1/assessments/${id}/answers/${question.key}`)
      .set('X-CSRF-Token', officer.csrf)
      .send({ ...body, ...evidence, revision: 0 })
      .expect(200)
  }
}

/** The level a respondent sees selected for a maturity question on a theme page. */
function checkedLevel(html: string, key: string): number | undefined {
  const name = `answers[${key}][choice]`.replace(/[[\].]/g, '\\$&')
  const match = new RegExp(`name="${name}" type="radio" value="level:(\\d)" checked`).exec(html)
  return match ? Number(match[1]) : undefined
}

beforeAll(async () => {
  t = await createTestApp()
  officer = await signIn(t.app, (await t.createUser('respondent', { organisation: 'newham' })).email)
  // Last year's round, on version 1, answered, submitted and closed.
  const previousRound = await createRound(t, {
    name: '2025 assessment',
    version: 1,
    opensOn: '2025-11-01',
    closesOn: '2026-12-31',
    organisations: ['newham'],
  })
  previousId = await assessmentOf(t, previousRound, 'newham')
  await answerEverything(previousId, 1)
  await officer.agent.post(`/api/v1/assessments/${previousId}/submit`).set('X-CSRF-Token', officer.csrf).expect(200)
  // An assessor moderates two questions to levels other than the borough's and agrees with a third.
  const assessor = await signIn(t.app, (await t.createUser('assessor')).email)
  const selfLevels = new Map((await t.repos.assessments.answers(previousId)).map(a => [a.questionKey, a.level ?? 0]))
  const moderate = (key: string, level: number, rationale?: string) =>
    assessor.agent
      .put(`/api/v1/assessments/${previousId}/moderation/${key}`)
      .set('X-CSRF-Token', assessor.csrf)
      .send({ level, rationale, revision: 0 })
      .expect(200)
  await assessor.agent
    .post(`/api/v1/assessments/${previousId}/open-moderation`)
    .set('X-CSRF-Token', assessor.csrf)
    .expect(200)
  for (const key of MODERATED) {
    moderatedTo.set(key, otherLevel(selfLevels.get(key) ?? 0))
    await moderate(key, moderatedTo.get(key)!, 'The evidence supports a different level')
  }
  await moderate(AGREED, selfLevels.get(AGREED)!)
  // Completing needs every scored question moderated: the rest agree with the borough, written in one go.
  await t.repos.moderations.insertMany(
    [...selfLevels]
      .filter(([key, level]) => level > 0 && !MODERATED.includes(key) && key !== AGREED)
      .map(([questionKey, level]) => ({
        assessmentId: previousId,
        questionKey,
        level,
        rationale: null,
        assessorId: null,
        revision: 1,
        at: new Date(),
      })),
  )
  await assessor.agent.post(`/api/v1/assessments/${previousId}/complete`).set('X-CSRF-Token', assessor.csrf).expect(200)
  await t.services.rounds.close(previousRound, (await t.createUser('admin')).id)
  const currentRound = await createRound(t, { name: '2026 assessment', version: 2, organisations: ['newham'] })
  currentId = await assessmentOf(t, currentRound, 'newham')
})
afterAll(() => t.close())

describe('starting from last year', () => {
  it('is offered on a new assessment whose version supersedes last round’s', async () => {
    const page = await officer.agent.get(`/assessments/${currentId}`).expect(200)
    expect(page.text).toContain('Start from 2025 assessment’s answers')
  })

  it('carries answers over through the keyMap, each marked to confirm or change', async () => {
    await officer.agent
      .post(`/assessments/${currentId}/carry-over`)
      .type('form')
      .send({ _csrf: officer.csrf })
      .expect(302)
    const before = new Map((await t.repos.assessments.answers(previousId)).map(a => [a.questionKey, a]))
    const after = new Map((await t.repos.assessments.answers(currentId)).map(a => [a.questionKey, a]))
    // Same key: carried as it was.
    expect(after.get('leadership.strategy.digital-strategy')?.level).toBe(
      before.get('leadership.strategy.digital-strategy')?.level,
    )
    // Split in two: both halves get last year's answer, here the level the assessor moderated it to.
    const split = moderatedTo.get('data.quality.data-quality')
    expect(split).not.toBe(before.get('data.quality.data-quality')?.level)
    expect(after.get('data.quality.quality-standards')?.level).toBe(split)
    expect(after.get('data.quality.quality-monitoring')?.level).toBe(split)
    // Moved: follows its new key.
    expect(after.get('leadership.collaboration.collaborative-procurement')?.level).toBe(
      before.get('foundations.procurement.collaborative-procurement')?.level,
    )
    // Removed and added questions: nothing carried.
    expect(after.has('foundations.infrastructure.end-user-devices')).toBe(false)
    expect(after.has('data.use.responsible-ai')).toBe(false)
    // Answered last year, but version 2's cloud question asks something else, as the shipped erratum says.
    expect(before.get('foundations.infrastructure.cloud')?.level).toBeGreaterThan(0)
    expect(after.has('foundations.infrastructure.cloud')).toBe(false)
    for (const answer of after.values()) expect(answer.carriedFrom).toBe('2025 assessment')

    // Moderated: the level London agreed travels, with the borough's own evidence as it was.
    const protection = 'data.governance.data-protection'
    expect(moderatedTo.get(protection)).not.toBe(before.get(protection)?.level)
    expect(after.get(protection)).toMatchObject({
      level: moderatedTo.get(protection),
      evidence: before.get(protection)?.evidence,
    })
    expect(after.get(protection)?.evidence).toBe('Evidence from 2025')
    // Moderated in agreement: the same level, which is also the borough's own.
    expect(after.get(AGREED)?.level).toBe(before.get(AGREED)?.level)
    const governance = await officer.agent.get(`/assessments/${currentId}/themes/data.governance`)
    expect(checkedLevel(governance.text, protection)).toBe(moderatedTo.get(protection))
    expect(checkedLevel(governance.text, 'data.governance.data-ownership')).toBe(
      before.get('data.governance.data-ownership')?.level,
    )

    const theme = await officer.agent.get(`/assessments/${currentId}/themes/data.quality`)
    expect(theme.text).toContain('From 2025 assessment: confirm or change')
    const list = await officer.agent.get(`/assessments/${currentId}`)
    expect(list.text).toMatch(/\d+ carried-over answers? to confirm/)
    expect((await officer.agent.get(`/assessments/${currentId}`)).text).not.toContain(
      'Start from 2025 assessment’s answers',
    )
  })

  it('must be confirmed before submitting; saving a theme page confirms what it shows', async () => {
    const response = await officer.agent
      .post(`/api/v1/assessments/${currentId}/submit`)
      .set('X-CSRF-Token', officer.csrf)
      .expect(422)
    expect(
      response.body.errors.some((e: { message: string }) =>
        e.message.startsWith('Confirm or change the answer carried over from 2025 assessment'),
      ),
    ).toBe(true)

    const def = (await t.services.questionnaires.get('london-digital-maturity', 2)).definition
    const answers = new Map((await t.repos.assessments.answers(currentId)).map(a => [a.questionKey, a]))
    for (const theme of def.dimensions.flatMap(d => d.themes)) {
      const page = await officer.agent.get(`/assessments/${currentId}/themes/${theme.key}`)
      const form: Record<string, string | string[]> = { _csrf: officer.csrf, action: 'continue' }
      for (const q of theme.questions) {
        const a = answers.get(q.key)
        const base =
          new RegExp(`name="answers\\[${q.key.replace(/\./g, '\\.')}\\]\\[base\\]" value="([^"]*)"`).exec(
            page.text,
          )?.[1] ?? ''
        form[`answers[${q.key}][revision]`] = String(a?.revision ?? 0)
        form[`answers[${q.key}][base]`] = base
        if (a?.evidence) form[`answers[${q.key}][evidence]`] = a.evidence
        if (q.type === 'maturity') form[`answers[${q.key}][choice]`] = a?.level ? `level:${a.level}` : 'level:3'
        else if (q.type === 'choice' && a?.value) form[`answers[${q.key}][choice]`] = `value:${String(a.value)}`
        else if (q.type === 'multi' && Array.isArray(a?.value)) form[`answers[${q.key}][value]`] = a.value
        else if ((q.type === 'number' || q.type === 'text') && a?.value !== undefined && a.value !== null)
          form[`answers[${q.key}][value]`] = String(a.value)
        if (q.evidence === 'required' && !a?.evidence) form[`answers[${q.key}][evidence]`] = 'New evidence'
      }
      const saved = await officer.agent.post(`/assessments/${currentId}/themes/${theme.key}`).type('form').send(form)
      expect(saved.status).toBe(302)
    }
    expect((await t.repos.assessments.answers(currentId)).filter(a => a.carriedFrom)).toEqual([])
    const history = await t.repos.audit.forEntity('assessment', currentId)
    expect(history.some(e => e.action === 'answer.confirmed')).toBe(true)
    await officer.agent.post(`/api/v1/assessments/${currentId}/submit`).set('X-CSRF-Token', officer.csrf).expect(200)
  })

  it('is refused once the assessment has been submitted', async () => {
    await officer.agent
      .post(`/assessments/${currentId}/carry-over`)
      .type('form')
      .send({ _csrf: officer.csrf })
      .expect(403)
  })
})

describe('a closed round', () => {
  it('can be read but not changed', async () => {
    const page = await officer.agent.get(`/assessments/${previousId}/themes/leadership.strategy`).expect(200)
    expect(page.text).toMatch(/has been submitted|has closed/)
    const put = await officer.agent
      .put(`/api/v1/assessments/${previousId}/answers/leadership.strategy.digital-strategy`)
      .set('X-CSRF-Token', officer.csrf)
      .send({ level: 1, revision: 1 })
    expect(put.status).toBe(403)
  })

  it('refuses edits after its closing date even before anyone closes it', async () => {
    const roundId = await createRound(t, {
      name: 'Short round',
      opensOn: '2026-11-01',
      closesOn: '2026-11-30',
      organisations: ['newham'],
    })
    const id = await assessmentOf(t, roundId, 'newham')
    await officer.agent
      .put(`/api/v1/assessments/${id}/answers/leadership.strategy.digital-strategy`)
      .set('X-CSRF-Token', officer.csrf)
      .send({ level: 2, revision: 0 })
      .expect(200)
    t.clock.advance(4 * 24 * 3600 * 1000)
    officer = await signIn(t.app, (await t.createUser('respondent', { organisation: 'newham' })).email)
    const late = await officer.agent
      .put(`/api/v1/assessments/${id}/answers/leadership.strategy.digital-strategy`)
      .set('X-CSRF-Token', officer.csrf)
      .send({ level: 3, revision: 1 })
    expect(late.status).toBe(403)
    expect(late.body.message).toContain('This round has closed')
  })
})
