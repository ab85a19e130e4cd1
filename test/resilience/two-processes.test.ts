/**
 * Two app processes on one PostgreSQL database, as behind a load balancer: sessions are shared, and
 * the revision check holds across processes, so a burst of saves of one answer from one base revision,
 * split between the two, has exactly one winner.
 */
import { buildDataset, type Dataset } from '../../scripts/bench/dataset'
import { FORWARDED } from '../../scripts/bench/http'
import { AppProcess, explained } from './support/app'
import { ADMIN_URL } from './support/postgres'
import { putAnswer, respondents, type Acknowledged, type Respondent } from './support/savers'
import { checkTrail } from './support/trail'

const ROUNDS = 5
const CONTENDERS = 30

let dataset: Dataset
let a: AppProcess
let b: AppProcess
let someone: Respondent
/** Every save any test here was told was kept, for the audit check at the end. */
const acknowledged: Acknowledged[] = []

beforeAll(async () => {
  dataset = await buildDataset(33, ADMIN_URL)
  ;[a, b] = await Promise.all([AppProcess.start(dataset.env), AppProcess.start(dataset.env)])
  const [first] = await respondents(a.base, dataset, 1)
  if (!first) throw new Error('no respondent')
  someone = first
}, 180_000)

afterAll(async () => {
  await Promise.all([a.stop(), b.stop()])
  await dataset.drop()
}, 60_000)

const get = (base: string, path: string, accept = 'application/json') =>
  fetch(`${base}${path}`, { headers: { ...FORWARDED, accept, cookie: someone.session.cookie } })

test('a session made on one process works on the other', async () => {
  const api = await get(b.base, `/api/v1/assessments/${someone.assessmentId}`)
  expect(api.status).toBe(200)
  expect(((await api.json()) as { id: number }).id).toBe(someone.assessmentId)
  const page = await get(b.base, '/', 'text/html')
  expect(page.status).toBe(200)
  expect(await page.text()).toContain('Sign out')
  // The CSRF token the page on one process gave is accepted by the other.
  const key = dataset.saveKeys.at(-1) ?? ''
  const saved = await putAnswer({ base: b.base, ...someone, key, level: 3, revision: 0 })
  expect(saved.attempt.outcome).toBe(200)
  acknowledged.push({ assessmentId: someone.assessmentId, key, revision: 1, level: 3, at: 0 })
})

test('conflicting saves across both processes: one winner, a 409 for the rest, one audit event per save', async () => {
  let conflicts = 0
  const winners: string[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const key = dataset.saveKeys[round] ?? ''
    const first = await putAnswer({ base: a.base, ...someone, key, level: 1, revision: 0 })
    expect(first.attempt.outcome).toBe(200)
    acknowledged.push({ assessmentId: someone.assessmentId, key, revision: 1, level: 1, at: 0 })

    const contenders = Array.from({ length: CONTENDERS }, (_, i) => ({
      base: i % 2 === 0 ? a.base : b.base,
      ...someone,
      key,
      level: 1 + (i % 5),
      evidence: `Contender ${i} via ${i % 2 === 0 ? 'process A' : 'process B'}`,
      revision: 1,
    }))
    const responses = await Promise.all(contenders.map(c => putAnswer(c)))
    const outcomes = responses.map(r => r.attempt.outcome)
    expect(outcomes.filter(o => o !== 200 && o !== 409)).toEqual([])
    expect(outcomes.filter(o => o === 200)).toHaveLength(1)

    const index = outcomes.indexOf(200)
    const winner = contenders[index]
    if (!winner) throw new Error('no winner')
    winners.push(winner.evidence)
    acknowledged.push({ assessmentId: someone.assessmentId, key, revision: 2, level: winner.level, at: 0 })
    expect(responses[index]?.body).toMatchObject({ revision: 2 })
    // Each loser is shown the winner's answer, to choose between.
    for (const loser of responses.filter(r => r.attempt.outcome === 409)) {
      expect(loser.body).toMatchObject({
        error: 'conflict',
        current: { revision: 2, level: winner.level, evidence: winner.evidence },
      })
      conflicts++
    }
  }
  expect(conflicts).toBe(ROUNDS * (CONTENDERS - 1))

  await explained([a, b], async () => {
    // The database agrees: each answer at revision 2 holding its winner's level, with exactly the two
    // audit events for the two successful saves, and nothing for the 409s.
    const trail = await checkTrail(dataset.env.DATABASE_URL ?? '', [someone.assessmentId], acknowledged)
    expect(trail.problems).toEqual([])
    expect(trail.answerEvents).toBe(acknowledged.length)
    const stored = await get(a.base, `/api/v1/assessments/${someone.assessmentId}`)
    const answers = ((await stored.json()) as { answers: { questionKey: string; evidence?: string }[] }).answers
    expect(dataset.saveKeys.slice(0, ROUNDS).map(k => answers.find(x => x.questionKey === k)?.evidence)).toEqual(
      winners,
    )
    process.stderr.write(
      `two processes: ${ROUNDS} rounds of ${CONTENDERS} conflicting saves, ${ROUNDS} winners, ${conflicts} 409s, ${trail.answerEvents} audit events\n`,
    )
  })
}, 120_000)

test('signing out on one process ends the session on the other', async () => {
  const page = await get(a.base, '/', 'text/html')
  const html = await page.text()
  const logout = await fetch(`${b.base}/logout`, {
    method: 'POST',
    headers: { ...FORWARDED, cookie: someone.session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '' }),
    redirect: 'manual',
  })
  expect(logout.status).toBe(302)
  expect((await get(a.base, `/api/v1/assessments/${someone.assessmentId}`)).status).toBe(401)
})
