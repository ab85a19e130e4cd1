/**
 * What is wrong with an answer, in the GOV.UK voice: "Select…", "Enter…", short, naming the question.
 * The one source of these sentences: the theme page's form, the autosave (through the API) and the
 * check before submitting all say the same words for the same problem.
 */
import type { Question } from './definition'

export type AnswerIssue =
  /** Required, visible and not answered (checked before submitting). */
  | { kind: 'missing' }
  /** A level off the scale, or a choice or options not in the list. */
  | { kind: 'not-an-option' }
  | { kind: 'none-with-others'; noneLabel: string }
  | { kind: 'not-a-number' }
  | { kind: 'not-whole' }
  | { kind: 'below-min'; min: number; max?: number }
  | { kind: 'above-max'; max: number; min?: number }
  | { kind: 'not-text' }
  | { kind: 'too-long'; limit: number }
  /** A level sent for a type answered with a value, or the other way round (the API alone can). */
  | { kind: 'wrong-part'; takes: 'level' | 'value' }
  | { kind: 'not-applicable-refused' }
  | { kind: 'not-applicable-and-answer' }
  | { kind: 'not-applicable-not-boolean' }
  | { kind: 'evidence-missing'; fromLevel?: number }
  | { kind: 'evidence-not-text' }
  | { kind: 'evidence-refused' }
  | { kind: 'evidence-too-long'; limit: number }
  | { kind: 'carried-over'; from: string }

/** Short forms of words a question key spells in lower case. */
const ACRONYMS = new Set(['ai', 'api', 'crm', 'gis', 'hr', 'ict', 'iot', 'nhs', 'send', 'tfl'])

/**
 * The question as messages name it: its `name` where the definition gives one, or else the last part of
 * its key in words ("data.infrastructure.data-platform" → "data platform"). Keys are unique within a
 * theme, and a theme page is where these messages are read.
 */
export function questionName(question: Question): string {
  if (question.name) return question.name
  const last = question.key.split('.').pop() ?? question.key
  const words = last
    .split(/[-_]+/)
    .filter(Boolean)
    .map(word => (ACRONYMS.has(word.toLowerCase()) ? word.toUpperCase() : word.toLowerCase()))
    .join(' ')
  // A number without a unit counts things: "line of business systems" is asked as "the number of" them.
  return question.type === 'number' && question.unit === undefined ? `the number of ${words}` : words
}

const count = (n: number): string => n.toLocaleString('en-GB')
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

/** Whether a number question takes whole numbers only: as its definition says, else when it has no unit. */
export const takesWholeNumbers = (question: Question): boolean =>
  question.type === 'number' && (question.wholeNumber ?? question.unit === undefined)

function missing(question: Question, name: string): string {
  switch (question.type) {
    case 'maturity':
      return `Select a maturity level for ${name}`
    case 'choice':
      return `Select an answer for ${name}`
    case 'multi':
      return `Select at least one option for ${name}`
    case 'checklist':
      return `Tick what ${name} can do today, or “None of these yet”`
    case 'number':
    case 'text':
      return `Enter ${name}`
  }
}

function notANumber(question: Question, name: string): string {
  return takesWholeNumbers(question)
    ? `Enter ${name} as a whole number, like 12`
    : `Enter ${name} as a number, like 12 or 3.5`
}

const range = (name: string, min: number, max: number): string =>
  `${capital(name)} must be between ${count(min)} and ${count(max)}`

/** The message for one problem with one question's answer. */
export function answerMessage(question: Question, issue: AnswerIssue): string {
  const name = questionName(question)
  switch (issue.kind) {
    case 'missing':
    case 'not-an-option':
      return missing(question, name)
    case 'none-with-others':
      return `Select “${issue.noneLabel}” or other options for ${name}, not both`
    case 'not-a-number':
      return notANumber(question, name)
    case 'not-whole':
      return `Enter ${name} as a whole number, like 12`
    case 'below-min':
      return issue.max === undefined
        ? `${capital(name)} must be ${count(issue.min)} or more`
        : range(name, issue.min, issue.max)
    case 'above-max':
      return issue.min === undefined
        ? `${capital(name)} must be ${count(issue.max)} or less`
        : range(name, issue.min, issue.max)
    case 'not-text':
      return `Enter ${name} as text`
    case 'too-long':
      return `${capital(name)} must be ${count(issue.limit)} characters or fewer`
    case 'wrong-part':
      return issue.takes === 'level'
        ? `${capital(name)} takes a maturity level from 1 to 5, not a value`
        : `${capital(name)} takes a value, not a level`
    case 'not-applicable-refused':
      return `${missing(question, name)}: it cannot be answered “not applicable”`
    case 'not-applicable-and-answer':
      return `Answer ${name} or say it is not applicable, not both`
    case 'not-applicable-not-boolean':
      return `Say whether ${name} is not applicable with true or false`
    case 'evidence-missing':
      return issue.fromLevel === undefined
        ? `Enter evidence for ${name}`
        : `Enter evidence for ${name}: level ${issue.fromLevel} and above need it`
    case 'evidence-not-text':
      return `Enter evidence for ${name} as text`
    case 'evidence-refused':
      return `Remove the evidence for ${name}: it does not take evidence`
    case 'evidence-too-long':
      return `Evidence for ${name} must be ${count(issue.limit)} characters or fewer`
    case 'carried-over':
      return `Confirm or change the answer carried over from ${issue.from} for ${name}`
  }
}
