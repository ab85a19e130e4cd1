/**
 * npm run bench: throwaway databases at 33, 1,000 and 10,000 organisations, the app started on each and
 * driven over loopback with autocannon, every figure set beside its ceiling measured in the same run.
 * PostgreSQL when DATABASE_URL is set (an admin URL: the bench creates and drops its own databases),
 * PGlite otherwise. Not part of the tests: timings belong here.
 */
import type autocannon from 'autocannon'
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startApp, stopApp as stop } from './app-process'
import { buildDataset, PASSWORD, SAVERS, type Dataset } from './dataset'
import { FORWARDED, signIn, waitForHealth } from './http'
import { load, residentMb, type Measured } from './load'

const ROOT = path.resolve(__dirname, '..', '..')
const ADMIN_URL = process.env.DATABASE_URL
const ENGINE = ADMIN_URL ? 'PostgreSQL' : 'PGlite'
const SIZES = (process.env.BENCH_SIZES ?? '33,1000,10000').split(',').map(Number)
const DURATION = Number(process.env.BENCH_SECONDS ?? 10)
const SOAK = Number(process.env.BENCH_SOAK_SECONDS ?? 60)
const API_CONNECTIONS = 4

interface Row extends Partial<Measured> {
  scenario: string
  organisations: number | ''
  ceiling?: string
  ratio?: number
  target?: string
  met?: boolean
  note?: string
}
const ceilings: Row[] = []
const rows: Row[] = []
const log = (message: string) => process.stderr.write(`${message}\n`)

/** A bare Express app in its own process answering every request with `bytes` bytes (a short greeting by default). */
async function bareExpress(bytes?: number): Promise<Measured> {
  const port = 3901
  const body = bytes === undefined ? `'Hello world'` : `'x'.repeat(${bytes})`
  const script = `const b = ${body}; require('express')().get('/', (q, s) => s.send(b)).listen(${port}, '127.0.0.1', () => console.log('listening'))`
  const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  // Measured only once this process listens: anything else on the port would be measured in its place.
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => resolve())
    child.once('exit', code =>
      reject(new Error(`the bare Express on port ${port} exited (${String(code)}): is the port taken?`)),
    )
  })
  try {
    // Warmed up as the app's scenarios are, so the ceiling is not lowered by code still compiling.
    await load({ url: `http://127.0.0.1:${port}/`, duration: 2 })
    return await load({ url: `http://127.0.0.1:${port}/`, duration: DURATION })
  } finally {
    await stop(child)
  }
}

function pgbench(): { tps: number } | undefined {
  if (!ADMIN_URL) return undefined
  try {
    execFileSync('pgbench', ['--version'], { stdio: 'ignore' })
  } catch {
    return undefined
  }
  const url = new URL(ADMIN_URL)
  url.pathname = `/bench_pgbench_${process.pid}`
  const psql = (sql: string) => execFileSync('psql', [ADMIN_URL, '-qc', sql], { stdio: 'ignore' })
  psql(`create database bench_pgbench_${process.pid}`)
  try {
    execFileSync('pgbench', ['-i', '-q', url.toString()], { stdio: 'ignore' })
    const out = execFileSync(
      'pgbench',
      ['-N', '-n', '-c', String(SAVERS), '-j', '2', '-T', String(DURATION), url.toString()],
      {
        encoding: 'utf8',
      },
    )
    const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? 0)
    return { tps }
  } finally {
    psql(`drop database if exists bench_pgbench_${process.pid} with (force)`)
  }
}

/**
 * 20 respondents saving their own assessments' answers at once. autocannon clears a connection's context
 * before every request, so the revision each answer is at lives here: requests take (respondent,
 * question) slots in turn, skipping any whose last save has not been answered, and each save moves its
 * answer's level on, so every one is a real change.
 */
async function saves(base: string, dataset: Dataset): Promise<Measured> {
  const sessions = await Promise.all(dataset.respondents.map(email => signIn(base, email, PASSWORD)))
  const assessments: number[] = await Promise.all(
    sessions.map(async s => {
      const response = await fetch(`${base}/api/v1/assessments?round=${dataset.savesRoundId}`, {
        headers: { ...FORWARDED, cookie: s.cookie },
      })
      const [mine] = (await response.json()) as { id: number }[]
      if (!mine) throw new Error('a bench respondent has no assessment in the saves round')
      return mine.id
    }),
  )
  const keys = dataset.saveKeys
  const revisions = new Map<number, number>()
  const visits = new Map<number, number>()
  // A slot whose last save is still on its way is passed over: its revision is not known yet.
  const inFlight = new Set<number>()
  // So is one whose save was cut off when the warm-up ended, for good.
  const retired = new Set<number>()
  const slots = SAVERS * keys.length
  let next = 0
  const run = (duration: number) =>
    load({
      url: base,
      connections: SAVERS,
      duration,
      requests: [
        {
          method: 'PUT',
          setupRequest: (request: autocannon.Request, context: object) => {
            let slot = next++ % slots
            while (inFlight.has(slot) || retired.has(slot)) slot = next++ % slots
            inFlight.add(slot)
            const visit = (visits.get(slot) ?? 0) + 1
            visits.set(slot, visit)
            Object.assign(context, { slot })
            const who = slot % SAVERS
            const key = keys[Math.floor(slot / SAVERS)] ?? ''
            const session = sessions[who]
            return {
              ...request,
              path: `/api/v1/assessments/${assessments[who] ?? 0}/answers/${key}`,
              headers: {
                ...FORWARDED,
                'content-type': 'application/json',
                cookie: session?.cookie ?? '',
                'x-csrf-token': session?.csrf ?? '',
              },
              // Each visit to a slot moves its level on by one, so every save changes the answer: a save of
              // what is already there writes nothing, and would flatter the figure.
              body: JSON.stringify({ level: 1 + (visit % 5), revision: revisions.get(slot) ?? 0 }),
            }
          },
          onResponse: (status: number, body: string, context: object) => {
            const { slot } = context as { slot: number }
            inFlight.delete(slot)
            const answer = JSON.parse(body) as { revision?: number; current?: { revision: number } }
            // A 409 counts as an error, and tells the next save of this slot where the answer is now.
            const revision = status === 200 ? answer.revision : answer.current?.revision
            if (revision !== undefined) revisions.set(slot, revision)
          },
        },
      ],
    })
  // Warmed up as the page is: the code compiled, each connection's statement prepared, each answer's
  // first save (which takes the locked path) made.
  await run(3)
  for (const slot of inFlight) retired.add(slot)
  inFlight.clear()
  return run(DURATION)
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
    const pid = app.pid ?? 0
    if (size === 33) {
      const analyst = await signIn(base, dataset.analyst, PASSWORD)
      const page = {
        url: `${base}/rounds/${dataset.roundId}/heatmap`,
        headers: { ...FORWARDED, cookie: analyst.cookie },
      }
      const bytes = Buffer.byteLength(await (await fetch(page.url, { headers: page.headers })).text())
      // Each ceiling is measured next to the scenario set beside it: this machine's speed drifts by tens
      // of percent over minutes, and a ratio of two figures taken far apart measures the drift.
      log('Hello world, the framework ceiling...')
      const hello = await bareExpress()
      ceilings.push({ scenario: 'Bare Express hello world (ceiling)', organisations: '', ...hello })
      await load({ ...page, duration: 5 })
      const warm = residentMb(pid)
      const heatmap = await load({ ...page, duration: DURATION })
      // What sending a page this size costs by itself, so the rest of the page's cost can be told apart.
      const sameSize = await bareExpress(bytes)
      rows.push({
        scenario: 'Heatmap page, signed in as an analyst',
        organisations: size,
        ...heatmap,
        ceiling: 'hello world',
        ratio: heatmap.rps / hello.rps,
        target: '≥ 0.25 of hello world',
        met: heatmap.rps / hello.rps >= 0.25 && heatmap.errors === 0,
      })
      rows.push({
        scenario: `Bare Express sending ${(bytes / 1024).toFixed(0)} KB from memory (reference)`,
        organisations: '',
        ...sameSize,
        ceiling: 'hello world',
        ratio: sameSize.rps / hello.rps,
        note: `the heatmap page is ${(heatmap.rps / sameSize.rps).toFixed(2)} of this rate: the rest is the signed-in user's session, form token, security headers and layout`,
      })
      const saved = await saves(base, dataset)
      // Just after, not before: pgbench leaves a hundred thousand rows' worth of WAL and dead tuples for
      // PostgreSQL to clean up, which the saves would otherwise pay for.
      log('pgbench -N, the storage ceiling...')
      const storage = pgbench()
      if (storage)
        ceilings.push({ scenario: `pgbench -N, ${SAVERS} clients (ceiling)`, organisations: '', rps: storage.tps })
      rows.push({
        scenario: `Answer saves, ${SAVERS} connections`,
        organisations: size,
        ...saved,
        ceiling: storage ? 'pgbench -N' : undefined,
        ratio: storage ? saved.rps / storage.tps : undefined,
        target: storage ? '≥ 1/3 of pgbench, p99 < 50 ms, no errors' : 'p99 < 50 ms, no errors',
        met: (storage ? saved.rps / storage.tps >= 1 / 3 : true) && saved.p99 < 50 && saved.errors === 0,
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
    } else {
      const headers = { ...FORWARDED, authorization: `Bearer ${dataset.token}` }
      for (const [name, route] of [
        ['Heatmap API', 'heatmap'],
        ['Clusters API', 'clusters'],
      ] as const) {
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
    }
  } finally {
    await stop(app)
    await dataset.drop()
  }
}

function table(): string {
  const number = (n: number | undefined, digits = 0) => (n === undefined ? '' : n.toFixed(digits))
  const lines = [
    '| scenario | organisations | req/s | p50 ms | p99 ms | errors | ratio to ceiling | target | met |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |',
    ...[...ceilings, ...rows]
      .map(r =>
        [
          r.scenario,
          r.organisations,
          number(r.rps, 0),
          number(r.p50, 1),
          number(r.p99, 1),
          number(r.errors),
          r.ratio === undefined ? '' : `${r.ratio.toFixed(2)} of ${r.ceiling ?? ''}`,
          r.target ?? '',
          r.met === undefined ? '' : r.met ? 'yes' : '**no**',
        ].join(' | '),
      )
      .map(line => `| ${line} |`),
  ]
  const notes = rows.filter(r => r.note).map(r => `- ${r.scenario} (${r.organisations}): ${r.note ?? ''}`)
  return [...lines, '', ...notes].join('\n')
}

function machine(): string {
  const cpus = os.cpus()
  const pg = ADMIN_URL
    ? execFileSync('psql', [ADMIN_URL, '-Atc', 'show server_version'], { encoding: 'utf8' }).trim()
    : ''
  return [
    `- ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, ${os.type()} ${os.release()}`,
    `- Node.js ${process.version}; ${ENGINE}${pg ? ` ${pg} on the same machine` : ' (embedded, WASM)'}`,
    `- autocannon over loopback, ${DURATION} s per scenario (10 connections unless said), measured on ${new Date().toISOString().slice(0, 10)}`,
  ].join('\n')
}

function record(text: string): void {
  const file = path.join(ROOT, 'docs', 'benchmark.md')
  const begin = `<!-- ${ENGINE} begin -->`
  const end = `<!-- ${ENGINE} end -->`
  const section = `${begin}\n\n## ${ENGINE}\n\n${text}\n\n${end}`
  let current = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Benchmark\n\nWritten by `npm run bench` (see `scripts/bench`). Each engine keeps its own section; run the bench again to refresh it.\n'
  current = current.includes(begin)
    ? current.replace(new RegExp(`${begin}[\\s\\S]*?${end}`), section)
    : `${current.trimEnd()}\n\n${section}\n`
  writeFileSync(file, current)
}

async function main(): Promise<void> {
  log('Building the app...')
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' })
  for (const size of SIZES) await scenarioSet(size)
  const text = `${machine()}\n\n${table()}`
  process.stdout.write(`\n${text}\n`)
  record(text)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
