/**
 * The registry of question types. Its type lists every QuestionType, each with a module that has every
 * behaviour of QuestionTypeModule, so a type added to the definition without a complete module here
 * does not compile. Adding one is a new file beside these, its test, and its definition and schema entry.
 */
import type { Question, QuestionType } from '../definition'
import { checklist } from './checklist'
import { choice } from './choice'
import { maturity } from './maturity'
import { multi } from './multi'
import { number } from './number'
import type { QuestionTypeModule } from './question-type'
import { text } from './text'

export type * from './question-type'

export type QuestionOfType<T extends QuestionType> = Extract<Question, { type: T }>

export const questionTypes: { readonly [T in QuestionType]: QuestionTypeModule<QuestionOfType<T>> } = {
  // In this order so messages listing types read as they always have: "a choice, multi or maturity question".
  choice,
  multi,
  checklist,
  maturity,
  number,
  text,
}

/**
 * The module for a question's own type. TypeScript cannot correlate `question.type` with the mapped
 * type above, so this is the one place that says they match; the registry's type is what guarantees it.
 */
export function questionType<Q extends Question>(question: Q): QuestionTypeModule<Q> {
  return questionTypes[question.type] as unknown as QuestionTypeModule<Q>
}

/** The types a later question's showIf may follow, in registry order. */
export const SHOW_IF_TYPES: readonly QuestionType[] = (Object.keys(questionTypes) as QuestionType[]).filter(
  t => questionTypes[t].showIfAnswers !== null,
)
