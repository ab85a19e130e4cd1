import type { Knex } from 'knex'
import type { StandardDefinition, StandardStatus, StandardVersion } from '../domain/estate/estate'
import type { Db } from './db'

interface StandardRow {
  id: number
  standard_key: string
  version: number
  title: string
  status: StandardStatus
  definition: StandardDefinition | string
  published_at: Date | null
}

const toStandard = (r: StandardRow): StandardVersion => ({
  id: r.id,
  key: r.standard_key,
  version: r.version,
  title: r.title,
  status: r.status,
  definition: typeof r.definition === 'string' ? (JSON.parse(r.definition) as StandardDefinition) : r.definition,
  publishedAt: r.published_at,
})

const columns = ['id', 'standard_key', 'version', 'title', 'status', 'definition', 'published_at']

/** Standards as versioned documents; the table's trigger keeps a published version unchanged. */
export function standardRepository(knex: Knex) {
  return {
    async list(filter: { statuses?: readonly StandardStatus[] } = {}, db: Db = knex): Promise<StandardVersion[]> {
      const query = db('standard_versions').select<StandardRow[]>(columns).orderBy(['standard_key', 'version'])
      if (filter.statuses) query.whereIn('status', filter.statuses)
      return (await query).map(toStandard)
    },

    async find(key: string, version: number, db: Db = knex): Promise<StandardVersion | undefined> {
      const row = await db('standard_versions')
        .where({ standard_key: key, version })
        .first<StandardRow | undefined>(columns)
      return row && toStandard(row)
    },

    async findById(id: number, db: Db = knex): Promise<StandardVersion | undefined> {
      const row = await db('standard_versions').where({ id }).first<StandardRow | undefined>(columns)
      return row && toStandard(row)
    },
  }
}
