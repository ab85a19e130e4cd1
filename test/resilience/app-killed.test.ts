/**
 * The app process killed outright (SIGKILL: no shutdown, no chance to finish a request) while
 * respondents are saving, and started again. PostgreSQL rolls back whatever the dead process had not
 * committed, so what was acknowledged must all be there and nothing may be half-written.
 */
import { buildDataset, type Dataset } from '../../scripts/bench/dataset'
import { AppProcess, explained, sleep } from './support/app'
import { ADMIN_URL } from './support/postgres'
import { respondents, saveUntil, SaveLog, type Respondent } from './support/savers'
import { checkTrail } from './support/trail'

const SAVERS = 10
const KILLS = 3

let dataset: Dataset
let app: AppProcess
let people: Respondent[]

beforeAll(async () => {
  dataset = await buildDataset(33, ADMIN_URL)
  app = await AppProcess.start(dataset.env)
  people = await respondents(app.base, dataset, SAVERS)
}, 180_000)

afterAll(async () => {
  await app.stop()
  await dataset.drop()
}, 60_000)

test('SIGKILL during saves, then a restart: every acknowledged save kept, no transaction half-written', async () => {
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
  const pids: number[] = []
  const kills: number[] = []
  let restarted = 0
  try {
    for (let kill = 0; kill < KILLS; kill++) {
      // A different moment in each save's life each time. A save now takes a few milliseconds, so the
      // kill waits for a moment when most savers have one on its way.
      await sleep(1500 + Math.random() * 1000)
      for (let waited = 0; log.inFlight < SAVERS / 2 && waited < 2000; waited++) await sleep(1)
      pids.push(app.pid)
      kills.push(performance.now())
      await app.stop('SIGKILL')
      await app.start()
      restarted = performance.now()
    }
    await sleep(2000)
  } finally {
    stopped = true
    await Promise.all(savers)
  }
  // Saves the process was working on when it died: sent before the kill, cut off by it.
  const interrupted = kills.map(
    at =>
      log.attempts.filter(a => a.outcome === 'network error' && a.startedAt < at && a.startedAt + a.ms >= at).length,
  )
  process.stderr.write(
    `app killed: outcomes ${JSON.stringify(log.outcomes())}, saves in flight at each kill ${JSON.stringify(interrupted)}\n`,
  )

  await explained([app], async () => {
    expect(new Set([...pids, app.pid]).size).toBe(KILLS + 1)
    // Saves in flight when the process died, and those made while it was gone, had no answer: nothing
    // else went wrong. A 409 is a save kept by the dead process before it could say so.
    expect(Object.keys(log.outcomes()).filter(o => !['200', '409', 'network error'].includes(o))).toEqual([])
    // The kills cut saves off: some were on their way and got no answer. (One kill may catch every saver
    // between answer and next request, as the server answers in a few milliseconds.)
    expect(interrupted.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(0)

    // Sessions live in the database: every respondent carries on saving, still signed in, after the last restart.
    const after = log.acknowledged.filter(a => a.at > restarted)
    expect(new Set(after.map(a => a.assessmentId)).size).toBe(SAVERS)

    const ids = people.map(p => p.assessmentId)
    const trail = await checkTrail(dataset.env.DATABASE_URL ?? '', ids, log.acknowledged)
    expect(trail.problems).toEqual([])
    expect(trail.answerEvents).toBeGreaterThanOrEqual(log.acknowledged.length)
    process.stderr.write(
      `app killed: ${log.acknowledged.length} acknowledged saves found, ${trail.answerEvents} audit events for ${trail.answers} answers, ${log.count(409)} 409s after a lost answer\n`,
    )
  })
}, 180_000)
