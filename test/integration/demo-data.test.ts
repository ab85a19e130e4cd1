import { createTestApp, signIn, type TestApp } from '../support/test-app'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp({ DEMO_DATA: '1' })
})
afterAll(() => t.close())

describe('demo mode', () => {
  it('seeds an empty database with an admin, an analyst, an assessor and one respondent per authority', async () => {
    const made = await t.services.seed.seedDemoAccounts('demo-password')
    expect(made).toHaveLength(36)
    const users = await t.repos.users.list()
    expect(users.filter(u => u.role === 'respondent')).toHaveLength(33)
    expect(users.map(u => u.email)).toEqual(
      expect.arrayContaining([
        'admin@demo.local',
        'analyst@demo.local',
        'assessor@demo.local',
        'hackney@demo.local',
        'city-of-london@demo.local',
      ]),
    )
    const { agent } = await signIn(t.app, 'hackney@demo.local', 'demo-password')
    expect((await agent.get('/')).text).toContain('London Borough of Hackney')
  })

  it('does nothing the second time', async () => {
    expect(await t.services.seed.seedDemoAccounts('demo-password')).toEqual([])
    expect((await t.repos.users.list()).length).toBe(36)
  })

  it('shows a demo banner on every page, including the sign-in page', async () => {
    const { agent } = await signIn(t.app, 'analyst@demo.local', 'demo-password')
    for (const path of ['/', '/organisations', '/accessibility', '/no-such-page']) {
      expect((await agent.get(path)).text).toContain('Everything here is synthetic')
    }
  })
})

describe('demo assessments', () => {
  it('hold a closed 2025 round every authority submitted and an open 2026 round part-way through', async () => {
    expect(await t.services.seed.seedDemoAssessments()).toBe(true)
    const rounds = await t.services.rounds.list()
    expect(rounds.map(r => [r.name, r.questionnaireVersion, r.status])).toEqual([
      ['2026 assessment', 2, 'open'],
      ['2025 assessment', 1, 'closed'],
    ])
    const lastYear = await t.repos.assessments.list({ roundId: rounds[1]!.id })
    expect(lastYear).toHaveLength(33)
    expect(new Set(lastYear.map(a => a.state))).toEqual(new Set(['submitted']))
    const thisYear = await t.repos.assessments.list({ roundId: rounds[0]!.id })
    const states = thisYear.map(a => a.state)
    expect(states.filter(s => s === 'submitted').length).toBeGreaterThan(0)
    expect(states.filter(s => s === 'in_progress').length).toBeGreaterThan(5)
    expect(states.filter(s => s === 'not_started').length).toBeGreaterThan(5)
  })

  it('let Hackney’s respondent start 2026 from 2025’s answers', async () => {
    const { agent } = await signIn(t.app, 'hackney@demo.local', 'demo-password')
    const list = await agent.get('/assessments').expect(200)
    const id = /href="\/assessments\/(\d+)">2026 assessment/.exec(list.text)?.[1]
    expect(id).toBeDefined()
    const page = await agent.get(`/assessments/${id}`).expect(200)
    expect(page.text).toContain('Start from 2025 assessment’s answers')
  })

  it('are the same every time, and are not made twice', async () => {
    expect(await t.services.seed.seedDemoAssessments()).toBe(false)
    const other = await createTestApp({ DEMO_DATA: '1' })
    try {
      await other.services.seed.seedDemoAccounts('demo-password')
      await other.services.seed.seedDemoAssessments()
      const levels = async (app: TestApp) =>
        (
          await app.db
            .knex('answers')
            .join('assessments', 'assessments.id', 'answers.assessment_id')
            .select('assessments.organisation_id', 'answers.question_key', 'answers.level')
            .orderBy(['organisation_id', 'question_key'])
        ).map(r => `${r.organisation_id}:${r.question_key}:${r.level}`)
      expect(await levels(other)).toEqual(await levels(t))
    } finally {
      await other.close()
    }
  })
})

describe('a respondent’s home page', () => {
  it('leads to the open round’s assessment', async () => {
    const { agent } = await signIn(t.app, 'camden@demo.local', 'demo-password')
    const home = await agent.get('/').expect(200)
    expect(home.text).toContain('Open now')
    expect(home.text).toMatch(
      /href="\/assessments\/\d+">2026 assessment<\/a>: not started, 0 of \d+ sections completed/,
    )
  })
})

describe('every demo answer', () => {
  it('passes the same checks as an answer a person saves', async () => {
    const { checkAnswer } = await import('../../src/domain/assessment/answer')
    const { allQuestions } = await import('../../src/domain/questionnaire/definition')
    for (const round of await t.services.rounds.list()) {
      const def = (await t.services.questionnaires.get(round.questionnaireKey, round.questionnaireVersion)).definition
      const questions = new Map(allQuestions(def).map(l => [l.question.key, l.question]))
      for (const assessment of await t.repos.assessments.list({ roundId: round.id })) {
        for (const answer of await t.repos.assessments.answers(assessment.id)) {
          const question = questions.get(answer.questionKey)!
          expect([answer.questionKey, checkAnswer(question, { ...answer }).problems]).toEqual([answer.questionKey, []])
        }
      }
    }
  })
})
