import { fillAssessment } from '../support/results'
import { assessmentOf, createRound } from '../support/rounds'
import { createTestApp, csrfFrom, signIn, type TestApp } from '../support/test-app'

// What the process keeps in memory (src/db/copies.ts), as the people it serves would notice it.
let t: TestApp
let roundId: number

beforeAll(async () => {
  t = await createTestApp()
  roundId = await createRound(t, { name: 'Copies round', organisations: ['hackney', 'camden', 'islington'] })
  for (const [slug, level] of [
    ['hackney', 2],
    ['camden', 4],
    ['islington', 3],
  ] as const) {
    await fillAssessment(t, await assessmentOf(t, roundId, slug), () => level)
  }
})
afterAll(() => t.close())

const readsOfRoundAnswers = () => {
  const seen: string[] = []
  const listener = (query: { sql?: string }) => {
    if (/from "answers"/i.test(query.sql ?? '') && /round_id/i.test(query.sql ?? '')) seen.push(query.sql ?? '')
  }
  t.db.knex.on('query', listener)
  return { count: () => seen.length, stop: () => t.db.knex.removeListener('query', listener) }
}

it('loads a changed round once for many analysts asking at the same moment', async () => {
  const analyst = await t.services.auth.currentUser((await t.createUser('analyst')).id)
  await t.services.insights.heatmap(analyst!, roundId, {})
  // Something the round is made of changes; six people then open its heatmap at the same moment.
  await t.db.knex('organisations').where({ slug: 'camden' }).update({ name: 'Camden Borough' })
  const reads = readsOfRoundAnswers()
  try {
    const views = await Promise.all(Array.from({ length: 6 }, () => t.services.insights.heatmap(analyst!, roundId, {})))
    for (const view of views) expect(view.rows.map(r => r.organisation.name)).toContain('Camden Borough')
    expect(reads.count()).toBe(1)
  } finally {
    reads.stop()
  }
})

it('shows each analyst their own name and form token around a heatmap kept for everyone', async () => {
  const first = await t.createUser('analyst')
  const second = await t.createUser('analyst')
  const a = await signIn(t.app, first.email)
  const b = await signIn(t.app, second.email)
  const seenByA = (await a.agent.get(`/rounds/${roundId}/heatmap?order=overall`).expect(200)).text
  const seenByB = (await b.agent.get(`/rounds/${roundId}/heatmap?order=overall`).expect(200)).text
  const nameOf = async (id: number) => (await t.repos.users.findById(id))!.name
  expect(seenByA).toContain(await nameOf(first.id))
  expect(seenByB).toContain(await nameOf(second.id))
  expect(seenByB).not.toContain(await nameOf(first.id))
  expect(csrfFrom(seenByB)).not.toBe(csrfFrom(seenByA))
  expect(seenByB).not.toContain(csrfFrom(seenByA))
  // And the kept part itself is the same for both.
  const tableOf = (html: string) => html.slice(html.indexOf('<table'), html.indexOf('</table>'))
  expect(tableOf(seenByB)).toBe(tableOf(seenByA))
})

describe('a change to one assessment', () => {
  let draftRound: number
  let draft: number
  let respondent: NonNullable<Awaited<ReturnType<TestApp['services']['auth']['currentUser']>>>
  let analyst: typeof respondent

  beforeAll(async () => {
    draftRound = await createRound(t, { name: 'Draft round', organisations: ['hackney', 'camden', 'islington'] })
    await fillAssessment(t, await assessmentOf(t, draftRound, 'camden'), () => 4)
    await fillAssessment(t, await assessmentOf(t, draftRound, 'islington'), () => 2)
    draft = await assessmentOf(t, draftRound, 'hackney')
    await fillAssessment(t, draft, () => 3, { state: 'in_progress' })
    respondent = (await t.services.auth.currentUser((await t.createUser('respondent')).id))!
    analyst = (await t.services.auth.currentUser((await t.createUser('analyst')).id))!
  })

  const levelOf = async (questionKey: string) => {
    const results = await t.services.exports.csv(analyst, draftRound)
    return results.body
      .toString()
      .split('\n')
      .find(line => line.includes('Hackney') && line.includes(questionKey))
  }

  it('is read again alone, and a draft’s answer shows where drafts are shown', async () => {
    const definition = (await t.services.questionnaires.get('london-digital-maturity', 2)).definition
    const question = definition.dimensions[0]!.themes[0]!.questions[0]!
    await t.services.insights.heatmap(analyst, draftRound, {})
    const before = await levelOf(question.key)
    const reads = readsOfRoundAnswers()
    const others: string[] = []
    const listener = (query: { sql?: string }) => others.push(query.sql ?? '')
    t.db.knex.on('query', listener)
    try {
      const answer = (await t.repos.assessments.answers(draft)).find(a => a.questionKey === question.key)!
      await t.services.assessments.saveAnswer(respondent, draft, question.key, { level: 5, revision: answer.revision })
      const heatmap = await t.services.insights.heatmap(analyst, draftRound, {})
      expect(heatmap.rows.find(r => r.organisation.name === 'Hackney')?.scored).toBe(false)
      // No whole-round read of answers: only the changed assessment's.
      expect(reads.count()).toBe(0)
      expect(others.some(sql => /from "answers"/i.test(sql) && /"a"\."assessment_id" in \(\$1\)/i.test(sql))).toBe(true)
    } finally {
      reads.stop()
      t.db.knex.removeListener('query', listener)
    }
    const after = await levelOf(question.key)
    expect(after).not.toBe(before)
  })

  it('that is handed in changes the heatmap at once', async () => {
    const view = async () =>
      (await t.services.insights.heatmap(analyst, draftRound, {})).rows.find(r => r.organisation.name === 'Hackney')
    expect((await view())?.scored).toBe(false)
    await t.repos.assessments.setState(draft, 'submitted', { submittedAt: t.services.clock() })
    const row = await view()
    expect(row?.scored).toBe(true)
    expect(row?.overall).not.toBeNull()
  })
})
