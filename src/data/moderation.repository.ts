import type { Moderation } from '../domain/assessment/moderation'
import type { Knex } from 'knex'
import type { Db } from './db'
import { groupByAssessment } from './group-by-assessment'

interface Row {
  question_key: string
  level: number
  rationale: string | null
  assessor_id: number | null
  assessor_name: string | null
  revision: number
  updated_at: Date
}

const toModeration = (r: Row): Moderation => ({
  questionKey: r.question_key,
  level: r.level,
  rationale: r.rationale,
  assessor: r.assessor_id === null ? null : { id: r.assessor_id, name: r.assessor_name ?? '' },
  revision: r.revision,
  updatedAt: r.updated_at,
})

/** Moderations with the name of the assessor who set each, for a query to narrow. */
const select = (db: Db) =>
  db('moderations as m')
    .leftJoin('users as u', 'u.id', 'm.assessor_id')
    .select<Row[]>('m.question_key', 'm.level', 'm.rationale', 'm.assessor_id', 'u.name as assessor_name', 'm.revision', 'm.updated_at')

/** Moderations and the overall comments as they are read. */
function moderationReads(knex: Knex) {
  return {
    async forAssessment(assessmentId: number, db: Db = knex): Promise<Moderation[]> {
      return (await select(db).where('m.assessment_id', assessmentId).orderBy('m.question_key')).map(toModeration)
    },

    /** Every moderation of a round's assessments, keyed by assessment: one query for a whole round. */
    async forRound(roundId: number, db: Db = knex): Promise<Map<number, Moderation[]>> {
      const rows = await select(db)
        .select('m.assessment_id')
        .join('assessments as a', 'a.id', 'm.assessment_id')
        .where('a.round_id', roundId)
        .orderBy(['m.assessment_id', 'm.question_key'])
      return groupByAssessment(rows as (Row & { assessment_id: number })[], toModeration)
    },

    /** The moderations of some assessments, by assessment. */
    async forAssessments(assessmentIds: readonly number[], db: Db = knex): Promise<Map<number, Moderation[]>> {
      const rows = await select(db)
        .select('m.assessment_id')
        .whereIn('m.assessment_id', assessmentIds)
        .orderBy(['m.assessment_id', 'm.question_key'])
      return groupByAssessment(rows as (Row & { assessment_id: number })[], toModeration)
    },

    async findForUpdate(assessmentId: number, questionKey: string, trx: Knex.Transaction): Promise<Moderation | undefined> {
      const row = await select(trx).where({ 'm.assessment_id': assessmentId, 'm.question_key': questionKey }).forUpdate('m').first()
      return row && toModeration(row)
    },

    async comments(assessmentId: number, db: Db = knex): Promise<{ moderation: string | null; returned: string | null }> {
      const row = await db('assessments')
        .where({ id: assessmentId })
        .first<{ moderation_comment: string | null; return_comment: string | null } | undefined>('moderation_comment', 'return_comment')
      return { moderation: row?.moderation_comment ?? null, returned: row?.return_comment ?? null }
    },

    /** The comment each of these assessments was last returned with, for those ever returned. */
    async returnComments(assessmentIds: readonly number[], db: Db = knex): Promise<Map<number, string>> {
      const rows = await db('assessments')
        .whereIn('id', assessmentIds)
        .whereNotNull('return_comment')
        .select<{ id: number; return_comment: string }[]>('id', 'return_comment')
      return new Map(rows.map(r => [r.id, r.return_comment]))
    },
  }
}

/** Moderations and the overall comments as they are written, one at a time or in bulk. */
function moderationWrites(knex: Knex) {
  return {
    async write(
      assessmentId: number,
      questionKey: string,
      value: { level: number; rationale: string | null; assessorId: number; revision: number; at: Date },
      db: Db = knex,
    ): Promise<void> {
      await db('moderations')
        .insert({
          assessment_id: assessmentId,
          question_key: questionKey,
          level: value.level,
          rationale: value.rationale,
          assessor_id: value.assessorId,
          revision: value.revision,
          updated_at: value.at,
        })
        .onConflict(['assessment_id', 'question_key'])
        .merge()
    },

    /** Many moderations at once, for demo data and imports; each row as write would store it. */
    async insertMany(
      rows: {
        assessmentId: number
        questionKey: string
        level: number
        rationale: string | null
        assessorId: number | null
        revision: number
        at: Date
      }[],
      db: Db = knex,
    ): Promise<void> {
      for (let i = 0; i < rows.length; i += 500) {
        await db('moderations').insert(
          rows.slice(i, i + 500).map(r => ({
            assessment_id: r.assessmentId,
            question_key: r.questionKey,
            level: r.level,
            rationale: r.rationale,
            assessor_id: r.assessorId,
            revision: r.revision,
            updated_at: r.at,
          })),
        )
      }
    },

    /** Many assessments' overall moderation comments in one statement, for demo data and imports. */
    async setModerationComments(rows: { assessmentId: number; comment: string | null }[], db: Db = knex): Promise<void> {
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500)
        await db.raw(
          `update assessments as a set moderation_comment = v.comment
             from (values ${chunk.map(() => '(?::integer, ?::text)').join(', ')}) as v(id, comment)
            where a.id = v.id`,
          chunk.flatMap(r => [r.assessmentId, r.comment]),
        )
      }
    },

    async setComments(assessmentId: number, comments: { moderation?: string | null; returned?: string | null }, db: Db = knex): Promise<void> {
      await db('assessments')
        .where({ id: assessmentId })
        .update({
          ...(comments.moderation !== undefined ? { moderation_comment: comments.moderation } : {}),
          ...(comments.returned !== undefined ? { return_comment: comments.returned } : {}),
        })
    },
  }
}

export function moderationRepository(knex: Knex) {
  return { ...moderationReads(knex), ...moderationWrites(knex) }
}

export type ModerationRepository = ReturnType<typeof moderationRepository>
