/**
 * PostgreSQL restarted under the app while respondents are saving. This stops and starts the shared
 * cluster on this machine, which also ends every other connection to it, so the outage is kept short
 * (about three seconds) and the cluster is always started again, whatever happens to the test.
 */
import { buildDataset, type Dataset } from '../../scripts/bench/dataset'
import { FORWARDED } from '../../scripts/bench/http'
import { AppProcess, explained, sleep } from './support/app'
import { ADMIN_URL, startPostgres, stopPostgres } from './support/postgres'
import { respondents, saveUntil, SaveLog, type Respondent } from './support/savers'
import { checkTrail } from './support/trail'

const SAVERS = 10
const OUTAGE_MS = 3000
/** The bound on every response, outage or not: an unavailable database must not mean a hung request. */
const ANSWER_WITHIN_MS = 5000

let dataset: Dataset
let app: AppProcess
let people: Respondent[]

beforeAll(async () => {
  await startPostgres()
  dataset = await buildDataset(33, ADMIN_URL)
  app = await AppProcess.start(dataset.env)
  people = await respondents(app.base, dataset, SAVERS)
}, 180_000)

afterAll(async () => {
  await startPostgres()
  await app.stop()
  await dataset.drop()
}, 60_000)

async function timedGet(path: string, accept: string, cookie: string) {
  const started = performance.now()
  const response = await fetch(`${app.base}${path}`, {
    headers: { ...FORWARDED, accept, cookie },
    signal: AbortSignal.timeout(20_000),
  })
  const text = await response.text()
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    text,
    ms: performance.now() - started,
  }
}

test('a PostgreSQL restart during saves: quick 503s, recovery without restarting the app, nothing acknowledged lost', async () => {
  const [someone] = people
  if (!someone) throw new Error('no respondents')
  const pid = app.pid
  const log = new SaveLog()
  let stopped = false
  const savers = people.map(p =>
    saveUntil(
      p,
      dataset.saveKeys,
      () => app.base,
      log,
      () => stopped,
    ),
  )
  let page: Awaited<ReturnType<typeof timedGet>> | undefined
  let api: Awaited<ReturnType<typeof timedGet>> | undefined
  let down = 0
  let up = 0
  let back = 0
  try {
    await sleep(2000)
    try {
      await stopPostgres()
      down = performance.now()
      await sleep(OUTAGE_MS / 2)
      page = await timedGet('/', 'text/html', someone.session.cookie)
      api = await timedGet(`/api/v1/assessments/${someone.assessmentId}`, 'application/json', someone.session.cookie)
      await sleep(OUTAGE_MS / 2)
    } finally {
      up = performance.now()
      await startPostgres()
      back = performance.now()
    }
    // Saves resume on their own: the same process, its pool reconnecting.
    await sleep(3000)
  } finally {
    stopped = true
    await Promise.all(savers)
  }
  process.stderr.write(
    `database restart: outcomes ${JSON.stringify(log.outcomes())}, slowest ${Math.round(log.slowest())} ms; ` +
      `PostgreSQL down ${Math.round(up - down)} ms, accepting again ${Math.round(back - up)} ms after the start began\n`,
  )

  await explained([app], async () => {
    expect({ pid: app.pid, running: app.running }).toEqual({ pid, running: true })

    // While it is down a person is told the service is unavailable, at once, as a page or as JSON.
    expect(page).toMatchObject({ status: 503, retryAfter: '5' })
    expect(page.text).toContain('Sorry, the service is unavailable')
    expect(page.text).toContain('cannot reach its database')
    expect(page.ms).toBeLessThan(ANSWER_WITHIN_MS)
    expect(api).toMatchObject({ status: 503, retryAfter: '5' })
    expect(JSON.parse(api.text)).toEqual({
      error: 'unavailable',
      message: 'The service cannot reach its database at the moment. Try again in a minute.',
    })
    expect(api.ms).toBeLessThan(ANSWER_WITHIN_MS)

    // Every save was answered within the bound: saved, unavailable, or a conflict with an earlier save
    // that was kept although its answer was lost. None hung, none failed with a 500.
    expect(Object.keys(log.outcomes()).filter(o => !['200', '409', '503'].includes(o))).toEqual([])
    expect(log.slowest()).toBeLessThan(ANSWER_WITHIN_MS)
    const whileDown = log.attempts.filter(a => a.startedAt >= down && a.startedAt + a.ms <= up)
    expect(whileDown.length).toBeGreaterThan(SAVERS)
    expect(whileDown.filter(a => a.outcome !== 503)).toEqual([])

    // Afterwards every respondent's saves go through again, with no restart of the app.
    const after = log.acknowledged.filter(a => a.at > back)
    expect(new Set(after.map(a => a.assessmentId)).size).toBe(SAVERS)

    const ids = people.map(p => p.assessmentId)
    const trail = await checkTrail(dataset.env.DATABASE_URL ?? '', ids, log.acknowledged)
    expect(trail.problems).toEqual([])
    expect(trail.answerEvents).toBeGreaterThanOrEqual(log.acknowledged.length)
    process.stderr.write(
      `database restart: ${log.acknowledged.length} acknowledged saves found, ${trail.answerEvents} audit events, ${log.count(409)} 409s after a lost answer\n`,
    )
  })
}, 120_000)
