import type { Question } from '../questionnaire/definition'
import { LEVEL_VALUES } from '../questionnaire/definition'

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
  const notApplicable = raw.notApplicable === true
  if (raw.notApplicable !== undefined && typeof raw.notApplicable !== 'boolean') {
    problems.push({ pointer: '/notApplicable', message: 'must be true or false' })
  }
  if (notApplicable && !question.allowNotApplicable) {
    problems.push({ pointer: '/notApplicable', message: 'this question cannot be answered “not applicable”' })
  }

  let evidence: string | null = null
  if (raw.evidence !== undefined && raw.evidence !== null) {
    if (typeof raw.evidence !== 'string') problems.push({ pointer: '/evidence', message: 'must be text' })
    else if (question.evidence === 'none' && raw.evidence.trim() !== '')
      problems.push({ pointer: '/evidence', message: 'this question does not take evidence' })
    else if (raw.evidence.length > EVIDENCE_MAX_LENGTH) {
      problems.push({
        pointer: '/evidence',
        message: `must be ${EVIDENCE_MAX_LENGTH.toLocaleString('en-GB')} characters or fewer`,
      })
    } else evidence = raw.evidence.trim() === '' ? null : raw.evidence
  }

  let level: number | null = null
  let value: AnswerContent['value'] = null
  const hasLevel = raw.level !== undefined && raw.level !== null
  const hasValue = raw.value !== undefined && raw.value !== null
  if (question.type === 'maturity') {
    if (hasValue) problems.push({ pointer: '/value', message: 'a maturity question takes a level, not a value' })
    if (hasLevel) {
      if (typeof raw.level !== 'number' || !LEVEL_VALUES.includes(raw.level as 1))
        problems.push({ pointer: '/level', message: 'must be a whole number from 1 to 5' })
      else level = raw.level
    }
  } else {
    if (hasLevel)
      problems.push({ pointer: '/level', message: `a ${question.type} question takes a value, not a level` })
    if (hasValue) {
      const checked = checkValue(question, raw.value)
      if ('problem' in checked) problems.push({ pointer: '/value', message: checked.problem })
      else value = checked.value
    }
  }
  if (notApplicable && (level !== null || (value !== null && value !== ''))) {
    problems.push({ pointer: '/notApplicable', message: 'an answer cannot be both given and “not applicable”' })
  }
  return problems.length > 0 ? { problems } : { content: { level, value, notApplicable, evidence }, problems }
}

function checkValue(
  question: Exclude<Question, { type: 'maturity' }>,
  raw: unknown,
): { value: AnswerContent['value'] } | { problem: string } {
  switch (question.type) {
    case 'choice': {
      const allowed = question.options.map(o => o.value)
      return typeof raw === 'string' && allowed.includes(raw)
        ? { value: raw }
        : { problem: `must be one of ${allowed.map(a => `“${a}”`).join(', ')}` }
    }
    case 'multi': {
      const allowed = question.options.map(o => o.value)
      if (!Array.isArray(raw) || raw.some(v => typeof v !== 'string' || !allowed.includes(v))) {
        return { problem: `must be a list of any of ${allowed.map(a => `“${a}”`).join(', ')}` }
      }
      const chosen = [...new Set(raw as string[])]
      // By convention an option valued "none" means none of the others, so it stands alone.
      if (chosen.includes('none') && chosen.length > 1) return { problem: '“none” cannot be chosen with other options' }
      return { value: chosen }
    }
    case 'number': {
      const n =
        typeof raw === 'number'
          ? raw
          : typeof raw === 'string' && /^\s*-?[\d,]*\.?\d+\s*$/.test(raw)
            ? Number(raw.replace(/,/g, ''))
            : NaN
      if (typeof raw === 'string' && raw.trim() === '') return { value: null }
      if (!Number.isFinite(n)) return { problem: 'must be a number, like 12 or 3.5' }
      if (question.min !== undefined && n < question.min) return { problem: `must be ${question.min} or more` }
      if (question.max !== undefined && n > question.max) return { problem: `must be ${question.max} or less` }
      return { value: n }
    }
    case 'text': {
      if (typeof raw !== 'string') return { problem: 'must be text' }
      if (raw.length > question.maxLength)
        return { problem: `must be ${question.maxLength.toLocaleString('en-GB')} characters or fewer` }
      return { value: raw.trim() === '' ? null : raw }
    }
  }
}
