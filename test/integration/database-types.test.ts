import { createTestDatabase } from '../support/test-database'
import { openDatabase } from '../../src/db/database'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// The same schema must give the code the same JavaScript values on PostgreSQL, in-memory PGlite and on-disk PGlite.
async function values(knex: Awaited<ReturnType<typeof createTestDatabase>>['knex']) {
  const result = await knex.raw(
    `select count(*) as n, 1.25::numeric as money, '2024-02-29'::date as day, now() as at, '{"a":[1]}'::jsonb as doc`,
  )
  return result.rows[0] as Record<string, unknown>
}

describe('values read from the database', () => {
  it('are counts as numbers, numerics as numbers, dates as YYYY-MM-DD strings and timestamps as Dates', async () => {
    const db = await createTestDatabase()
    const onDisk = await openDatabase({
      pgliteDir: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ldm-types-')), 'pglite'),
    })
    try {
      for (const row of [await values(db.knex), await values(onDisk.knex)]) {
        expect(row).toEqual({ n: 1, money: 1.25, day: '2024-02-29', at: expect.any(Date), doc: { a: [1] } })
      }
    } finally {
      await db.close()
      await onDisk.close()
    }
  })
})
