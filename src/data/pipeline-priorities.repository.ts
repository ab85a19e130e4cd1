import type { Knex } from 'knex'
import type { Db } from './db'

export interface ServicePriority {
  rank: number
  serviceArea: string
  notes: string | null
}

/** Each organisation's ranked service priorities: part of the pipeline repository (see pipelineRepository). */
export function pipelinePriorityQueries(knex: Knex) {
  return {
    async priorities(organisationId: number, db: Db = knex): Promise<ServicePriority[]> {
      return db('service_priorities')
        .where({ organisation_id: organisationId })
        .select<ServicePriority[]>('rank', 'service_area as serviceArea', 'notes')
        .orderBy('rank')
    },

    async allPriorities(db: Db = knex): Promise<(ServicePriority & { organisationId: number })[]> {
      return db('service_priorities')
        .select<(ServicePriority & { organisationId: number })[]>('organisation_id as organisationId', 'rank', 'service_area as serviceArea', 'notes')
        .orderBy(['organisation_id', 'rank'])
    },

    /**
     * Holds the organisation's row for the rest of the transaction, so two replacements of its priorities
     * queue instead of deleting and inserting through each other (which would break the unique ranks).
     */
    async lockPriorities(organisationId: number, trx: Knex.Transaction): Promise<void> {
      await trx('organisations').where({ id: organisationId }).forUpdate().first('id')
    },

    /** Replaces an organisation's priorities as a whole: they are ranked together, so they change together. */
    async replacePriorities(
      organisationId: number,
      priorities: readonly ServicePriority[],
      meta: { at: Date; by: number | null },
      db: Db = knex,
    ): Promise<void> {
      await db('service_priorities').where({ organisation_id: organisationId }).delete()
      if (priorities.length === 0) return
      await db('service_priorities').insert(
        priorities.map(p => ({
          organisation_id: organisationId,
          rank: p.rank,
          service_area: p.serviceArea,
          notes: p.notes,
          updated_at: meta.at,
          updated_by: meta.by,
        })),
      )
    },
  }
}
