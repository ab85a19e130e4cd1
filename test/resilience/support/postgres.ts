import { execFile } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** An admin URL the suite may create and drop throwaway databases from. */
export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

const server = new URL(ADMIN_URL)
const HOST = server.hostname || '127.0.0.1'
const PORT = server.port || '5432'
const CLUSTERS = '/etc/postgresql'

/** The local Debian cluster serving ADMIN_URL; the restart test needs to stop and start it. */
function cluster(): string {
  const versions = existsSync(CLUSTERS) ? readdirSync(CLUSTERS) : []
  if (versions.length !== 1 || !versions[0]) {
    throw new Error(`expected one PostgreSQL cluster under ${CLUSTERS}, found ${versions.length}`)
  }
  return versions[0]
}

export async function isPostgresReady(): Promise<boolean> {
  try {
    await run('pg_isready', ['-h', HOST, '-p', PORT, '-q'])
    return true
  } catch {
    return false
  }
}

/**
 * Stops the whole cluster (fast mode: open sessions are ended, as in a failover or a restart for an
 * upgrade). Asynchronous, so the saves this process is driving keep running meanwhile.
 */
export async function stopPostgres(): Promise<void> {
  await run('pg_ctlcluster', ['--skip-systemctl-redirect', cluster(), 'main', 'stop', '-m', 'fast'], {
    timeout: 60_000,
  })
}

/** Starts the cluster unless it already answers, then waits until it accepts connections. */
export async function startPostgres(): Promise<void> {
  if (!(await isPostgresReady())) {
    await run('pg_ctlcluster', ['--skip-systemctl-redirect', cluster(), 'main', 'start'], { timeout: 60_000 })
  }
  for (let i = 0; i < 120; i++) {
    if (await isPostgresReady()) return
    await new Promise(resolve => setTimeout(resolve, 250))
  }
  throw new Error('PostgreSQL did not come back within 30 s')
}
