// For the knex command line (npx knex migrate:status, say); the app itself migrates at start-up.
import type { Knex } from 'knex'
import ClientPGLite from 'knex-pglite'
import { PGlite } from '@electric-sql/pglite'
import { loadConfig } from './src/config'
import { migrationConfig, postgresConfig } from './src/db/database'
import { lockDirectory } from './src/db/directory-lock'

const config = loadConfig()

async function pgliteConfig(dataDir: string): Promise<Knex.Config> {
  // Held until this process exits, so the CLI never writes beside a running server.
  await lockDirectory(dataDir)
  return {
    client: ClientPGLite,
    connection: { pglite: new PGlite(dataDir) } as unknown as Knex.StaticConnectionConfig,
    migrations: migrationConfig,
  }
}

// knex's command line awaits a knexfile that exports a function.
export default async function knexConfig(): Promise<Knex.Config> {
  return config.databaseUrl ? postgresConfig(config.databaseUrl) : pgliteConfig(config.pgliteDir)
}
