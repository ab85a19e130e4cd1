import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { format, resolveConfig } from 'prettier'
import type { Measured } from './load'

const ROOT = path.resolve(__dirname, '..', '..')

/** One line of the table: a scenario's figures, and beside them its ceiling, target and whether it was met. */
export interface Row extends Partial<Measured> {
  scenario: string
  organisations: number | ''
  ceiling?: string
  ratio?: number
  target?: string
  met?: boolean
  note?: string
}

/** One table of every row, references first, then the notes rows carry. */
export function table(references: Row[], rows: Row[]): string {
  const number = (n: number | undefined, digits = 0) => (n === undefined ? '' : n.toFixed(digits))
  const lines = [
    '| scenario | organisations | req/s | p50 ms | p99 ms | errors | ratio to ceiling | target | met |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |',
    ...[...references, ...rows]
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
  const notes = rows
    .filter(r => r.note)
    .map(r => `- ${r.scenario}${r.organisations === '' ? '' : ` (${r.organisations})`}: ${r.note ?? ''}`)
  return [...lines, '', ...notes].join('\n')
}

/** What the figures were measured on. */
export function machine(adminUrl: string | undefined, duration: number): string {
  const cpus = os.cpus()
  const pg = adminUrl
    ? execFileSync('psql', [adminUrl, '-Atc', 'show server_version'], { encoding: 'utf8' }).trim()
    : ''
  return [
    `- ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, ${os.type()} ${os.release()}`,
    `- Node.js ${process.version}; ${adminUrl ? 'PostgreSQL' : 'PGlite'}${pg ? ` ${pg} on the same machine` : ' (embedded, WASM)'}`,
    `- autocannon over loopback, ${duration} s per scenario (10 connections unless said), measured on ${new Date().toISOString().slice(0, 10)}`,
  ].join('\n')
}

/** Into this engine's section of docs/benchmark.md, formatted as `npm run lint` wants it. */
export async function record(engine: string, text: string): Promise<void> {
  const file = path.join(ROOT, 'docs', 'benchmark.md')
  const begin = `<!-- ${engine} begin -->`
  const end = `<!-- ${engine} end -->`
  const section = `${begin}\n\n## ${engine}\n\n${text}\n\n${end}`
  let current = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Benchmark\n\nWritten by `npm run bench` (see `scripts/bench`). Each engine keeps its own section; run the bench again to refresh it.\n'
  current = current.includes(begin)
    ? current.replace(new RegExp(`${begin}[\\s\\S]*?${end}`), () => section)
    : `${current.trimEnd()}\n\n${section}\n`
  writeFileSync(file, await format(current, { ...(await resolveConfig(file)), filepath: file }))
}
