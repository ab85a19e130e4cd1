import { createRepositories } from '../../../src/data'
import { createServices } from '../../../src/services'
import { createTestDatabase } from '../../support/test-database'

/** Two app processes starting together on a new database both seed the shipped standards. */
it('publishes each shipped standard once when several starts seed at the same moment, and none of them fails', async () => {
  const database = await createTestDatabase()
  try {
    const starts = Array.from({ length: 4 }, () => createServices(createRepositories(database.knex)))
    const seeded = await Promise.all(starts.map(s => s.standards.seed()))
    // Between them they published both standards; whoever came second found them there.
    expect(seeded.flat().sort()).toEqual(['lgdss v1', 'tcop v1'])
    const stored = await database
      .knex('standard_versions')
      .select('standard_key', 'version', 'status')
      .orderBy('standard_key')
    expect(stored).toEqual([
      { standard_key: 'lgdss', version: 1, status: 'published' },
      { standard_key: 'tcop', version: 1, status: 'published' },
    ])
  } finally {
    await database.close()
  }
})
