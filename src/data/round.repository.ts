import type { Knex } from 'knex'
import type { Round } from '../domain/assessment/round'
import type { Db } from './db'

export interface RoundRow {
  id: number
  name: string
  questionnaire_key: string
  version: number
  opens_on: string
  closes_on: string
  closed_at: Date | null
  cancelled_at: Date | null
}

export const toRound = (row: RoundRow): Round => ({
  id: row.id,
  name: row.name,
  questionnaireKey: row.questionnaire_key,
  questionnaireVersion: row.version,
  opensOn: row.opens_on,
  closesOn: row.closes_on,
  closedAt: row.closed_at,
  cancelledAt: row.cancelled_at,
})

export function roundRepository(knex: Knex) {
  const select = (db: Db) =>
    db('rounds as r')
      .join('questionnaire_versions as q', 'q.id', 'r.questionnaire_version_id')
      .select<RoundRow[]>('r.id', 'r.name', 'q.questionnaire_key', 'q.version', 'r.opens_on', 'r.closes_on', 'r.closed_at', 'r.cancelled_at')

  return {
    async list(db: Db = knex): Promise<Round[]> {
      return (await select(db).orderBy([{ column: 'r.opens_on', order: 'desc' }, { column: 'r.id', order: 'desc' }])).map(toRound)
    },

    async findById(id: number, db: Db = knex): Promise<Round | undefined> {
      const row = await select(db).where('r.id', id).first()
      return row && toRound(row)
    },

    /**
     * Everything a round's cached results are shown with, as one string from one query: the round's
     * assessments (their revisions and the trigger-bumped data versions) and each table of names and
     * groupings (row count and newest row version, PostgreSQL's xmin, set by every insert and update).
     * Any change to any of them changes the string. One round trip, because each costs more than its query.
     */
    async resultsVersion(roundId: number, db: Db = knex): Promise<string> {
      const table = (name: string) => `(select count(*) || ':' || coalesce(max(xmin::text::bigint), 0) from ${name})`
      const result = await db.raw<{ rows: { v: string }[] }>(
        `select (select count(*) || ':' || coalesce(sum(revision + data_version), 0) from assessments where round_id = ?)
           || '/' || ${['rounds', 'organisations', 'partnerships', 'partnership_members'].map(table).join(" || '/' || ")} as v`,
        [roundId],
      )
      return result.rows[0]?.v ?? ''
    },

    async findByName(name: string, db: Db = knex): Promise<{ id: number } | undefined> {
      return db('rounds').whereRaw('lower(name) = lower(?)', [name]).first<{ id: number } | undefined>('id')
    },

    async create(
      input: { name: string; questionnaireVersionId: number; opensOn: string; closesOn: string; createdBy: number | null },
      db: Db = knex,
    ): Promise<number> {
      const [row] = await db('rounds')
        .insert({
          name: input.name,
          questionnaire_version_id: input.questionnaireVersionId,
          opens_on: input.opensOn,
          closes_on: input.closesOn,
          created_by: input.createdBy,
        })
        .returning<{ id: number }[]>('id')
      if (!row) throw new Error('insert returned no id')
      return row.id
    },

    async setClosesOn(id: number, closesOn: string, db: Db = knex): Promise<void> {
      await db('rounds').where({ id }).update({ closes_on: closesOn })
    },

    async close(id: number, at: Date, db: Db = knex): Promise<void> {
      await db('rounds').where({ id }).whereNull('closed_at').whereNull('cancelled_at').update({ closed_at: at })
    },

    /** Cancels a round that has not opened: only while it is neither closed nor cancelled. */
    async cancel(id: number, at: Date, db: Db = knex): Promise<void> {
      await db('rounds').where({ id }).whereNull('closed_at').whereNull('cancelled_at').update({ cancelled_at: at })
    },
  }
}

export type RoundRepository = ReturnType<typeof roundRepository>
