import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DirectoryLockedError, lockDirectory } from '../../src/db/directory-lock'
import { openDatabase } from '../../src/db/database'

const ROOT = path.resolve(__dirname, '..', '..')
let dir: string

beforeEach(() => {
  dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ldm-lock-')), 'pglite')
})

describe('the embedded database lock', () => {
  it('lets one opener in and refuses a second with a clear message until the first lets go', () => {
    const lock = lockDirectory(dir)
    expect(() => lockDirectory(dir)).toThrow(DirectoryLockedError)
    expect(() => lockDirectory(dir)).toThrow(/already open in another process \(pid \d+/)
    lock.release()
    lockDirectory(dir).release()
  })

  it('takes over a lock left by a process that has died', () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString()
    fs.mkdirSync(path.dirname(dir), { recursive: true })
    fs.writeFileSync(
      `${dir}.lock`,
      JSON.stringify({ pid: Number(dead), hostname: os.hostname(), startedAt: 'earlier' }),
    )
    const lock = lockDirectory(dir)
    expect(JSON.parse(fs.readFileSync(`${dir}.lock`, 'utf8')).pid).toBe(process.pid)
    lock.release()
    expect(fs.existsSync(`${dir}.lock`)).toBe(false)
  })

  // The lock guards the embedded engine, so this opens PGlite whichever engine the rest of the suite uses.
  it('makes a command-line tool refuse while the database is open elsewhere, and changes nothing', async () => {
    const database = await openDatabase({ pgliteDir: dir })
    try {
      const cli = spawnSync(
        process.execPath,
        [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/migrate.ts'],
        {
          cwd: ROOT,
          env: { ...process.env, PGLITE_DIR: dir, DATABASE_URL: '', NODE_OPTIONS: '' },
          encoding: 'utf8',
          timeout: 60_000,
        },
      )
      expect(cli.status).toBe(1)
      expect(cli.stderr).toContain(
        `The embedded database in ${dir} is already open in another process (pid ${process.pid}`,
      )
      // The tool touched nothing: the database the first opener holds has no tables yet.
      const tables = await database.knex.raw(`select count(*)::int as n from pg_tables where schemaname = 'public'`)
      expect(tables.rows[0].n).toBe(0)
    } finally {
      await database.close()
    }
    expect(fs.existsSync(`${dir}.lock`)).toBe(false)
  })
})
