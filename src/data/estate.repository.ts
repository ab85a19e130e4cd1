import type { Knex } from 'knex'
import type { CostBand, EstateContent, EstateEntry, Hosting } from '../domain/estate/estate'
import type { Db } from './db'

interface EstateRow {
  id: number
  organisation_id: number
  category_key: string
  product_id: number
  hosting: Hosting
  contract_end: string | Date | null
  cost_band: CostBand | null
  shareable: boolean
  notes: string | null
  revision: number
  created_at: Date
  updated_at: Date
  updated_by: number | null
}

/** A date column as 'YYYY-MM-DD', whichever way the engine hands it back. */
const calendarDate = (value: string | Date | null): string | null => {
  if (value === null) return null
  if (typeof value === 'string') return value.slice(0, 10)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`
}

const toEntry = (r: EstateRow): EstateEntry => ({
  id: r.id,
  organisationId: r.organisation_id,
  categoryKey: r.category_key,
  productId: r.product_id,
  hosting: r.hosting,
  contractEnd: calendarDate(r.contract_end),
  costBand: r.cost_band,
  shareable: r.shareable,
  notes: r.notes,
  revision: r.revision,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
})

const toColumns = (c: EstateContent) => ({
  category_key: c.categoryKey,
  product_id: c.productId,
  hosting: c.hosting,
  contract_end: c.contractEnd,
  cost_band: c.costBand,
  shareable: c.shareable,
  notes: c.notes,
})

/** Each authority's register of the systems it runs today. */
export function estateRepository(knex: Knex) {
  /** Many entries in one statement, as an import brings them; their ids in the order given. */
  async function insertMany(
    organisationId: number,
    contents: readonly EstateContent[],
    meta: { at: Date; by: number | null },
    db: Db = knex,
  ): Promise<number[]> {
    if (contents.length === 0) return []
    const rows = await db('estate_entries')
      .insert(
        contents.map(content => ({
          organisation_id: organisationId,
          ...toColumns(content),
          revision: 1,
          created_at: meta.at,
          updated_at: meta.at,
          updated_by: meta.by,
        })),
      )
      .returning<{ id: number }[]>('id')
    return rows.map(r => r.id).sort((a, b) => a - b)
  }

  return {
    insertMany,

    async list(filter: { organisationId?: number } = {}, db: Db = knex): Promise<EstateEntry[]> {
      const query = db<EstateRow>('estate_entries').select('*').orderBy('id')
      if (filter.organisationId !== undefined) void query.where({ organisation_id: filter.organisationId })
      return (await query).map(toEntry)
    },

    async findById(id: number, db: Db = knex): Promise<EstateEntry | undefined> {
      const row = await db<EstateRow>('estate_entries').where({ id }).first()
      return row && toEntry(row)
    },

    /** Locks the entry for the rest of the transaction, so a revision check and its write cannot be split. */
    async lock(id: number, trx: Knex.Transaction): Promise<EstateEntry | undefined> {
      const row = await trx<EstateRow>('estate_entries').where({ id }).forUpdate().first()
      return row && toEntry(row)
    },

    async insert(
      organisationId: number,
      content: EstateContent,
      meta: { at: Date; by: number | null },
      db: Db = knex,
    ): Promise<number> {
      const [id] = await insertMany(organisationId, [content], meta, db)
      if (id === undefined) throw new Error('insert returned no id')
      return id
    },

    async update(
      id: number,
      content: EstateContent,
      meta: { revision: number; at: Date; by: number | null },
      db: Db = knex,
    ): Promise<void> {
      await db('estate_entries')
        .where({ id })
        .update({ ...toColumns(content), revision: meta.revision, updated_at: meta.at, updated_by: meta.by })
    },

    async remove(id: number, db: Db = knex): Promise<void> {
      await db('estate_entries').where({ id }).delete()
    },
  }
}

export type EstateRepository = ReturnType<typeof estateRepository>
