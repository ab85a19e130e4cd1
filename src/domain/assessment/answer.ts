import { answerMessage, type AnswerIssue } from '../questionnaire/answer-messages'
import type { Question } from '../questionnaire/definition'
import { questionType } from '../questionnaire/types'

/** What a respondent says about one question. Unanswered: no level, no value, not N/A. */
export interface AnswerContent {
  level: number | null
  value: string | number | string[] | null
  notApplicable: boolean
  evidence: string | null
}

export interface Answer extends AnswerContent {
  questionKey: string
  revision: number
  updatedAt: Date
  updatedBy: { id: number; name: string } | null
  /** Set when the answer was carried over from an earlier round and not yet confirmed. */
  carriedFrom: string | null
}

export const EVIDENCE_MAX_LENGTH = 5000

export const EMPTY_ANSWER: AnswerContent = { level: null, value: null, notApplicable: false, evidence: null }

export function isAnswered(answer: AnswerContent | undefined): boolean {
  if (!answer) return false
  if (answer.notApplicable) return true
  if (answer.level !== null) return true
  if (Array.isArray(answer.value)) return answer.value.length > 0
  return answer.value !== null && answer.value !== ''
}

export function sameContent(a: AnswerContent, b: AnswerContent): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b))
}

const normalise = (a: AnswerContent) => ({
  level: a.level,
  value: Array.isArray(a.value) ? [...a.value].sort() : a.value,
  notApplicable: a.notApplicable,
  evidence: a.evidence === '' ? null : a.evidence,
})

export interface AnswerProblem {
  /** JSON pointer into the request body: /level, /value, /notApplicable, /evidence. */
  pointer: string
  message: string
}

/**
 * Checks what was sent for one question against its definition and returns clean content.
 * `raw` is the API body (or the form, already shaped like it).
 */
export function checkAnswer(
  question: Question,
  raw: Record<string, unknown>,
): { content?: AnswerContent; problems: AnswerProblem[] } {
  const problems: AnswerProblem[] = []
  const problem = (pointer: string, issue: AnswerIssue) =>
    problems.push({ pointer, message: answerMessage(question, issue) })
  const notApplicable = raw.notApplicable === true
  if (raw.notApplicable !== undefined && typeof raw.notApplicable !== 'boolean')
    problem('/notApplicable', { kind: 'not-applicable-not-boolean' })
  if (notApplicable && !question.allowNotApplicable) problem('/notApplicable', { kind: 'not-applicable-refused' })

  let evidence: string | null = null
  if (raw.evidence !== undefined && raw.evidence !== null) {
    if (typeof raw.evidence !== 'string') problem('/evidence', { kind: 'evidence-not-text' })
    else if (question.evidence === 'none' && raw.evidence.trim() !== '')
      problem('/evidence', { kind: 'evidence-refused' })
    else if (raw.evidence.length > EVIDENCE_MAX_LENGTH)
      problem('/evidence', { kind: 'evidence-too-long', limit: EVIDENCE_MAX_LENGTH })
    else evidence = raw.evidence.trim() === '' ? null : raw.evidence
  }

  // The level or value is the question type's own: see src/domain/questionnaire/types.
  const { level, value, problems: typed } = questionType(question).check(question, raw)
  problems.push(...typed)
  if (notApplicable && (level !== null || (value !== null && value !== '')))
    problem('/notApplicable', { kind: 'not-applicable-and-answer' })
  return problems.length > 0 ? { problems } : { content: { level, value, notApplicable, evidence }, problems }
}
