import type { Server } from 'node:http'
import { createApp } from './app'
import { bootstrap } from './bootstrap'
import { ConfigError, loadConfig, type Config } from './config'
import { DirectoryLockedError } from './db/directory-lock'
import { createLogger } from './middleware/logging'
import type { DemoAccount } from '../seeds/demo-accounts'

const SESSION_PRUNE_MS = 15 * 60_000
const SHUTDOWN_GRACE_MS = 10_000

function printWelcome(config: Config, url: string, accounts: DemoAccount[]): void {
  const lines = [
    '',
    `London Digital Maturity is running at ${url}`,
    config.databaseUrl ? 'Database: PostgreSQL (DATABASE_URL)' : `Database: embedded PGlite in ${config.pgliteDir}`,
  ]
  if (config.demoData) {
    lines.push(
      '',
      'DEMO DATA: every account and figure here is synthetic.',
      `Sign in with any of these, password "${config.demoPassword}":`,
      '  admin@demo.local, analyst@demo.local, assessor@demo.local',
      '  <borough>@demo.local for each authority, e.g. hackney@demo.local, city-of-london@demo.local',
    )
    if (accounts.length > 0) lines.push(`  (${accounts.length} demo accounts created just now)`)
  }
  process.stdout.write(`${lines.join('\n')}\n\n`)
}

async function main(): Promise<void> {
  const config = loadConfig()
  const logger = createLogger(config.logLevel)
  const runtime = await bootstrap(config)
  const app = createApp({ config, services: runtime.services, logger })

  const server: Server = app.listen(config.port, config.host, () => {
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : config.port
    const host = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host
    printWelcome(config, `http://${host}:${port}`, runtime.demoAccounts)
  })

  const prune = setInterval(() => {
    runtime.services.sessions
      .prune(new Date())
      .catch((error: unknown) => logger.warn({ err: error }, 'session prune failed'))
  }, SESSION_PRUNE_MS)
  prune.unref()

  let stopping = false
  const shutdown = (signal: string): void => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down: no new connections, finishing requests in flight')
    clearInterval(prune)
    const force = setTimeout(() => {
      logger.warn('requests still open after the grace period; closing them')
      server.closeAllConnections()
    }, SHUTDOWN_GRACE_MS)
    force.unref()
    server.close(() => {
      runtime.database
        .close()
        .then(() => process.exit(0))
        .catch((error: unknown) => {
          logger.error({ err: error }, 'database did not close cleanly')
          process.exit(1)
        })
    })
    server.closeIdleConnections()
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DirectoryLockedError) {
    process.stderr.write(`\n${error.message}\n\n`)
  } else {
    process.stderr.write(
      `\nThe service could not start:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n\n`,
    )
  }
  process.exit(1)
})
