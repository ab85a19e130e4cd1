/**
 * The network to PostgreSQL cut while respondents are saving (open connections reset, new ones
 * accepted and never answered, as in a failover that moves the database's address): requests must still
 * be answered quickly with a 503, not wait for a connection that never comes, and saving resumes by
 * itself when the network is back. A proxy in this process cuts only this app's connections.
 */
import { buildDataset, type Dataset } from '../../scripts/bench/dataset'
import { AppProcess, explained, sleep } from './support/app'
import { ADMIN_URL } from './support/postgres'
import { NetworkCut } from './support/proxy'
import { respondents, saveUntil, SaveLog, type Respondent } from './support/savers'
import { checkTrail } from './support/trail'

const SAVERS = 5
/** Longer than a connection attempt is allowed to take, so attempts time out while it lasts. */
const CUT_MS = 8000
const ANSWER_WITHIN_MS = 5000

let dataset: Dataset
let network: NetworkCut
let app: AppProcess
let people: Respondent[]

beforeAll(async () => {
  dataset = await buildDataset(33, ADMIN_URL)
  const direct = new URL(dataset.env.DATABASE_URL ?? '')
  network = await NetworkCut.between({ host: direct.hostname, port: Number(direct.port || 5432) })
  app = await AppProcess.start({ DATABASE_URL: network.url(direct.toString()) })
  people = await respondents(app.base, dataset, SAVERS)
}, 180_000)

afterAll(async () => {
  await app.stop()
  await network.close()
  await dataset.drop()
}, 60_000)

test('the database unreachable during saves: 503 within 5 s, never a hang, and saving resumes after', async () => {
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
  let cut = 0
  let restored = 0
  let health: { status: number; ms: number } | undefined
  try {
    await sleep(2000)
    network.disconnect()
    cut = performance.now()
    await sleep(CUT_MS / 2)
    const started = performance.now()
    const response = await fetch(`${app.base}/healthz`, { signal: AbortSignal.timeout(20_000) })
    health = { status: response.status, ms: performance.now() - started }
    await sleep(CUT_MS / 2)
    network.reconnect()
    restored = performance.now()
    await sleep(3000)
  } finally {
    stopped = true
    await Promise.all(savers)
  }
  process.stderr.write(
    `database unreachable: outcomes ${JSON.stringify(log.outcomes())}, slowest ${Math.round(log.slowest())} ms, ` +
      `health ${health.status} in ${Math.round(health.ms)} ms\n`,
  )

  await explained([app], async () => {
    expect(health.status).toBe(503)
    expect(health.ms).toBeLessThan(ANSWER_WITHIN_MS)
    expect(Object.keys(log.outcomes()).filter(o => !['200', '409', '503'].includes(o))).toEqual([])
    expect(log.slowest()).toBeLessThan(ANSWER_WITHIN_MS)
    const whileCut = log.attempts.filter(a => a.startedAt >= cut && a.startedAt + a.ms <= restored)
    expect(whileCut.length).toBeGreaterThan(SAVERS)
    expect(whileCut.filter(a => a.outcome !== 503)).toEqual([])

    const after = log.acknowledged.filter(a => a.at > restored)
    expect(new Set(after.map(a => a.assessmentId)).size).toBe(SAVERS)
    const trail = await checkTrail(
      dataset.env.DATABASE_URL ?? '',
      people.map(p => p.assessmentId),
      log.acknowledged,
    )
    expect(trail.problems).toEqual([])
  })
}, 120_000)
