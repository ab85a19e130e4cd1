import type { Knex } from 'knex'
import type { EntryContent, PipelineCategory, Route, Status, ValueBand } from '../domain/pipeline/entry'
import type { Db } from './db'
import { pipelinePriorityQueries } from './pipeline-priorities.repository'

export type { ServicePriority } from './pipeline-priorities.repository'

export interface PipelineEntry extends EntryContent {
  id: number
  organisationId: number
  revision: number
  createdAt: Date
  updatedAt: Date
  updatedBy: number | null
}

interface EntryRow {
  id: number
  organisation_id: number
  category_key: string
  current_system: string | null
  supplier: string | null
  contract_end: string | null
  planned_start: string | null
  route: Route
  value_band: ValueBand
  status: Status
  addresses: string | null
  notes: string | null
  shareable: boolean
  revision: number
  created_at: Date
  updated_at: Date
  updated_by: number | null
}

const toEntry = (r: EntryRow): PipelineEntry => ({
  id: r.id,
  organisationId: r.organisation_id,
  categoryKey: r.category_key,
  currentSystem: r.current_system,
  supplier: r.supplier,
  contractEnd: r.contract_end,
  plannedStart: r.planned_start,
  route: r.route,
  valueBand: r.value_band,
  status: r.status,
  addresses: r.addresses,
  notes: r.notes,
  shareable: r.shareable,
  revision: r.revision,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
})

const toColumns = (c: EntryContent) => ({
  category_key: c.categoryKey,
  current_system: c.currentSystem,
  supplier: c.supplier,
  contract_end: c.contractEnd,
  planned_start: c.plannedStart,
  route: c.route,
  value_band: c.valueBand,
  status: c.status,
  addresses: c.addresses,
  notes: c.notes,
  shareable: c.shareable,
})

/** Boroughs' pipeline entries, the shared category list, and (see pipelinePriorityQueries) their priorities. */
export function pipelineRepository(knex: Knex) {
  return {
    async categories(db: Db = knex): Promise<PipelineCategory[]> {
      return db('pipeline_categories').select<PipelineCategory[]>('key', 'name', 'addresses').orderBy('position')
    },

    /** Brings the shared category list in: safe to run at every start, it updates names in place. */
    async upsertCategories(categories: readonly PipelineCategory[], db: Db = knex): Promise<void> {
      if (categories.length === 0) return
      await db('pipeline_categories')
        .insert(categories.map((c, position) => ({ key: c.key, name: c.name, addresses: c.addresses, position })))
        .onConflict('key')
        .merge()
    },

    async list(filter: { organisationId?: number } = {}, db: Db = knex): Promise<PipelineEntry[]> {
      const query = db<EntryRow>('pipeline_entries').select('*').orderBy('id')
      if (filter.organisationId !== undefined) void query.where({ organisation_id: filter.organisationId })
      return (await query).map(toEntry)
    },

    async findById(id: number, db: Db = knex): Promise<PipelineEntry | undefined> {
      const row = await db<EntryRow>('pipeline_entries').where({ id }).first()
      return row && toEntry(row)
    },

    /** Locks the entry for the rest of the transaction, so a revision check and its write cannot be split. */
    async lock(id: number, trx: Knex.Transaction): Promise<PipelineEntry | undefined> {
      const row = await trx<EntryRow>('pipeline_entries').where({ id }).forUpdate().first()
      return row && toEntry(row)
    },

    async insert(organisationId: number, content: EntryContent, meta: { at: Date; by: number | null }, db: Db = knex): Promise<number> {
      const [row] = await db('pipeline_entries')
        .insert({
          organisation_id: organisationId,
          ...toColumns(content),
          revision: 1,
          created_at: meta.at,
          updated_at: meta.at,
          updated_by: meta.by,
        })
        .returning<{ id: number }[]>('id')
      if (!row) throw new Error('insert returned no id')
      return row.id
    },

    async update(id: number, content: EntryContent, meta: { revision: number; at: Date; by: number | null }, db: Db = knex): Promise<void> {
      await db('pipeline_entries')
        .where({ id })
        .update({ ...toColumns(content), revision: meta.revision, updated_at: meta.at, updated_by: meta.by })
    },

    async remove(id: number, db: Db = knex): Promise<void> {
      await db('pipeline_entries').where({ id }).delete()
    },

    ...pipelinePriorityQueries(knex),
  }
}

export type PipelineRepository = ReturnType<typeof pipelineRepository>
