import type { Knex } from 'knex'
import type { Db } from './db'

export type VersionStatus = 'draft' | 'published' | 'retired'

export interface StoredVersion {
  id: number
  key: string
  version: number
  title: string
  status: VersionStatus
  /** The document exactly as uploaded. */
  document: unknown
  createdAt: Date
  publishedAt: Date | null
  retiredAt: Date | null
}

interface Row {
  id: number
  questionnaire_key: string
  version: number
  title: string
  status: VersionStatus
  definition: unknown
  created_at: Date
  published_at: Date | null
  retired_at: Date | null
}

const toStored = (row: Row): StoredVersion => ({
  id: row.id,
  key: row.questionnaire_key,
  version: row.version,
  title: row.title,
  status: row.status,
  document: row.definition,
  createdAt: row.created_at,
  publishedAt: row.published_at,
  retiredAt: row.retired_at,
})

export function questionnaireRepository(knex: Knex) {
  return {
    async list(db: Db = knex): Promise<StoredVersion[]> {
      const rows = await db<Row>('questionnaire_versions').select('*').orderBy(['questionnaire_key', 'version'])
      return rows.map(toStored)
    },

    async find(key: string, version: number, db: Db = knex): Promise<StoredVersion | undefined> {
      const row = await db<Row>('questionnaire_versions').where({ questionnaire_key: key, version }).first()
      return row && toStored(row)
    },

    /** Locks the row for the rest of the transaction, so two uploads of one version cannot interleave. */
    async findForUpdate(key: string, version: number, trx: Knex.Transaction): Promise<StoredVersion | undefined> {
      const row = await trx<Row>('questionnaire_versions').where({ questionnaire_key: key, version }).forUpdate().first()
      return row && toStored(row)
    },

    async insertDraft(key: string, version: number, title: string, document: unknown, createdBy: number | null, db: Db = knex): Promise<number> {
      const [row] = await db('questionnaire_versions')
        .insert({ questionnaire_key: key, version, title, definition: JSON.stringify(document), created_by: createdBy })
        .returning<{ id: number }[]>('id')
      if (!row) throw new Error('insert returned no id')
      return row.id
    },

    async replaceDraft(id: number, title: string, document: unknown, db: Db = knex): Promise<void> {
      await db('questionnaire_versions')
        .where({ id, status: 'draft' })
        .update({ title, definition: JSON.stringify(document), updated_at: db.fn.now() })
    },

    async setStatus(id: number, status: VersionStatus, at: Date, db: Db = knex): Promise<void> {
      await db('questionnaire_versions')
        .where({ id })
        .update({ status, ...(status === 'published' ? { published_at: at } : {}), ...(status === 'retired' ? { retired_at: at } : {}) })
    },
  }
}

export type QuestionnaireRepository = ReturnType<typeof questionnaireRepository>
