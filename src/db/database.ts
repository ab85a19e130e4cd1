import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import knexFactory, { type Knex } from 'knex'
import ClientPGLite from 'knex-pglite'
import pg from 'pg'
import { announceThrough, ChangeFeed, PgliteChangeFeed, PostgresChangeFeed } from './change-feed'
import { lockDirectory } from './directory-lock'
import { MigrationFolder, normaliseMigrationNames } from './migration-source'

export type Engine = 'postgresql' | 'pglite'

export interface Database {
  knex: Knex
  engine: Engine
  /** What this process hears of changes, so it may keep copies of what it reads (see ChangeFeed). */
  changes: ChangeFeed
  close(): Promise<void>
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl?: string
  /** PGlite data directory; 'memory' keeps it in memory (tests). */
  pgliteDir?: string
  poolMax?: number
  /** Listen for other processes' changes (PostgreSQL), so this one may keep copies of what it reads. */
  listen?: boolean
}

const INT8 = 20
const NUMERIC = 1700
const DATE = 1082

// Both engines must hand the code the same JavaScript types: counts as numbers, dates as 'YYYY-MM-DD'.
const toNumber = (value: string): number => Number(value)
const asDateString = (value: string): string => value

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
    if (oid === INT8 || oid === NUMERIC) return toNumber
    if (oid === DATE) return asDateString
    // pg types its ids as an enum of the built-in ones; any id the server sends is fine to look up.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
    return pg.types.getTypeParser(oid, format) as (value: string) => unknown
  },
}

export const ROOT_DIR = path.resolve(__dirname, '..', '..')
const RUNNING_FROM_SOURCE = path.extname(__filename) === '.ts'

export const migrationConfig: Knex.MigratorConfig = {
  migrationSource: new MigrationFolder(path.join(ROOT_DIR, 'migrations'), RUNNING_FROM_SOURCE ? '.ts' : '.js'),
  tableName: 'knex_migrations',
}

/**
 * When the database is away a request should fail fast with a 503, not wait. Refused connections fail at
 * once anyway; these bound the other cases: a connection attempt to a host that does not answer (a
 * failover moving the address) gives up after CONNECT_TIMEOUT_MS, and a request waits for a free
 * connection at most ACQUIRE_TIMEOUT_MS, so a client hears within about five seconds either way. Broken
 * connections are dropped by the pool (knex marks them on 'error' and 'end'), so it reconnects by itself.
 */
const CONNECT_TIMEOUT_MS = 3_000
const ACQUIRE_TIMEOUT_MS = 4_000

export function postgresConfig(databaseUrl: string, poolMax = 10): Knex.Config {
  return {
    client: 'pg',
    connection: {
      connectionString: databaseUrl,
      types: pgTypes,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    } as Knex.PgConnectionConfig,
    pool: { min: 0, max: poolMax },
    acquireConnectionTimeout: ACQUIRE_TIMEOUT_MS,
    migrations: migrationConfig,
  }
}

async function openPglite(dataDir: string): Promise<Database> {
  const lock = dataDir === 'memory' ? undefined : await lockDirectory(dataDir)
  try {
    const options = { parsers: { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: asDateString } }
    // PGlite reads its options from the first argument when there is no data directory.
    const pglite = dataDir === 'memory' ? new PGlite(options) : new PGlite(dataDir, options)
    await pglite.waitReady
    const knex = knexFactory({
      client: ClientPGLite,
      connection: { pglite } as unknown as Knex.StaticConnectionConfig,
      migrations: migrationConfig,
    })
    const changes = new PgliteChangeFeed()
    await changes.start(pglite)
    changes.watchWrites(knex)
    return {
      knex,
      engine: 'pglite',
      changes,
      async close() {
        try {
          await changes.close()
          await knex.destroy()
        } finally {
          lock?.release()
        }
      },
    }
  } catch (error) {
    lock?.release()
    throw error
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl !== undefined) {
    const knex = knexFactory(postgresConfig(options.databaseUrl, options.poolMax))
    // Only a process that serves requests keeps copies; a tool run once needs no listener.
    const send = announceThrough(knex)
    const changes = options.listen ? new PostgresChangeFeed(options.databaseUrl, send) : new ChangeFeed(send)
    changes.watchWrites(knex)
    return {
      knex,
      engine: 'postgresql',
      changes,
      async close() {
        await changes.close()
        await knex.destroy()
      },
    }
  }
  return openPglite(options.pgliteDir ?? 'memory')
}

export async function migrateToLatest(knex: Knex): Promise<string[]> {
  await normaliseMigrationNames(knex, migrationConfig.tableName ?? 'knex_migrations')
  const [, applied] = (await knex.migrate.latest()) as [number, string[]]
  return applied
}
