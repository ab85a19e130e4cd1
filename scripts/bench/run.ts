/**
 * npm run bench: throwaway databases at 33, 1,000 and 10,000 organisations, the app started on each and
 * driven over loopback with autocannon, every figure set beside its ceiling measured in the same run.
 * PostgreSQL when DATABASE_URL is set (an admin URL: the bench creates and drops its own databases),
 * PGlite otherwise. Not part of the tests: timings belong here.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { startApp, stopApp as stop } from './app-process'
import { bareExpress, bareSave, pgbench } from './ceilings'
import { buildDataset, PASSWORD, SAVERS, type Dataset } from './dataset'
import { FORWARDED, signIn, waitForHealth } from './http'
import { load, residentMb } from './load'
import { machine, record, table, type Row } from './report'
import { appSaveTarget, saveDriver } from './saves'

const ROOT = path.resolve(__dirname, '..', '..')
const ADMIN_URL = process.env.DATABASE_URL
const ENGINE = ADMIN_URL ? 'PostgreSQL' : 'PGlite'
const SIZES = (process.env.BENCH_SIZES ?? '33,1000,10000').split(',').map(Number)
const DURATION = Number(process.env.BENCH_SECONDS ?? 10)
const SOAK = Number(process.env.BENCH_SOAK_SECONDS ?? 60)
const API_CONNECTIONS = 4

/** Figures that move with the machine, kept beside the ceilings for comparison with earlier runs. */
const references: Row[] = []
const rows: Row[] = []
const log = (message: string) => process.stderr.write(`${message}\n`)
const fixed = (n: number, digits = 2) => n.toFixed(digits)

/**
 * London's 33: the heatmap page and the answer saves, each beside a ceiling doing the same work without
 * the app (the page's bytes sent by bare Express; the save's statement run by bare Express and pg), then
 * the two at once in an open round, then the page for a while to see what memory does.
 */
async function londonScenarios(base: string, pid: number, dataset: Dataset, size: number): Promise<void> {
  const analyst = await signIn(base, dataset.analyst, PASSWORD)
  const pageOf = (roundId: number) => ({
    url: `${base}/rounds/${roundId}/heatmap`,
    headers: { ...FORWARDED, cookie: analyst.cookie },
  })
  const page = pageOf(dataset.roundId)
  const bytes = Buffer.byteLength(await (await fetch(page.url, { headers: page.headers })).text())
  // Each ceiling is measured next to the scenario beside it: this machine's speed drifts by tens of
  // percent over minutes, and a ratio of two figures taken far apart measures the drift.
  log('Hello world, the framework reference...')
  const hello = await bareExpress(DURATION)
  references.push({ scenario: 'Bare Express hello world (reference)', organisations: '', ...hello })
  await load({ ...page, duration: 5 })
  const warm = residentMb(pid)
  const heatmap = await load({ ...page, duration: DURATION })
  // What sending a page this size costs by itself: the rest of the page's time is the app's own.
  log('Bare Express sending the page, its ceiling...')
  const bare = await bareExpress(DURATION, bytes)
  rows.push({
    scenario: `Bare Express sending ${(bytes / 1024).toFixed(0)} KB from memory (ceiling)`,
    organisations: '',
    ...bare,
    ceiling: 'hello world',
    ratio: bare.rps / hello.rps,
  })
  rows.push({
    scenario: 'Heatmap page, signed in as an analyst',
    organisations: size,
    ...heatmap,
    ceiling: 'the bare page',
    ratio: heatmap.rps / bare.rps,
    target: '≥ 0.35 of the bare page',
    met: heatmap.rps / bare.rps >= 0.35 && heatmap.errors === 0,
    note: `${fixed(heatmap.rps / hello.rps)} of hello world; the rest beyond the bare page is the signed-in user's session, form token, security headers, access log and layout`,
  })

  log('Answer saves...')
  const target = await appSaveTarget(base, dataset)
  const save = saveDriver(dataset.saveKeys)
  // Warmed up as the page is: the code compiled, each connection's statement prepared, each answer's
  // first save (which takes the locked path) made.
  await save(target, 3)
  const saved = await save(target, DURATION)
  log('Bare Express and pg running the save statement, its ceiling...')
  const bareSaved = await bareSave(dataset, save, target.assessments, DURATION)

  // Just after, not before: pgbench leaves a hundred thousand rows' worth of WAL and dead tuples for
  // PostgreSQL to clean up, which the saves (the app's and the bare handler's) would otherwise pay for.
  log('pgbench -N, the storage reference...')
  const storage = pgbench(ADMIN_URL, DURATION)
  if (storage)
    references.push({ scenario: `pgbench -N, ${SAVERS} clients (reference)`, organisations: '', rps: storage.tps })
  if (bareSaved)
    rows.push({
      scenario: `Bare Express + pg running the save's statement, ${SAVERS} connections (ceiling)`,
      organisations: '',
      ...bareSaved,
      ceiling: storage ? 'pgbench -N' : undefined,
      ratio: storage ? bareSaved.rps / storage.tps : undefined,
    })
  const saveShare = bareSaved ? saved.rps / bareSaved.rps : undefined
  rows.push({
    scenario: `Answer saves, ${SAVERS} connections`,
    organisations: size,
    ...saved,
    ceiling: bareSaved ? 'the bare save' : undefined,
    ratio: saveShare,
    target: bareSaved ? '≥ 0.5 of the bare save, p99 < 50 ms, no errors' : 'p99 < 50 ms, no errors',
    met: (saveShare === undefined || saveShare >= 0.5) && saved.p99 < 50 && saved.errors === 0,
    note: storage ? `${fixed(saved.rps / storage.tps)} of pgbench -N` : undefined,
  })
  log(`  soaking the heatmap page for ${SOAK} s...`)
  const soak = await load({ ...page, duration: SOAK })
  const after = residentMb(pid)
  rows.push({
    scenario: `Memory: heatmap page for ${SOAK} s`,
    organisations: size,
    ...soak,
    target: '≤ 50 MB growth after warm-up',
    met: after - warm <= 50,
    note: `${warm} MB after warm-up, ${after} MB after (${after - warm >= 0 ? '+' : ''}${after - warm} MB)`,
  })

  // An analyst reading the round the savers are saving in: every save makes its kept results stale. After
  // the soak, so what it keeps while it runs is not counted as the page's growth.
  log(`The open round's heatmap page while the respondents save...`)
  const openPage = pageOf(dataset.savesRoundId)
  await Promise.all([load({ ...openPage, duration: 3 }), save(target, 3)])
  const [mixedPage, mixedSaves] = await Promise.all([load({ ...openPage, duration: DURATION }), save(target, DURATION)])
  rows.push({
    scenario: `Mixed: the open round's heatmap page, while ${SAVERS} respondents save in it`,
    organisations: size,
    ...mixedPage,
    target: 'p99 < 100 ms, no errors',
    met: mixedPage.p99 < 100 && mixedPage.errors === 0,
    note: `${fixed(mixedPage.rps / heatmap.rps)} of the page's rate alone (a page of ${dataset.respondents.length} drafts and the rest handed in)`,
  })
  rows.push({
    scenario: `Mixed: answer saves, ${SAVERS} connections, beside the page`,
    organisations: size,
    ...mixedSaves,
    note: `${fixed(mixedSaves.rps / saved.rps)} of the saves' rate alone`,
  })
}

const API_ROUTES = [
  ['Heatmap API', 'heatmap'],
  ['Clusters API', 'clusters'],
] as const

/** The heatmap and clusters API as a few analysts use them at once, then the first request after a save. */
async function apiScenarios(base: string, dataset: Dataset, size: number): Promise<void> {
  const headers = { ...FORWARDED, authorization: `Bearer ${dataset.token}` }
  for (const [name, route] of API_ROUTES) {
    const url = `${base}/api/v1/rounds/${dataset.roundId}/${route}`
    const first = Date.now()
    const response = await fetch(url, { headers })
    if (!response.ok) throw new Error(`${route} answered ${response.status}: ${await response.text()}`)
    const cold = Date.now() - first
    // A handful of analysts at once: the latency target is what one of them waits, not a queue of ten.
    const measured = await load({ url, headers, duration: DURATION, connections: API_CONNECTIONS })
    const target = size >= 10_000 ? 'p50 < 300 ms' : undefined
    rows.push({
      scenario: `${name}, ${API_CONNECTIONS} connections`,
      organisations: size,
      ...measured,
      target,
      met: target ? measured.p50 < 300 && measured.errors === 0 : undefined,
      note: `first request ${cold} ms (computes and caches the round)`,
    })
  }
  await firstAfterSave(base, dataset, size, headers)
  await firstAfterModeration(base, dataset, size, headers)
}

/** Times the first request to each route after each change `change` makes, and records the p50. */
async function firstAfter(
  what: string,
  change: () => Promise<void>,
  base: string,
  dataset: Dataset,
  size: number,
  headers: Record<string, string>,
): Promise<void> {
  // At 10,000 a request after a change takes seconds on a shared machine: once each keeps the run short.
  const repeats = size >= 10_000 ? 1 : 7
  for (const [name, route] of API_ROUTES) {
    const times: number[] = []
    let errors = 0
    for (let i = 0; i < repeats; i++) {
      await change()
      const started = performance.now()
      const response = await fetch(`${base}/api/v1/rounds/${dataset.roundId}/${route}`, { headers })
      await response.arrayBuffer()
      times.push(performance.now() - started)
      if (!response.ok) errors++
    }
    const p50 = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0
    const target = size === 1_000 ? 'p50 < 300 ms' : undefined
    rows.push({
      scenario: `${name}, first request after ${what}`,
      organisations: size,
      p50,
      errors,
      requests: repeats,
      target,
      met: target ? p50 < 300 && errors === 0 : undefined,
      note: `${repeats} ${repeats === 1 ? 'change' : 'changes'}, each followed by one request: ${times.map(t => t.toFixed(0)).join(', ')} ms`,
    })
  }
}

/**
 * What an analyst waits for when an assessor has just changed a moderated level of a handed-in
 * assessment: the round's scores, orderings and clusters are all worked out again.
 */
async function firstAfterModeration(base: string, dataset: Dataset, size: number, headers: Record<string, string>) {
  const moderation = dataset.moderation
  if (!moderation) return
  const asAssessor = { ...FORWARDED, authorization: `Bearer ${moderation.token}`, 'content-type': 'application/json' }
  const key = dataset.saveKeys[1] ?? dataset.saveKeys[0] ?? ''
  let revision = 0
  let level = 1
  const moderateOne = async () => {
    level = 1 + (level % 5)
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await fetch(`${base}/api/v1/assessments/${moderation.assessmentId}/moderation/${key}`, {
        method: 'PUT',
        headers: asAssessor,
        body: JSON.stringify({ level, rationale: 'Bench: the evidence supports this level', revision }),
      })
      const body = (await response.json()) as { revision?: number; current?: { revision: number } }
      revision = body.revision ?? body.current?.revision ?? revision
      if (response.ok) return
    }
    throw new Error('the bench assessor could not moderate')
  }
  await firstAfter('a moderation', moderateOne, base, dataset, size, headers)
}

/**
 * What an analyst waits for when a borough has just saved a draft: each time, the draft's respondent
 * saves an answer (the round's copy must read that assessment again) and the very next request to the
 * route is timed. Each route after its own save, so neither is helped by the other having reloaded.
 */
async function firstAfterSave(base: string, dataset: Dataset, size: number, headers: Record<string, string>) {
  if (!dataset.draftRespondent) return
  const respondent = await signIn(base, dataset.draftRespondent, PASSWORD)
  const asRespondent = { ...FORWARDED, cookie: respondent.cookie }
  const [mine] = (await (
    await fetch(`${base}/api/v1/assessments?round=${dataset.roundId}`, { headers: asRespondent })
  ).json()) as { id: number }[]
  if (!mine) throw new Error('the bench draft has no assessment in the main round')
  const key = dataset.saveKeys[0] ?? ''
  let revision = 1
  let level = 1
  const saveOne = async () => {
    level = 1 + (level % 5)
    // A 409 says where the answer is; the second try then goes through.
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await fetch(`${base}/api/v1/assessments/${mine.id}/answers/${key}`, {
        method: 'PUT',
        headers: { ...asRespondent, 'content-type': 'application/json', 'x-csrf-token': respondent.csrf },
        body: JSON.stringify({ level, revision }),
      })
      const body = (await response.json()) as { revision?: number; current?: { revision: number } }
      revision = body.revision ?? body.current?.revision ?? revision
      if (response.ok) return
    }
    throw new Error('the bench draft could not save an answer')
  }
  await firstAfter('a save', saveOne, base, dataset, size, headers)
}

async function scenarioSet(size: number): Promise<void> {
  log(`\nBuilding ${size} organisations on ${ENGINE}...`)
  const started = Date.now()
  const dataset = await buildDataset(size, ADMIN_URL)
  log(`  built in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  const port = 3902
  const base = `http://127.0.0.1:${port}`
  const app = startApp(dataset.env, port)
  try {
    await waitForHealth(base)
    if (size === 33) await londonScenarios(base, app.pid ?? 0, dataset, size)
    else await apiScenarios(base, dataset, size)
  } finally {
    await stop(app)
    await dataset.drop()
  }
}

async function main(): Promise<void> {
  log('Building the app...')
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' })
  for (const size of SIZES) await scenarioSet(size)
  const text = `${machine(ADMIN_URL, DURATION)}\n\n${table(references, rows)}`
  process.stdout.write(`\n${text}\n`)
  await record(ENGINE, text)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
