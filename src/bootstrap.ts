import type { Config } from './config'
import { createRepositories } from './data'
import { migrateToLatest, openDatabase, type Database } from './db/database'
import { createServices, type Services } from './services'
import { systemClock } from './services/clock'
import type { DemoAccount } from '../seeds/demo-accounts'

export interface Runtime {
  database: Database
  services: Services
  demoAccounts: DemoAccount[]
}

/** Opens the database, brings its schema and reference data up to date, and seeds demo sign-ins where wanted. */
export async function bootstrap(config: Config): Promise<Runtime> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir, listen: true })
  try {
    await migrateToLatest(database.knex)
    const services = createServices(createRepositories(database.knex, database.changes), systemClock, {
      disclosureMinimum: config.disclosureMinimum,
    })
    await services.seed.seedReferenceData()
    await services.seed.seedQuestionnaires()
    await services.standards.seed()
    const demoAccounts = config.demoData ? await services.seed.seedDemoAccounts(config.demoPassword) : []
    if (config.demoData) {
      await services.seed.seedDemoAssessments()
      await services.seed.seedDemoPipeline()
      await services.seed.seedDemoPartnerships()
      // After the reference data above, so the standards it rates against are already published.
      await services.seed.seedDemoEstate()
    }
    return { database, services, demoAccounts }
  } catch (error) {
    await database.close()
    throw error
  }
}
