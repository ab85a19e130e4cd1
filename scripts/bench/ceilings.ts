import { execFileSync, spawn } from 'node:child_process'
import path from 'node:path'
import { postgresConfig } from '../../src/db/database'
import { stopApp as stop } from './app-process'
import type { BareSaveConfig } from './bare-save-server'
import { SAVERS, type Dataset } from './dataset'
import { load, type Measured } from './load'
import type { SaveDriver } from './saves'

const ROOT = path.resolve(__dirname, '..', '..')

/** A process of the bench's own, once it listens: anything else on the port would be measured in its place. */
async function listening(args: string[], port: number, env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => resolve())
    child.once('exit', code =>
      reject(new Error(`the bench's process on port ${port} exited (${String(code)}): is the port taken?`)),
    )
  })
  return child
}

/** A bare Express app in its own process answering every request with `bytes` bytes (a short greeting by default). */
export async function bareExpress(duration: number, bytes?: number): Promise<Measured> {
  const port = 3901
  const body = bytes === undefined ? `'Hello world'` : `'x'.repeat(${bytes})`
  const script = `const b = ${body}; require('express')().get('/', (q, s) => s.send(b)).listen(${port}, '127.0.0.1', () => console.log('listening'))`
  const child = await listening(['-e', script], port)
  try {
    // Warmed up as the app's scenarios are, so the ceiling is not lowered by code still compiling.
    await load({ url: `http://127.0.0.1:${port}/`, duration: 2 })
    return await load({ url: `http://127.0.0.1:${port}/`, duration })
  } finally {
    await stop(child)
  }
}

/**
 * Bare Express and pg running the app's own save statement (bare-save-server.ts), driven by the same 20
 * savers over the same answers (`assessments`, in the savers' order) as the app's saves scenario, just after it.
 */
export async function bareSave(
  dataset: Dataset,
  save: SaveDriver,
  assessments: number[],
  duration: number,
): Promise<Measured | undefined> {
  const databaseUrl = dataset.env.DATABASE_URL
  if (!databaseUrl || !dataset.saveStatement) return undefined
  const port = 3903
  const config: BareSaveConfig = {
    port,
    databaseUrl,
    // The pool the app opens (openDatabase), so neither has more connections to PostgreSQL than the other.
    poolMax: postgresConfig(databaseUrl).pool?.max ?? 10,
    statement: dataset.saveStatement,
    roundId: dataset.savesRoundId,
  }
  const child = await listening(['--import', 'tsx', path.join(__dirname, 'bare-save-server.ts')], port, {
    ...process.env,
    BENCH_BARE_SAVE: JSON.stringify(config),
  })
  try {
    const target = {
      base: `http://127.0.0.1:${port}`,
      path: (who: number, key: string) => `/assessments/${assessments[who] ?? 0}/answers/${key}`,
      headers: () => ({}),
    }
    // Warmed up as the app's saves are: the statement prepared on each connection, the code compiled.
    const warm = await save(target, 3)
    if (warm.requests > 0 && warm.errors >= warm.requests)
      throw new Error('the bare save handler wrote nothing: has the save statement changed its parameters?')
    return await save(target, duration)
  } finally {
    await stop(child)
  }
}

/** pgbench -N at the savers' concurrency, in a database of its own; undefined where there is no pgbench. */
export function pgbench(adminUrl: string | undefined, duration: number): { tps: number } | undefined {
  if (!adminUrl) return undefined
  try {
    execFileSync('pgbench', ['--version'], { stdio: 'ignore' })
  } catch {
    return undefined
  }
  const url = new URL(adminUrl)
  url.pathname = `/bench_pgbench_${process.pid}`
  const psql = (sql: string) => execFileSync('psql', [adminUrl, '-qc', sql], { stdio: 'ignore' })
  psql(`create database bench_pgbench_${process.pid}`)
  try {
    execFileSync('pgbench', ['-i', '-q', url.toString()], { stdio: 'ignore' })
    const out = execFileSync(
      'pgbench',
      ['-N', '-n', '-c', String(SAVERS), '-j', '2', '-T', String(duration), url.toString()],
      { encoding: 'utf8' },
    )
    const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? 0)
    return { tps }
  } finally {
    psql(`drop database if exists bench_pgbench_${process.pid} with (force)`)
  }
}
