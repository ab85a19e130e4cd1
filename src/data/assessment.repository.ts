import type { Knex } from 'knex'
import { deafFeed, type ChangeFeed } from '../db/change-feed'
import type { Answer, AnswerContent } from '../domain/assessment/answer'
import type { Round } from '../domain/assessment/round'
import type { AssessmentState } from '../domain/assessment/workflow'
import { toAuditRow, type AuditEventInput } from './audit.repository'
import type { Db } from './db'
import { toRound, type RoundRow } from './round.repository'
import { groupByAssessment } from './group-by-assessment'

export interface AssessmentRecord {
  id: number
  roundId: number
  organisationId: number
  state: AssessmentState
  revision: number
  submittedAt: Date | null
  updatedAt: Date
}

interface AssessmentRow {
  id: number
  round_id: number
  organisation_id: number
  state: AssessmentState
  revision: number
  submitted_at: Date | null
  updated_at: Date
}

interface AnswerRow {
  question_key: string
  level: number | null
  value: AnswerContent['value']
  not_applicable: boolean
  evidence: string | null
  revision: number
  updated_at: Date
  updated_by: number | null
  updated_by_name: string | null
  carried_from: string | null
}

type Prefixed<T, P extends string> = { [K in keyof T as `${P}${K & string}`]: T[K] }

/** The columns of a joined row that carry a prefix, without it. */
const unprefixed = (row: object, prefix: string): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(row)
      .filter(([name]) => name.startsWith(prefix))
      .map(([name, value]) => [name.slice(prefix.length), value]),
  )

const toAssessment = (row: AssessmentRow): AssessmentRecord => ({
  id: row.id,
  roundId: row.round_id,
  organisationId: row.organisation_id,
  state: row.state,
  revision: row.revision,
  submittedAt: row.submitted_at,
  updatedAt: row.updated_at,
})

const toAnswer = (row: AnswerRow): Answer => ({
  questionKey: row.question_key,
  level: row.level,
  value: row.value,
  notApplicable: row.not_applicable,
  evidence: row.evidence,
  revision: row.revision,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by === null ? null : { id: row.updated_by, name: row.updated_by_name ?? '' },
  carriedFrom: row.carried_from,
})

/** An answer as a row of the answers table. */
const answerRow = (
  assessmentId: number,
  questionKey: string,
  content: AnswerContent,
  meta: { revision: number; at: Date; by: number | null; carriedFrom: string | null },
) => ({
  assessment_id: assessmentId,
  question_key: questionKey,
  level: content.level,
  value: content.value === null ? null : JSON.stringify(content.value),
  not_applicable: content.notApplicable,
  evidence: content.evidence,
  revision: meta.revision,
  updated_at: meta.at,
  updated_by: meta.by,
  carried_from: meta.carriedFrom,
})

/** What saving one answer needs to know first, as it stood when read. */
export interface AnswerSaveContext {
  assessment: AssessmentRecord
  round: Round
  answer: Answer | undefined
}

/**
 * Writes one answer and its audit event in a single statement, on condition that nothing moved since
 * they were read: the assessment is at `assessmentRevision` (no state change), its round open with the
 * dates it was read with, and the answer at `answerRevision` (0 for none). The assessment row is locked
 * first, as every save does. One round trip instead of five; false when the condition failed and nothing
 * was written. A save that goes ahead is announced by the app once committed, not by the triggers
 * (`ldm.announced`, migration 20261130010000).
 */
const WRITE_IF_CURRENT = `
  with target as (
    select s.id, set_config('ldm.announced', 'on', true) from assessments s join rounds r on r.id = s.round_id
    where s.id = ? and s.revision = ? and r.opens_on = ?::date and r.closes_on = ?::date and r.closed_at is null
    for update of s
  ), written as (
    insert into answers (assessment_id, question_key, level, value, not_applicable, evidence, revision, updated_at, updated_by, carried_from)
    select target.id, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, null from target
    on conflict (assessment_id, question_key) do update set
      level = excluded.level, value = excluded.value, not_applicable = excluded.not_applicable,
      evidence = excluded.evidence, revision = excluded.revision, updated_at = excluded.updated_at,
      updated_by = excluded.updated_by, carried_from = excluded.carried_from
    where answers.revision = ?
    returning assessment_id
  ), audited as (
    insert into audit_events (at, actor_user_id, action, entity_type, entity_id, before, after)
    select ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb from written
  )
  select count(*)::int as written from written`

export function assessmentRepository(knex: Knex, changes: ChangeFeed = deafFeed()) {
  const answers = (db: Db) =>
    db('answers as a')
      .leftJoin('users as u', 'u.id', 'a.updated_by')
      .select<AnswerRow[]>('a.question_key', 'a.level', 'a.value', 'a.not_applicable', 'a.evidence', 'a.revision', 'a.updated_at', 'a.updated_by', 'u.name as updated_by_name', 'a.carried_from')

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

    async answers(assessmentId: number, db: Db = knex): Promise<Answer[]> {
      return (await answers(db).where('a.assessment_id', assessmentId).orderBy('a.question_key')).map(toAnswer)
    },

    /** Answers of many assessments at once (counts for progress lists), never one query per assessment. */
    async answersFor(assessmentIds: number[], db: Db = knex): Promise<Map<number, Answer[]>> {
      const rows = await answers(db).select('a.assessment_id').whereIn('a.assessment_id', assessmentIds)
      return groupByAssessment(rows as (AnswerRow & { assessment_id: number })[], toAnswer)
    },

    /** A whole round's answers by assessment, joined on the round rather than listing thousands of ids. */
    async answersForRound(roundId: number, db: Db = knex): Promise<Map<number, Answer[]>> {
      const rows = await answers(db)
        .select('a.assessment_id')
        .join('assessments as s', 's.id', 'a.assessment_id')
        .where('s.round_id', roundId)
      return groupByAssessment(rows as (AnswerRow & { assessment_id: number })[], toAnswer)
    },

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

    async answerForUpdate(assessmentId: number, questionKey: string, trx: Knex.Transaction): Promise<Answer | undefined> {
      const row = await answers(trx).where({ 'a.assessment_id': assessmentId, 'a.question_key': questionKey }).forUpdate('a').first()
      return row && toAnswer(row)
    },

    /** Many answers at once, for demo data and imports; each row as writeAnswer would store it. */
    async insertAnswers(
      rows: { assessmentId: number; questionKey: string; content: AnswerContent; revision: number; at: Date; by: number | null }[],
      db: Db = knex,
    ): Promise<void> {
      for (let i = 0; i < rows.length; i += 500) {
        await db('answers').insert(
          rows.slice(i, i + 500).map(r => ({
            assessment_id: r.assessmentId,
            question_key: r.questionKey,
            level: r.content.level,
            value: r.content.value === null ? null : JSON.stringify(r.content.value),
            not_applicable: r.content.notApplicable,
            evidence: r.content.evidence,
            revision: r.revision,
            updated_at: r.at,
            updated_by: r.by,
          })),
        )
      }
    },

    async writeAnswer(
      assessmentId: number,
      questionKey: string,
      content: AnswerContent,
      meta: { revision: number; at: Date; by: number | null; carriedFrom: string | null },
      db: Db = knex,
    ): Promise<void> {
      await db('answers')
        .insert(answerRow(assessmentId, questionKey, content, meta))
        .onConflict(['assessment_id', 'question_key'])
        .merge()
    },

    /** The assessment, its round and one of its answers, in one round trip. */
    async answerSaveContext(id: number, questionKey: string): Promise<AnswerSaveContext | undefined> {
      const row = await knex('assessments as s')
        .join('rounds as r', 'r.id', 's.round_id')
        .join('questionnaire_versions as q', 'q.id', 'r.questionnaire_version_id')
        .leftJoin('answers as a', join => {
          void join.on('a.assessment_id', 's.id').andOn('a.question_key', knex.raw('?', [questionKey]))
        })
        .leftJoin('users as u', 'u.id', 'a.updated_by')
        .where('s.id', id)
        .first<(AssessmentRow & Prefixed<RoundRow, 'round_'> & Prefixed<{ [K in keyof AnswerRow]: AnswerRow[K] | null }, 'answer_'>) | undefined>(
          's.*',
          ...['id', 'name', 'opens_on', 'closes_on', 'closed_at'].map(c => `r.${c} as round_${c}`),
          'q.questionnaire_key as round_questionnaire_key',
          'q.version as round_version',
          ...['question_key', 'level', 'value', 'not_applicable', 'evidence', 'revision', 'updated_at', 'updated_by', 'carried_from'].map(
            c => `a.${c} as answer_${c}`,
          ),
          'u.name as answer_updated_by_name',
        )
      if (!row) return undefined
      return {
        assessment: toAssessment(row),
        round: toRound(unprefixed(row, 'round_') as unknown as RoundRow),
        answer: row.answer_question_key === null ? undefined : toAnswer(unprefixed(row, 'answer_') as unknown as AnswerRow),
      }
    },

    /** See WRITE_IF_CURRENT. */
    async writeAnswerIfCurrent(
      guard: {
        assessmentId: number
        assessmentRevision: number
        round: Pick<Round, 'opensOn' | 'closesOn'>
        questionKey: string
        answerRevision: number
      },
      content: AnswerContent,
      meta: { at: Date; by: number },
      event: AuditEventInput,
    ): Promise<boolean> {
      const row = answerRow(guard.assessmentId, guard.questionKey, content, {
        ...meta,
        revision: guard.answerRevision + 1,
        carriedFrom: null,
      })
      const audit = toAuditRow(event)
      const result = await knex.raw<{ rows: { written: number }[] }>(WRITE_IF_CURRENT, [
        guard.assessmentId,
        guard.assessmentRevision,
        guard.round.opensOn,
        guard.round.closesOn,
        row.question_key,
        row.level,
        row.value,
        row.not_applicable,
        row.evidence,
        row.revision,
        row.updated_at,
        row.updated_by,
        guard.answerRevision,
        event.at ?? meta.at,
        audit.actor_user_id,
        audit.action,
        audit.entity_type,
        audit.entity_id,
        audit.before,
        audit.after,
      ])
        // Prepared once per connection: planning this statement cost PostgreSQL more than running it.
        .options({ name: 'write_answer_if_current' })
      const written = result.rows[0]?.written === 1
      if (written) changes.announce({ kind: 'data', key: 'answers' })
      return written
    },
  }
}

export type AssessmentRepository = ReturnType<typeof assessmentRepository>
