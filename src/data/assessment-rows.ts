import type { Answer, AnswerContent } from '../domain/assessment/answer'
import type { CarryOverDecision } from '../domain/assessment/carry-over'
import type { AssessmentState } from '../domain/assessment/workflow'
import type { Db } from './db'

/** How the assessment tables' rows are read and written, shared by the assessment repository's parts. */

export interface AssessmentRecord {
  id: number
  roundId: number
  organisationId: number
  state: AssessmentState
  revision: number
  submittedAt: Date | null
  updatedAt: Date
  /** Whether the council took last round's answers or started without them; null until someone decides. */
  carryOver: CarryOverDecision | null
}

export interface AssessmentRow {
  id: number
  round_id: number
  organisation_id: number
  state: AssessmentState
  revision: number
  submitted_at: Date | null
  updated_at: Date
  carry_over: CarryOverDecision | null
}

export interface AnswerRow {
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

export type Prefixed<T, P extends string> = { [K in keyof T as `${P}${K & string}`]: T[K] }

/** The columns of a joined row that carry a prefix, without it. */
export const unprefixed = (row: object, prefix: string): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(row)
      .filter(([name]) => name.startsWith(prefix))
      .map(([name, value]) => [name.slice(prefix.length), value]),
  )

export const toAssessment = (row: AssessmentRow): AssessmentRecord => ({
  id: row.id,
  roundId: row.round_id,
  organisationId: row.organisation_id,
  state: row.state,
  revision: row.revision,
  submittedAt: row.submitted_at,
  updatedAt: row.updated_at,
  carryOver: row.carry_over,
})

export const toAnswer = (row: AnswerRow): Answer => ({
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
export const answerRow = (
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

/** Answers with the name of who last changed each, for a query to narrow. */
export const selectAnswers = (db: Db) =>
  db('answers as a')
    .leftJoin('users as u', 'u.id', 'a.updated_by')
    .select<AnswerRow[]>('a.question_key', 'a.level', 'a.value', 'a.not_applicable', 'a.evidence', 'a.revision', 'a.updated_at', 'a.updated_by', 'u.name as updated_by_name', 'a.carried_from')
