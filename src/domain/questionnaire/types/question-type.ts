/**
 * What every question type must say about itself, after DEFRA forms-engine-plugin's components: one
 * module per type owns its answer's checks, score, views and export, so a type is added in one place.
 */
import type { AnswerContent, AnswerProblem } from '../../assessment/answer'
import type { CellValue } from '../../spreadsheet-safe'
import type { Question, ScaleLevel } from '../definition'
import type { Finding } from '../validation-result'

/** The type-specific part of an answer once checked: the level or value, or what is wrong with it. */
export interface CheckedPart {
  level: number | null
  value: AnswerContent['value']
  problems: AnswerProblem[]
}

/** One question's own fields of a theme page's form, as posted (plain strings, no request). */
export interface FormFields {
  choice?: string
  value?: string | string[]
}

/** The part of the API body a type reads, made from the form fields. */
export interface BodyPart {
  level?: unknown
  value?: unknown
}

/** Where a question's fields sit on the page and how they are named. */
export interface FieldContext {
  /** The id of the first field, which error summaries link to. */
  id: string
  /** The base of every field name, `answers[KEY]`. */
  name: string
  /** The scale's levels, for types that show them. */
  levels: readonly ScaleLevel[]
  /** Whether the field is shown in error. */
  invalid: boolean
  /** Names to offer as the answer is typed (a service area's systems), where the page has them. */
  suggestions?: readonly string[]
}

export interface RadioItem {
  id: string
  value: string
  label: string
  checked: boolean
  hint?: { id: string; text: string }
}

export interface CheckboxItem {
  id: string
  value: string
  label: string
  checked: boolean
  /** "None of these": unticks the others, and is set apart by a divider. */
  exclusive: boolean
}

/** The control a respondent answers with, finished: the partial named by `kind` only prints it. */
export type RespondentControl =
  | { kind: 'radios'; name: string; small: boolean; items: RadioItem[]; notApplicable?: RadioItem }
  | { kind: 'checkboxes'; name: string; items: CheckboxItem[] }
  | {
      kind: 'number'
      id: string
      name: string
      value: string
      unit?: string
      inputmode: 'numeric' | 'decimal'
      invalid: boolean
    }
  | {
      kind: 'text'
      id: string
      name: string
      value: string
      limit: CharacterLimit
      invalid: boolean
      /** Offered names: a one-line box with a list to pick from, in place of the text area. */
      suggestions?: { id: string; names: readonly string[] }
    }

/**
 * A text box's limit, for GOV.UK Frontend's character count: `text` is its hint without JavaScript, and
 * `id` is the field's id with `-info`, where the component looks for it.
 */
export interface CharacterLimit {
  id: string
  text: string
  maxLength: number
}

/** An answer in words; `detail` says more where the type has more to say (a level's descriptor). */
export interface AnswerWords {
  text: string
  detail?: string
}

/** An answer's cells in the answers export. */
export interface ExportCells {
  self: number | null
  moderated: number | null
  value: CellValue
}

export interface Scoring<Q extends Question> {
  /** Whether answers to this question score at all (a choice scores only when its options carry scores). */
  isScored(question: Q): boolean
  /** The answer's score, or null; `moderated` is the assessor's level where the basis uses one. */
  score(question: Q, answer: AnswerContent | undefined, moderated: number | undefined): number | null
}

/** An answer a later question's showIf may name, with the words a respondent knows it by. */
export interface ShowIfAnswer {
  value: string | number
  label: string
}

export interface QuestionTypeModule<Q extends Question> {
  /** Checks the level or value sent in the JSON API body (or the form made into one). */
  check(question: Q, raw: Record<string, unknown>): CheckedPart
  /** Reads this type's form fields into the API body's shape, for `check`. */
  fromForm(question: Q, posted: FormFields): BodyPart
  /** How answers score; null says, on purpose, that this type is context and never scored. */
  scoring: Scoring<Q> | null
  /** The control a respondent answers with. */
  respondentView(question: Q, answer: AnswerContent | undefined, context: FieldContext): RespondentControl
  /** A given answer (not "not applicable") in words, as assessors and summaries show it. */
  assessorView(question: Q, answer: AnswerContent, levels: readonly ScaleLevel[]): AnswerWords
  /** An answer's cells in the answers export. */
  exportCells(question: Q, answer: AnswerContent | undefined, moderated: number | undefined): ExportCells
  /** What the schema cannot check of this type's definition; `at` points at the question. */
  checkDefinition(question: Q, at: string): Finding[]
  /** The answers a later question's showIf may name; null when showIf cannot follow this type. */
  showIfAnswers: ((question: Q) => ShowIfAnswer[]) | null
}
