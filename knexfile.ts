// For the knex command line (npx knex migrate:status, say); the app itself migrates at start-up.
import type { Knex } from 'knex'
import ClientPGLite from 'knex-pglite'
import { PGlite } from '@electric-sql/pglite'
import { loadConfig } from './src/config'
import { migrationConfig, postgresConfig } from './src/db/database'
import { lockDirectory } from './src/db/directory-lock'

const config = loadConfig()

function pgliteConfig(dataDir: string): Knex.Config {
  // Held until this process exits, so the CLI never writes beside a running server.
  lockDirectory(dataDir)
  return {
    client: ClientPGLite,
    connection: { pglite: new PGlite(dataDir) } as unknown as Knex.StaticConnectionConfig,
    migrations: migrationConfig,
  }
}

const knexConfig: Knex.Config = config.databaseUrl ? postgresConfig(config.databaseUrl) : pgliteConfig(config.pgliteDir)

export default knexConfig
