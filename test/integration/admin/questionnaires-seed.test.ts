import { createRepositories } from '../../../src/data'
import { createServices } from '../../../src/services'
import { questionnaireSeeds } from '../../../seeds/questionnaires'
import { createTestDatabase } from '../../support/test-database'

/** Several app processes starting together on a new database all seed the shipped questionnaires. */
it('publishes each shipped questionnaire once when several starts seed at the same moment, and none of them fails', async () => {
  const database = await createTestDatabase()
  try {
    const shipped = questionnaireSeeds()
      .map(s => JSON.parse(s.text) as { key: string; version: number })
      .map(d => `${d.key} v${d.version}`)
      .sort()
    expect(shipped.length).toBeGreaterThan(0)
    const starts = Array.from({ length: 4 }, () => createServices(createRepositories(database.knex)))
    const seeded = await Promise.all(starts.map(s => s.seed.seedQuestionnaires()))
    // Between them they published every version once; whoever came later found it there.
    expect(seeded.flat().sort()).toEqual(shipped)
    const stored = await database
      .knex('questionnaire_versions')
      .select('questionnaire_key', 'version', 'status')
      .orderBy(['questionnaire_key', 'version'])
    expect(stored.map(r => `${r.questionnaire_key} v${r.version}`).sort()).toEqual(shipped)
    expect(stored.every(r => r.status === 'published')).toBe(true)
    // The errata shipped with them are recorded once too, whoever got there first.
    const errata = await database.knex('questionnaire_errata').select('question_key')
    expect(errata).toEqual([{ question_key: 'foundations.infrastructure.cloud' }])
  } finally {
    await database.close()
  }
})
