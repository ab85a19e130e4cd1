import type { Knex } from 'knex'
import type { Answer, AnswerContent } from '../domain/assessment/answer'
import type { AssessmentState } from '../domain/assessment/workflow'
import type { Db } from './db'
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

export function assessmentRepository(knex: Knex) {
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

    async list(filter: { roundId?: number; organisationId?: number }, db: Db = knex): Promise<AssessmentRecord[]> {
      const query = db<AssessmentRow>('assessments').select('*').orderBy('id')
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
      const row = {
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
      }
      await db('answers').insert(row).onConflict(['assessment_id', 'question_key']).merge()
    },
  }
}

export type AssessmentRepository = ReturnType<typeof assessmentRepository>
