import { loadConfig } from '../config'
import { migrateToLatest, openDatabase } from '../db/database'
import { runCli } from './run-cli'

runCli(async () => {
  const config = loadConfig()
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir })
  try {
    const applied = await migrateToLatest(database.knex)
    process.stdout.write(
      applied.length === 0 ? 'Already up to date.\n' : `Applied:\n${applied.map(m => `  ${m}`).join('\n')}\n`,
    )
  } finally {
    await database.close()
  }
})
