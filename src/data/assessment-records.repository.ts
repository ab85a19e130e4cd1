import type { Knex } from 'knex'
import type { CarryOverDecision } from '../domain/assessment/carry-over'
import type { AssessmentState } from '../domain/assessment/workflow'
import type { Db } from './db'
import { toAssessment, type AssessmentRecord, type AssessmentRow } from './assessment-rows'

/** The assessments themselves: one per organisation and round, their state and revision. */
export function assessmentRecords(knex: Knex) {
  return {
    async createForRound(roundId: number, organisationIds: number[], db: Db = knex): Promise<void> {
      if (organisationIds.length === 0) return
      await db('assessments').insert(organisationIds.map(organisation_id => ({ round_id: roundId, organisation_id })))
    },

    async findById(id: number, db: Db = knex): Promise<AssessmentRecord | undefined> {
      const row = await db<AssessmentRow>('assessments').where({ id }).first()
      return row && toAssessment(row)
    },

    /** Locks the assessment for the rest of the transaction: state changes and answer saves queue behind it. */
    async lock(id: number, trx: Knex.Transaction): Promise<AssessmentRecord | undefined> {
      const row = await trx<AssessmentRow>('assessments').where({ id }).forUpdate().first()
      return row && toAssessment(row)
    },

    async list(
      filter: { roundId?: number; organisationId?: number; ids?: readonly number[] },
      db: Db = knex,
    ): Promise<AssessmentRecord[]> {
      const query = db<AssessmentRow>('assessments').select('*').orderBy('id')
      if (filter.ids !== undefined) void query.whereIn('id', filter.ids)
      if (filter.roundId !== undefined) void query.where({ round_id: filter.roundId })
      if (filter.organisationId !== undefined) void query.where({ organisation_id: filter.organisationId })
      return (await query).map(toAssessment)
    },

    /**
     * Records whether last round's answers were taken or declined, once: false when someone decided first.
     * The caller holds the assessment's lock, so the check and the write cannot interleave with another's.
     */
    async decideCarryOver(
      id: number,
      decision: { carryOver: CarryOverDecision; by: number; at: Date },
      trx: Knex.Transaction,
    ): Promise<boolean> {
      const written = await trx('assessments')
        .where({ id })
        .whereNull('carry_over')
        .update({ carry_over: decision.carryOver, carry_over_by: decision.by, carry_over_at: decision.at })
        .returning<{ id: number }[]>('id')
      return written.length === 1
    },

    async setState(id: number, state: AssessmentState, extra: { submittedAt?: Date; submittedBy?: number }, db: Db = knex): Promise<number> {
      const [row] = await db('assessments')
        .where({ id })
        .update({
          state,
          revision: db.raw('revision + 1'),
          updated_at: db.fn.now(),
          ...(extra.submittedAt ? { submitted_at: extra.submittedAt, submitted_by: extra.submittedBy ?? null } : {}),
        })
        .returning<{ revision: number }[]>('revision')
      return row?.revision ?? 0
    },
  }
}

/** How far a round's data has moved, so copies of it (the insights caches) know when to read it again. */
export function roundDataVersions(knex: Knex) {
  return {
    /**
     * Changes whenever anything in the round's assessments does: states and revisions, and (by trigger)
     * every answer and moderation write. Every term only grows, so equal versions mean equal data.
     */
    async roundDataVersion(roundId: number, db: Db = knex): Promise<string> {
      const row = await db('assessments')
        .where({ round_id: roundId })
        .first<{ n: number; v: number | null }>(db.raw('count(*) as n'), db.raw('sum(revision + data_version) as v'))
      return `${row.n}:${row.v ?? 0}`
    },

    /**
     * Each assessment of the round with its own version (as roundDataVersion sums them), so a copy of the
     * round can tell which assessments changed and read only those again.
     */
    async versionsForRound(roundId: number, db: Db = knex): Promise<Map<number, number>> {
      const rows = await db('assessments')
        .where({ round_id: roundId })
        .select<{ id: number; version: number }[]>('id', db.raw('revision + data_version as version'))
      return new Map(rows.map(r => [r.id, r.version]))
    },

    /** How many of each round's assessments are in each state, by round id. */
    async stateCountsByRound(db: Db = knex): Promise<Map<number, Partial<Record<AssessmentState, number>>>> {
      const rows = await db('assessments')
        .groupBy('round_id', 'state')
        .select<{ round_id: number; state: AssessmentState; n: number | string }[]>('round_id', 'state', db.raw('count(*) as n'))
      const counts = new Map<number, Partial<Record<AssessmentState, number>>>()
      for (const row of rows) {
        const round = counts.get(row.round_id) ?? {}
        round[row.state] = Number(row.n)
        counts.set(row.round_id, round)
      }
      return counts
    },
  }
}
