import type { Knex } from 'knex'
import type { Answer, AnswerContent } from '../domain/assessment/answer'
import type { Db } from './db'
import { answerRow, selectAnswers, toAnswer, type AnswerRow } from './assessment-rows'
import { groupByAssessment } from './group-by-assessment'

/** Answers as they are read: one assessment's, many at once, or one to change under a lock. */
export function answerReads(knex: Knex) {
  return {
    async answers(assessmentId: number, db: Db = knex): Promise<Answer[]> {
      return (await selectAnswers(db).where('a.assessment_id', assessmentId).orderBy('a.question_key')).map(toAnswer)
    },

    /** Answers of many assessments at once (counts for progress lists), never one query per assessment. */
    async answersFor(assessmentIds: number[], db: Db = knex): Promise<Map<number, Answer[]>> {
      const rows = await selectAnswers(db).select('a.assessment_id').whereIn('a.assessment_id', assessmentIds)
      return groupByAssessment(rows as (AnswerRow & { assessment_id: number })[], toAnswer)
    },

    /** A whole round's answers by assessment, joined on the round rather than listing thousands of ids. */
    async answersForRound(roundId: number, db: Db = knex): Promise<Map<number, Answer[]>> {
      const rows = await selectAnswers(db)
        .select('a.assessment_id')
        .join('assessments as s', 's.id', 'a.assessment_id')
        .where('s.round_id', roundId)
      return groupByAssessment(rows as (AnswerRow & { assessment_id: number })[], toAnswer)
    },

    async answerForUpdate(assessmentId: number, questionKey: string, trx: Knex.Transaction): Promise<Answer | undefined> {
      const row = await selectAnswers(trx).where({ 'a.assessment_id': assessmentId, 'a.question_key': questionKey }).forUpdate('a').first()
      return row && toAnswer(row)
    },
  }
}

/** Answers as they are written in a transaction the caller holds (the locked save, carry-over) or in bulk. */
export function answerWrites(knex: Knex) {
  return {
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
  }
}
