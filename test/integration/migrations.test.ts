import { readdirSync } from 'node:fs'
import path from 'node:path'
import { migrateToLatest } from '../../src/db/database'
import { createTestDatabase } from '../support/test-database'
import type { Database } from '../../src/db/database'

let database: Database
const names = () => database.knex('knex_migrations').orderBy('id').pluck<string[]>('name')
const files = readdirSync(path.join(__dirname, '..', '..', 'migrations'))
  .filter(f => f.endsWith('.ts'))
  .sort()
  .map(f => f.replace(/\.ts$/, ''))

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(() => database.close())

describe('migrations', () => {
  it('records every migration once, by name without its extension', async () => {
    expect(await names()).toEqual(files)
  })

  it('accepts a database migrated by the built server (.js) or from source (.ts), and renames its records', async () => {
    const [first, second] = files
    await database
      .knex('knex_migrations')
      .where({ name: first })
      .update({ name: `${first ?? ''}.js` })
    await database
      .knex('knex_migrations')
      .where({ name: second })
      .update({ name: `${second ?? ''}.ts` })
    expect(await migrateToLatest(database.knex)).toEqual([])
    expect(await names()).toEqual(files)
  })
})
