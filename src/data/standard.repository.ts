import type { Knex } from 'knex'
import type { StandardDefinition, StandardStatus, StandardVersion } from '../domain/estate/estate'
import type { Db, Transaction } from './db'

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

    /** The version, locked until the transaction ends, so its status is decided once. */
    async findForUpdate(key: string, version: number, trx: Transaction): Promise<StandardVersion | undefined> {
      const row = await trx('standard_versions')
        .where({ standard_key: key, version })
        .forUpdate()
        .first<StandardRow | undefined>(columns)
      return row && toStandard(row)
    },

    /** The highest version of a key stored in any status, or 0. */
    async latestVersion(key: string, db: Db = knex): Promise<number> {
      const row = await db('standard_versions')
        .where({ standard_key: key })
        .max<{ max: number | null }>('version as max')
        .first()
      return row?.max ?? 0
    },

    /** A new draft, stored exactly as uploaded (the definition column is json, not jsonb). */
    async insertDraft(definition: StandardDefinition, document: unknown, createdBy: number | null, db: Db = knex): Promise<number> {
      const [row] = await db('standard_versions')
        .insert({
          standard_key: definition.key,
          version: definition.version,
          title: definition.title,
          definition: JSON.stringify(document),
          created_by: createdBy,
        })
        .returning<{ id: number }[]>('id')
      if (!row) throw new Error('insert returned no id')
      return row.id
    },

    /** Draft to published, or published to retired; the table's trigger refuses any other move. */
    async setStatus(id: number, status: 'published' | 'retired', at: Date, db: Db = knex): Promise<void> {
      await db('standard_versions')
        .where({ id })
        .update({ status, ...(status === 'published' ? { published_at: at } : { retired_at: at }) })
    },

    /** Only a draft can go; the trigger refuses deleting any other. */
    async deleteDraft(id: number, db: Db = knex): Promise<void> {
      await db('standard_versions').where({ id }).delete()
    },
  }
}
