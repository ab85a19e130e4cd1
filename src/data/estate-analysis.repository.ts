import type { Knex } from 'knex'
import type { AnalysedEntry, AnalysedRating } from '../domain/estate/analysis'
import type { Hosting, Rating } from '../domain/estate/estate'
import type { Db } from './db'

export type { AnalysedEntry, AnalysedRating }

interface EntryRow {
  entry_id: number
  organisation_id: number
  gss: string
  organisation_name: string
  slug: string
  category_key: string
  product_id: number
  product_name: string
  supplier_id: number
  supplier_name: string
  hosting: Hosting
  contract_end: string | null
  shareable: boolean
}

const toEntry = (r: EntryRow): AnalysedEntry => ({
  entryId: r.entry_id,
  organisationId: r.organisation_id,
  organisation: r.gss,
  organisationName: r.organisation_name,
  organisationSlug: r.slug,
  categoryKey: r.category_key,
  productId: r.product_id,
  productName: r.product_name,
  supplierId: r.supplier_id,
  supplierName: r.supplier_name,
  hosting: r.hosting,
  contractEnd: r.contract_end,
  shareable: r.shareable,
})

/** Read-only views over the estate for the scorecards, concentration and map; it never writes. */
export function estateAnalysisRepository(knex: Knex) {
  return {
    /**
     * Systems, by authority name. `productId` also takes the systems of products merged into it, so a
     * product's history follows it. Suppliers are the product's own (a product belongs to one supplier).
     */
    async entries(filter: { productId?: number; categoryKey?: string } = {}, db: Db = knex): Promise<AnalysedEntry[]> {
      const query = db('estate_entries as e')
        .join('organisations as o', 'o.id', 'e.organisation_id')
        .join('products as p', 'p.id', 'e.product_id')
        .join('suppliers as s', 's.id', 'p.supplier_id')
        .select<EntryRow[]>(
          'e.id as entry_id',
          'e.organisation_id',
          'o.gss',
          'o.name as organisation_name',
          'o.slug',
          'e.category_key',
          'e.product_id',
          'p.name as product_name',
          'p.supplier_id',
          's.name as supplier_name',
          'e.hosting',
          'e.contract_end',
          'e.shareable',
        )
        .orderBy(['o.name', 'e.id'])
      if (filter.productId !== undefined) {
        const id = filter.productId
        query.where(q => q.where('p.id', id).orWhere('p.merged_into_id', id))
      }
      if (filter.categoryKey !== undefined) query.where('e.category_key', filter.categoryKey)
      return (await query).map(toEntry)
    },

    /** Every rated point of these systems, against one standard version or (without one) any. */
    async ratings(entryIds: readonly number[], standardVersionId?: number, db: Db = knex): Promise<AnalysedRating[]> {
      if (entryIds.length === 0) return []
      const query = db('estate_rating_points as rp')
        .join('estate_ratings as r', 'r.id', 'rp.estate_rating_id')
        .whereIn('r.estate_entry_id', entryIds)
        .select<
          { entry_id: number; standard_version_id: number; point_key: string; rating: Rating; since: Date }[]
        >('r.estate_entry_id as entry_id', 'r.standard_version_id', 'rp.point_key', 'rp.rating', 'rp.since')
        .orderBy(['r.estate_entry_id', 'rp.point_key'])
      if (standardVersionId !== undefined) query.where('r.standard_version_id', standardVersionId)
      return (await query).map(r => ({
        entryId: r.entry_id,
        standardVersionId: r.standard_version_id,
        point: r.point_key,
        rating: r.rating,
        since: r.since,
      }))
    },
  }
}
