import type { Knex } from 'knex'
import { deafFeed, type ChangeFeed } from '../db/change-feed'
import type { Answer, AnswerContent } from '../domain/assessment/answer'
import type { Round } from '../domain/assessment/round'
import { toAuditRow, type AuditEventInput } from './audit.repository'
import { toRound, type RoundRow } from './round.repository'
import { answerReads, answerWrites } from './answer.repository'
import { assessmentRecords, roundDataVersions } from './assessment-records.repository'
import {
  answerRow,
  toAnswer,
  toAssessment,
  unprefixed,
  type AnswerRow,
  type AssessmentRecord,
  type AssessmentRow,
  type Prefixed,
} from './assessment-rows'

export type { AssessmentRecord } from './assessment-rows'

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
      and r.cancelled_at is null
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

/** The autosave's own path: what a save needs to know, read in one trip, and the guarded one-statement write. */
function answerSaves(knex: Knex, changes: ChangeFeed) {
  return {
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
          ...['id', 'name', 'opens_on', 'closes_on', 'closed_at', 'cancelled_at'].map(c => `r.${c} as round_${c}`),
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

/**
 * Assessments and their answers, as one repository built of its parts: the assessment records, answer
 * reads and writes, the round data versions the insights caches compare, and the autosave's path.
 */
export function assessmentRepository(knex: Knex, changes: ChangeFeed = deafFeed()) {
  return {
    ...assessmentRecords(knex),
    ...answerReads(knex),
    ...roundDataVersions(knex),
    ...answerWrites(knex),
    ...answerSaves(knex, changes),
  }
}

export type AssessmentRepository = ReturnType<typeof assessmentRepository>
