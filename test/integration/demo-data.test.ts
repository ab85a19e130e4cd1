import { OVER_RATED } from '../../seeds/demo-moderations'
import { DEMO_FINANCE } from '../../seeds/demo-pipeline'
import { DEMO_PARTNERSHIPS } from '../../seeds/demo-partnerships'
import { checkEntry } from '../../src/domain/pipeline/entry'
import { checkPriorities } from '../../src/domain/pipeline/priorities'
import { DEMO_PILOT, WEAK_ON_DATA, WEAK_ON_HOUSING } from '../../seeds/demo-assessments'
import { score } from '../../src/domain/scoring'
import { loadRoundResults, moderatedLevels, type RoundResults } from '../../src/services/insights/round-results'
import { createTestApp, signIn, type TestApp } from '../support/test-app'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp({ DEMO_DATA: '1' })
})
afterAll(() => t.close())

describe('demo mode', () => {
  it('seeds an empty database with an admin, an analyst, two assessors and one respondent per authority', async () => {
    const made = await t.services.seed.seedDemoAccounts('demo-password')
    expect(made).toHaveLength(37)
    const users = await t.repos.users.list()
    expect(users.filter(u => u.role === 'respondent')).toHaveLength(33)
    expect(users.map(u => u.email)).toEqual(
      expect.arrayContaining([
        'admin@demo.local',
        'analyst@demo.local',
        'assessor@demo.local',
        'second-assessor@demo.local',
        'hackney@demo.local',
        'city-of-london@demo.local',
      ]),
    )
    const { agent } = await signIn(t.app, 'hackney@demo.local', 'demo-password')
    expect((await agent.get('/')).text).toContain('London Borough of Hackney')
  })

  it('does nothing the second time', async () => {
    expect(await t.services.seed.seedDemoAccounts('demo-password')).toEqual([])
    expect((await t.repos.users.list()).length).toBe(37)
  })

  it('shows a demo banner on every page, including the sign-in page', async () => {
    const { agent } = await signIn(t.app, 'analyst@demo.local', 'demo-password')
    for (const path of ['/', '/organisations', '/accessibility', '/no-such-page']) {
      expect((await agent.get(path)).text).toContain('Everything here is synthetic')
    }
  })
})

describe('demo assessments', () => {
  it('hold a closed 2025 round every authority submitted and assessors moderated, and an open 2026 round part-way through', async () => {
    expect(await t.services.seed.seedDemoAssessments()).toBe(true)
    const rounds = await t.services.rounds.list()
    // The pilot of version 3 opened after the 2026 round, so it lists first (test/integration/demo holds its tests).
    expect(rounds.map(r => [r.name, r.questionnaireVersion, r.status])).toEqual([
      [DEMO_PILOT.name, 3, 'open'],
      ['2026 assessment', 2, 'open'],
      ['2025 assessment', 1, 'closed'],
    ])
    const lastYear = await t.repos.assessments.list({ roundId: rounds[2]!.id })
    expect(lastYear).toHaveLength(33)
    expect(new Set(lastYear.map(a => a.state))).toEqual(new Set(['moderated']))
    const thisYear = await t.repos.assessments.list({ roundId: rounds[1]!.id })
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

  it('trend 2026 against 2025 without the cloud question, whose wording changed its meaning, and say why', async () => {
    const rounds = await t.services.rounds.list()
    const [thisYear, lastYear] = ['2026 assessment', '2025 assessment'].map(name => rounds.find(r => r.name === name))
    const { agent } = await signIn(t.app, 'analyst@demo.local', 'demo-password')
    const api = await agent.get(`/api/v1/rounds/${thisYear!.id}/trend?against=${lastYear!.id}`).expect(200)
    expect(api.body.notComparable).toEqual([
      { question: 'foundations.infrastructure.cloud', reason: expect.stringContaining('a change of question') },
    ])
    const page = (await agent.get(`/rounds/${thisYear!.id}/trend?against=${lastYear!.id}`).expect(200)).text
    expect(page).toContain('Not comparable, by an erratum')
    expect(page).toContain('keeps its key but asks something else now: Version 1 asked how far')
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
      const moderations = async (app: TestApp) =>
        (
          await app.db
            .knex('moderations')
            .join('assessments', 'assessments.id', 'moderations.assessment_id')
            .join('users', 'users.id', 'moderations.assessor_id')
            .select('assessments.organisation_id', 'question_key', 'level', 'rationale', 'users.email')
            .orderBy(['organisation_id', 'question_key'])
        ).map(r => `${r.organisation_id}:${r.question_key}:${r.level}:${r.email}:${r.rationale}`)
      expect((await moderations(t)).length).toBeGreaterThan(1000)
      expect(await moderations(other)).toEqual(await moderations(t))
    } finally {
      await other.close()
    }
  })
})

describe('the moderated 2025 round', () => {
  let results: RoundResults
  const selfLevel = (r: RoundResults['results'][number], key: string) => r.answers.get(key)?.level ?? null
  const changes = (r: RoundResults['results'][number]) =>
    [...r.moderations.values()].map(m => ({ ...m, by: m.level - (selfLevel(r, m.questionKey) ?? m.level) }))

  beforeAll(async () => {
    const round = (await t.services.rounds.list()).find(r => r.name === '2025 assessment')!
    results = await loadRoundResults(t.repos, t.services.questionnaires, round.id)
  })

  it('has a moderated level for every answered maturity question, and a rationale for every change', () => {
    const maturity = new Set(
      results.definition.dimensions.flatMap(d =>
        d.themes.flatMap(th => th.questions.filter(q => q.type === 'maturity').map(q => q.key)),
      ),
    )
    let changed = 0
    let total = 0
    for (const r of results.results) {
      const answered = [...r.answers.values()]
        .filter(a => maturity.has(a.questionKey) && !a.notApplicable && a.level !== null)
        .map(a => a.questionKey)
      expect([r.organisation.slug, [...r.moderations.keys()].sort()]).toEqual([r.organisation.slug, answered.sort()])
      for (const m of changes(r)) {
        total++
        if (m.by === 0) {
          expect(m.rationale).toBeNull()
          continue
        }
        changed++
        expect(m.rationale?.length ?? 0).toBeGreaterThan(40)
      }
    }
    // Mostly agreeing: assessors changed some levels, but far from most.
    expect(changed / total).toBeGreaterThan(0.1)
    expect(changed / total).toBeLessThan(0.35)
  })

  it('was moderated by the two demo assessors, about half each, never of their own organisation', async () => {
    const users = new Map((await t.repos.users.list()).map(u => [u.id, u]))
    const councils = new Map<string, number>()
    for (const r of results.results) {
      const assessors = new Set([...r.moderations.values()].map(m => m.assessor?.id))
      expect(assessors.size).toBe(1)
      const assessor = users.get([...assessors][0]!)!
      expect(assessor.role).toBe('assessor')
      expect(assessor.organisationId).not.toBe(r.organisation.id)
      councils.set(assessor.email, (councils.get(assessor.email) ?? 0) + 1)
    }
    expect([...councils.keys()].sort()).toEqual(['assessor@demo.local', 'second-assessor@demo.local'])
    for (const count of councils.values()) expect(count).toBeGreaterThanOrEqual(16)
  })

  it('shows the second assessor lowering levels by one far more often than the first', () => {
    // Calibration's figures per assessor, over the councils that were not over-rated.
    const tally = new Map<string, { levels: number; loweredByOne: number; adjustment: number }>()
    for (const r of results.results) {
      if (OVER_RATED.includes(r.organisation.slug)) continue
      for (const m of changes(r)) {
        const s = tally.get(m.assessor!.name) ?? { levels: 0, loweredByOne: 0, adjustment: 0 }
        s.levels++
        if (m.by === -1) s.loweredByOne++
        s.adjustment += m.by
        tally.set(m.assessor!.name, s)
      }
    }
    const first = tally.get('Demo Assessor')!
    const second = tally.get('Demo Second Assessor')!
    expect(first.loweredByOne / first.levels).toBeLessThan(0.08)
    expect(second.loweredByOne / second.levels).toBeGreaterThan(0.15)
    expect(second.loweredByOne / second.levels).toBeGreaterThan((3 * first.loweredByOne) / first.levels)
    // The mean adjustment: about level for the first, clearly downwards for the second.
    expect(Math.abs(first.adjustment / first.levels)).toBeLessThan(0.05)
    expect(second.adjustment / second.levels).toBeLessThan(-0.12)
  })

  it('finds the over-rated councils: many levels lowered, some by two, and the largest falls in overall score', () => {
    const falls = results.results.map(r => {
      const self = score(results.definition, { answers: r.answers, basis: 'self' }).overall ?? 0
      const final = score(results.definition, {
        answers: r.answers,
        moderatedLevels: moderatedLevels(r),
        basis: 'final',
      })
      return { slug: r.organisation.slug, fall: self - (final.overall ?? 0), lowered: changes(r).filter(m => m.by < 0) }
    })
    for (const f of falls.filter(x => OVER_RATED.includes(x.slug))) {
      expect(f.lowered.length).toBeGreaterThan(20)
      expect(f.lowered.some(m => m.by <= -2)).toBe(true)
      expect(f.fall).toBeGreaterThan(0.7)
    }
    const largest = [...falls].sort((a, b) => b.fall - a.fall).slice(0, OVER_RATED.length)
    expect(largest.map(f => f.slug).sort()).toEqual([...OVER_RATED].sort())
    for (const f of falls.filter(x => !OVER_RATED.includes(x.slug)))
      expect([f.slug, f.fall < 0.5]).toEqual([f.slug, true])
  })

  it('keeps the planted weaknesses on the final scores: east London on data, many councils on housing', () => {
    const threshold = results.definition.weakThreshold
    const final = new Map(
      results.results.map(r => [
        r.organisation.slug,
        score(results.definition, { answers: r.answers, moderatedLevels: moderatedLevels(r), basis: 'final' }),
      ]),
    )
    const dimension = (slug: string, key: string) => final.get(slug)!.dimensions.find(d => d.key === key)!
    for (const slug of WEAK_ON_DATA) expect([slug, dimension(slug, 'data').score! < threshold]).toEqual([slug, true])
    for (const slug of WEAK_ON_HOUSING) {
      const housing = dimension(slug, 'services').themes.find(th => th.key === 'services.housing')!
      expect([slug, housing.score! < threshold]).toEqual([slug, true])
    }
  })

  it('shows an assessor the round as moderated, with each change’s rationale and the overall comment', async () => {
    const { agent } = await signIn(t.app, 'second-assessor@demo.local', 'demo-password')
    const queue = await agent.get(`/moderation?round=${results.round.id}&state=moderated`).expect(200)
    expect(queue.text).toContain('2025 assessment: 33 assessments moderated')
    const westminster = results.results.find(r => r.organisation.slug === 'westminster')!
    const page = await agent.get(`/moderation/${westminster.assessment.id}`).expect(200)
    expect(page.text).toContain('Moderation is complete')
    expect(page.text).toMatch(/We agree with \d+ of the \d+ self-assessed levels\. We lowered \d+/)
    // Each change and its rationale is on its section's page, which the overview links to.
    const changed = changes(westminster).find(m => m.by < 0)!
    const section = `/moderation/${westminster.assessment.id}/sections/${changed.questionKey.split('.').slice(0, 2).join('.')}`
    expect(page.text).toContain(`href="${section}"`)
    const sectionPage = await agent.get(section).expect(200)
    expect(sectionPage.text).toContain(`Rationale: ${changed.rationale!}`)
    expect(sectionPage.text).toContain('by Demo Second Assessor')
    const history = await agent.get(`/assessments/${westminster.assessment.id}/history`).expect(200)
    expect(history.text).toContain('Opened for moderation')
    expect(history.text).toContain('Completed moderation')
    expect(history.text.match(/Moderated: /g)?.length).toBe(westminster.moderations.size)
  })
})

describe('a respondent’s home page', () => {
  it('leads to the open round’s assessment', async () => {
    const { agent } = await signIn(t.app, 'camden@demo.local', 'demo-password')
    const home = await agent.get('/').expect(200)
    expect(home.text).toContain('<h2 class="govuk-heading-m" id="round-')
    expect(home.text).toMatch(/>2026 assessment<\/h2>/)
    expect(home.text).toMatch(/href="\/assessments\/\d+"[^>]*>\s*Start the assessment/)
    expect(home.text).toMatch(/\d+ of \d+ themes completed/)
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

describe('the demo pipeline', () => {
  beforeAll(async () => {
    expect(await t.services.seed.seedDemoPipeline()).toBe(true)
  })

  const nameOf = async (slug: string) => (await t.repos.organisations.findBySlug(slug))!.name
  const row = (html: string, category: string) =>
    new RegExp(`<tr class="govuk-table__row" data-category="${category}">([\\s\\S]*?)</tr>`).exec(html)![1]!

  it('gives every authority plans and three priorities, labelled as demo data, each as a person could enter it', async () => {
    const entries = await t.repos.pipeline.list()
    expect(new Set(entries.map(e => e.organisationId)).size).toBe(33)
    const definition = (await t.services.questionnaires.get('london-digital-maturity', 2)).definition
    const addressable = new Map(
      definition.dimensions.flatMap(d => [
        [d.key, d.title] as const,
        ...d.themes.map(th => [th.key, th.title] as const),
      ]),
    )
    const context = { categories: await t.repos.pipeline.categories(), addressable }
    for (const e of entries) {
      expect([e.id, checkEntry({ ...e }, context).errors]).toEqual([e.id, []])
      expect(e.notes).toContain('Demo data')
    }
    const statuses = new Set(entries.map(e => e.status))
    expect(statuses).toEqual(new Set(['idea', 'planned', 'in_procurement', 'awarded', 'cancelled']))
    expect(entries.filter(e => e.shareable).length).toBeGreaterThan(5)
    expect(entries.filter(e => e.contractEnd === null && e.plannedStart === null).length).toBeGreaterThanOrEqual(3)
    const services = new Map(
      definition.dimensions.find(d => d.key === 'services')!.themes.map(th => [th.key, th.title]),
    )
    const priorities = await t.repos.pipeline.allPriorities()
    expect(new Set(priorities.map(p => p.organisationId)).size).toBe(33)
    for (const organisationId of new Set(priorities.map(p => p.organisationId))) {
      const chosen = priorities.filter(p => p.organisationId === organisationId).map(p => p.serviceArea)
      expect(chosen).toHaveLength(3)
      expect(checkPriorities(chosen, services).errors).toEqual([])
    }
    expect(await t.services.seed.seedDemoPipeline()).toBe(false)
  })

  it('shows an analyst a dozen finance systems ending within two years and the boroughs weak on data planning data platforms', async () => {
    const { agent } = await signIn(t.app, 'analyst@demo.local', 'demo-password')
    const page = await agent.get('/pipeline/opportunities').expect(200)
    expect(page.text).toContain('in 2025 assessment (the latest closed round with scores)')
    const finance = row(page.text, 'finance-erp')
    expect(finance).toContain('govuk-table__cell--numeric">12<')
    for (const slug of DEMO_FINANCE) expect(finance).toContain(await nameOf(slug))
    const data = row(page.text, 'data-platform')
    for (const slug of WEAK_ON_DATA) expect(data).toContain(await nameOf(slug))
    expect(data).toContain('6 of the 9 authorities with plans for data platform and analytics are weak on data')
    expect(row(page.text, 'housing-management')).toContain(
      '8 of the 9 authorities with plans for housing management are weak on housing allocations and lettings',
    )
    // Plans ending in the same quarters: the timeline the chart draws has several busy quarters for finance.
    const timeline = /Finance and ERP<\/th>([\s\S]*?)<\/tr>/.exec(
      page.text.slice(page.text.indexOf('id="contract-ends"')),
    )![1]!
    const counts = [...timeline.matchAll(/data-value="(\d+)"/g)].map(m => Number(m[1]))
    expect(counts.reduce((a, b) => a + b, 0)).toBe(12)
    expect(counts.filter(c => c >= 2).length).toBeGreaterThanOrEqual(2)
  })

  it('tells Hackney how many others plan a data platform, naming only those that chose to share', async () => {
    const { agent } = await signIn(t.app, 'hackney@demo.local', 'demo-password')
    const page = await agent.get('/pipeline/similar').expect(200)
    const data = row(page.text, 'data-platform')
    expect(data).toContain('data-testid="others">8<')
    expect(data).toContain('Barking and Dagenham, Kingston upon Thames and Newham')
    for (const slug of ['havering', 'redbridge', 'bexley', 'richmond-upon-thames', 'westminster'])
      expect([slug, page.text.includes(await nameOf(slug))]).toEqual([slug, false])
  })
})

describe('demo partnerships', () => {
  beforeAll(async () => {
    expect(await t.services.seed.seedDemoPartnerships()).toBe(true)
  })

  it('are seeded once, each marked as demo data, with every member a real authority', async () => {
    const partnerships = await t.repos.partnerships.list()
    expect(partnerships.map(p => [p.name, p.memberIds.length])).toEqual(
      DEMO_PARTNERSHIPS.map(p => [p.name, p.memberSlugs.length]).sort(([a], [b]) => String(a).localeCompare(String(b))),
    )
    for (const p of partnerships) expect(p.description).toContain('Demo data')
    expect(await t.services.seed.seedDemoPartnerships()).toBe(false)
    expect(await t.repos.partnerships.list()).toHaveLength(DEMO_PARTNERSHIPS.length)
  })

  it('make London fewer buyers than authorities: finance systems and data platforms each lose one', async () => {
    const analyst = (await t.repos.users.findByEmail('analyst@demo.local'))!
    const list = await t.services.opportunities.list(analyst, {})
    const counts = Object.fromEntries(
      list.opportunities.map(d => [
        d.opportunity.category.key,
        [d.opportunity.organisations.length, d.opportunity.buyers],
      ]),
    )
    expect(counts['finance-erp']).toEqual([12, 11])
    expect(counts['data-platform']).toEqual([9, 8])
    const finance = list.opportunities.find(d => d.opportunity.category.key === 'finance-erp')!
    expect(finance.partnerships.map(p => p.name)).toEqual(['Shared technology service (demo)'])
  })
})

describe('starting 2026 from the moderated 2025 round', () => {
  // Last in the file: it adds answers that the sameness check above must not see.
  it('gives Hackney’s respondent the levels the assessor agreed, not its own where they differ', async () => {
    const round = (await t.services.rounds.list()).find(r => r.name === '2025 assessment')!
    const hackney = (await loadRoundResults(t.repos, t.services.questionnaires, round.id)).results.find(
      r => r.organisation.slug === 'hackney',
    )!
    const changed = [...hackney.moderations.values()].find(m => m.level !== hackney.answers.get(m.questionKey)?.level)
    expect(changed).toBeDefined()
    const { agent, csrf } = await signIn(t.app, 'hackney@demo.local', 'demo-password')
    const id = /href="\/assessments\/(\d+)">2026 assessment/.exec((await agent.get('/assessments')).text)![1]
    await agent.post(`/assessments/${id}/carry-over`).type('form').send({ _csrf: csrf }).expect(302)
    const carried = (await t.repos.assessments.answers(Number(id))).find(a => a.questionKey === changed!.questionKey)
    expect(carried?.level).toBe(changed!.level)
  })
})
