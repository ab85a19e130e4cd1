import type { Knex } from 'knex'
import type { CostBand, Hosting, ProductStatus, Rating } from '../domain/estate/estate'
import type { Db } from './db'

export interface DemoEntryRow {
  organisationId: number
  categoryKey: string
  productId: number
  hosting: Hosting
  contractEnd: string
  costBand: CostBand
  shareable: boolean
  notes: string | null
  at: Date
  by: number | null
}

export interface DemoRatingRow {
  estateEntryId: number
  standardVersionId: number
  evidence: string | null
  updatedAt: Date
  by: number | null
  points: { pointKey: string; rating: Rating; since: Date }[]
}

const BATCH = 200

/** Writes for the demo estate only: many rows at once, in the seed's transaction. */
export function demoEstateRepository(knex: Knex) {
  return { ...demoCatalogueWrites(knex), ...demoRegisterWrites(knex) }
}

function demoCatalogueWrites(knex: Knex) {
  return {

    /** The supplier with this name whatever its case, made if new, with any aliases not yet taken. */
    async supplier(name: string, aliases: readonly string[], db: Db = knex): Promise<number> {
      const found = await db('suppliers').whereRaw('lower(name) = lower(?)', [name]).first<{ id: number } | undefined>('id')
      const id =
        found?.id ?? (await db('suppliers').insert({ name }).returning<{ id: number }[]>('id'))[0]?.id
      if (id === undefined) throw new Error('insert returned no id')
      for (const alias of aliases) {
        const taken = await db('supplier_aliases').whereRaw('lower(alias) = lower(?)', [alias]).first<{ alias: string } | undefined>('alias')
        if (!taken) await db('supplier_aliases').insert({ supplier_id: id, alias })
      }
      return id
    },

    /** The supplier's product with this name whatever its case, made if new. */
    async product(
      input: { name: string; supplierId: number; categoryKey: string; status: ProductStatus; proposedBy: number | null },
      db: Db = knex,
    ): Promise<number> {
      const found = await db('products')
        .where('supplier_id', input.supplierId)
        .whereNot('status', 'merged')
        .whereRaw('lower(name) = lower(?)', [input.name])
        .first<{ id: number } | undefined>('id')
      if (found) return found.id
      const [row] = await db('products')
        .insert({
          name: input.name,
          supplier_id: input.supplierId,
          category_key: input.categoryKey,
          status: input.status,
          proposed_by: input.proposedBy,
        })
        .returning<{ id: number }[]>('id')
      if (!row) throw new Error('insert returned no id')
      return row.id
    },

  }
}

function demoRegisterWrites(knex: Knex) {
  return {
    async hasEntries(db: Db = knex): Promise<boolean> {
      return (await db('estate_entries').first<{ id: number } | undefined>('id')) !== undefined
    },

    /** Every system with what identifies a demo one: its authority, category and product's name. */
    async entryKeys(
      db: Db = knex,
    ): Promise<{ id: number; organisationId: number; categoryKey: string; product: string }[]> {
      return db('estate_entries as e')
        .join('products as p', 'p.id', 'e.product_id')
        .select('e.id', 'e.organisation_id as organisationId', 'e.category_key as categoryKey', 'p.name as product')
        .orderBy('e.id')
    },

    /** The standard versions any system has been rated against. */
    async ratedStandardVersionIds(db: Db = knex): Promise<number[]> {
      const rows = await db('estate_ratings').distinct<{ standard_version_id: number }[]>('standard_version_id')
      return rows.map(r => r.standard_version_id)
    },

    /** Inserts the entries, returning their ids in the same order. */
    async insertEntries(rows: readonly DemoEntryRow[], db: Db = knex): Promise<number[]> {
      const ids: number[] = []
      for (let i = 0; i < rows.length; i += BATCH) {
        const inserted = await db('estate_entries')
          .insert(
            rows.slice(i, i + BATCH).map(r => ({
              organisation_id: r.organisationId,
              category_key: r.categoryKey,
              product_id: r.productId,
              hosting: r.hosting,
              contract_end: r.contractEnd,
              cost_band: r.costBand,
              shareable: r.shareable,
              notes: r.notes,
              revision: 1,
              created_at: r.at,
              updated_at: r.at,
              updated_by: r.by,
            })),
          )
          .returning<{ id: number }[]>('id')
        ids.push(...inserted.map(r => r.id))
      }
      return ids
    },

    async insertRatings(rows: readonly DemoRatingRow[], db: Db = knex): Promise<void> {
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = rows.slice(i, i + BATCH)
        const inserted = await db('estate_ratings')
          .insert(
            batch.map(r => ({
              estate_entry_id: r.estateEntryId,
              standard_version_id: r.standardVersionId,
              evidence: r.evidence,
              revision: 1,
              updated_at: r.updatedAt,
              updated_by: r.by,
            })),
          )
          .returning<{ id: number }[]>('id')
        const points = batch.flatMap((r, j) => {
          const id = inserted[j]?.id
          if (id === undefined) throw new Error('insert returned no id')
          return r.points.map(p => ({ estate_rating_id: id, point_key: p.pointKey, rating: p.rating, since: p.since }))
        })
        for (let k = 0; k < points.length; k += 1000) await db('estate_rating_points').insert(points.slice(k, k + 1000))
      }
    },
  }
}
