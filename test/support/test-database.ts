import { randomBytes } from 'node:crypto'
import knexFactory from 'knex'
import { migrateToLatest, openDatabase, postgresConfig, type Database } from '../../src/db/database'

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a throwaway
 * PostgreSQL database when TEST_DATABASE_URL is set, dropped again on close so nothing is left over.
 */
/** The database, and for PostgreSQL its address, so a test can open it again as a second app process would. */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const adminUrl = process.env.TEST_DATABASE_URL
  if (!adminUrl) {
    const database = await openDatabase({ pgliteDir: 'memory' })
    await migrateToLatest(database.knex)
    return database
  }
  const name = `ldm_test_${process.pid}_${randomBytes(4).toString('hex')}`
  const admin = knexFactory(postgresConfig(adminUrl, 1))
  await admin.raw(`create database ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  // Listening as the app does, so tests exercise the copies it keeps and the notifications that drop them.
  const database = await openDatabase({ databaseUrl: url.toString(), listen: true })
  await migrateToLatest(database.knex)
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close()
      await admin.raw(`drop database if exists ${name} with (force)`)
      await admin.destroy()
    },
  }
}
