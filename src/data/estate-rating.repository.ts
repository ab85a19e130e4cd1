import type { Knex } from 'knex'
import type { Rating, StandardDefinition } from '../domain/estate/estate'
import { summarise, summaryInWords, type RatedPoint, type RatingSummary } from '../domain/estate/ratings'
import type { Db, Transaction } from './db'

/** The little of an estate entry that rating it needs: whose it is and what it is called. */
export interface RatedEntry {
  id: number
  organisationId: number
  productName: string
  supplierName: string
}

/** One system's stored ratings against one standard version. */
export interface StoredRatings {
  id: number
  evidence: string | null
  revision: number
  updatedAt: Date
  points: Record<string, RatedPoint>
}

/** Which standards an entry is rated against, and how it measures up, for the register's pages. */
export interface EntryRatingSummary {
  standard: { key: string; version: number; title: string }
  summary: RatingSummary
  /** "9 of 15 points rated; 3 do not meet". */
  words: string
  updatedAt: Date
}

interface RatingRow {
  id: number
  evidence: string | null
  revision: number
  updated_at: Date
}

interface EntryRow {
  id: number
  organisation_id: number
  product_name: string
  supplier_name: string
}

interface SummaryRow {
  id: number
  estate_entry_id: number
  updated_at: Date
  standard_key: string
  version: number
  title: string
  definition: StandardDefinition | string
}

async function pointsOf(ratingId: number, db: Db): Promise<Record<string, RatedPoint>> {
  const rows = await db('estate_rating_points')
    .where({ estate_rating_id: ratingId })
    .select<{ point_key: string; rating: Rating; since: Date }[]>('point_key', 'rating', 'since')
  return Object.fromEntries(rows.map(r => [r.point_key, { rating: r.rating, since: r.since }]))
}

async function entryOf(id: number, db: Db, lock: boolean): Promise<RatedEntry | undefined> {
  if (!Number.isSafeInteger(id) || id < 1) return undefined
  const query = db('estate_entries as e')
    .join('products as p', 'p.id', 'e.product_id')
    .join('suppliers as s', 's.id', 'p.supplier_id')
    .where('e.id', id)
  if (lock) query.forUpdate('e')
  const row = await query.first<EntryRow | undefined>(
    'e.id',
    'e.organisation_id',
    'p.name as product_name',
    's.name as supplier_name',
  )
  return (
    row && {
      id: row.id,
      organisationId: row.organisation_id,
      productName: row.product_name,
      supplierName: row.supplier_name,
    }
  )
}

/** For each entry, the standards it is rated against and a summary of how it measures up. */
async function summariesForEntries(entryIds: readonly number[], db: Db): Promise<Map<number, EntryRatingSummary[]>> {
  const result = new Map<number, EntryRatingSummary[]>()
  if (entryIds.length === 0) return result
  const rows = await db('estate_ratings as r')
    .join('standard_versions as v', 'v.id', 'r.standard_version_id')
    .whereIn('r.estate_entry_id', entryIds)
    .orderBy(['v.standard_key', 'v.version'])
    .select<SummaryRow[]>('r.id', 'r.estate_entry_id', 'r.updated_at', 'v.standard_key', 'v.version', 'v.title', 'v.definition')
  const points = await db('estate_rating_points')
    .whereIn(
      'estate_rating_id',
      rows.map(r => r.id),
    )
    .select<{ estate_rating_id: number; rating: Rating }[]>('estate_rating_id', 'rating')
  for (const row of rows) {
    const definition =
      typeof row.definition === 'string' ? (JSON.parse(row.definition) as StandardDefinition) : row.definition
    const given = points.filter(p => p.estate_rating_id === row.id).map(p => p.rating)
    const summary = summarise(given, definition.points.length)
    const list = result.get(row.estate_entry_id) ?? []
    list.push({
      standard: { key: row.standard_key, version: row.version, title: row.title },
      summary,
      words: summaryInWords(summary),
      updatedAt: row.updated_at,
    })
    result.set(row.estate_entry_id, list)
  }
  return result
}

/** Each system's ratings against the standards, point by point. */
export function estateRatingRepository(knex: Knex) {
  return {
    /** The entry, locked for the rest of the transaction when asked, so saves of it take turns. */
    entry: (id: number, db: Db = knex, lock = false): Promise<RatedEntry | undefined> => entryOf(id, db, lock),

    /** An entry's ratings against one standard version, as stored; none before the first save. */
    async find(entryId: number, standardVersionId: number, db: Db = knex): Promise<StoredRatings | undefined> {
      const row = await db('estate_ratings')
        .where({ estate_entry_id: entryId, standard_version_id: standardVersionId })
        .first<RatingRow | undefined>('id', 'evidence', 'revision', 'updated_at')
      if (!row) return undefined
      return {
        id: row.id,
        evidence: row.evidence,
        revision: row.revision,
        updatedAt: row.updated_at,
        points: await pointsOf(row.id, db),
      }
    },

    /**
     * Stores the ratings as the next revision: the set's row is made or updated, and its points replaced
     * with the ones given, each with the `since` the caller worked out.
     */
    async save(
      entryId: number,
      standardVersionId: number,
      change: { evidence: string | null; revision: number; at: Date; by: number | null; points: Record<string, RatedPoint> },
      trx: Transaction,
    ): Promise<void> {
      const values = { evidence: change.evidence, revision: change.revision, updated_at: change.at, updated_by: change.by }
      const [row] = await trx('estate_ratings')
        .insert({ estate_entry_id: entryId, standard_version_id: standardVersionId, ...values })
        .onConflict(['estate_entry_id', 'standard_version_id'])
        .merge(values)
        .returning<{ id: number }[]>('id')
      if (!row) throw new Error('upsert returned no id')
      await trx('estate_rating_points').where({ estate_rating_id: row.id }).delete()
      const points = Object.entries(change.points).map(([key, p]) => ({
        estate_rating_id: row.id,
        point_key: key,
        rating: p.rating,
        since: p.since,
      }))
      if (points.length > 0) await trx('estate_rating_points').insert(points)
    },

    /** For each entry, the standards it is rated against and a summary ("9 of 15 points rated; 3 do not meet"). */
    summariesForEntries: (entryIds: readonly number[], db: Db = knex) => summariesForEntries(entryIds, db),
  }
}

export type EstateRatingRepository = ReturnType<typeof estateRatingRepository>
