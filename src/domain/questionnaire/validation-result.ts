import type { QuestionnaireDefinition } from './definition'

/**
 * What is wrong and where, as people are told it: `message` is a whole sentence in plain words that says
 * where ("Dimension 2, theme 1, question 3: level 5 is missing"); `pointer` is the same place as a JSON
 * pointer into the uploaded document, for tools and as a secondary detail.
 */
export interface DefinitionError {
  pointer: string
  message: string
}

/**
 * A problem as a check finds it, before it is put in plain words (plain-words.ts): `message` says what is
 * wrong with the field at `pointer` ("must be 5 or less", "is missing"); with `clause`, it is a clause
 * that names its own subject ("“foo” is not a field of a question"), said of the place that holds it.
 */
export interface Finding {
  pointer: string
  message: string
  clause?: boolean
}

/** At most this many problems are listed; the rest are counted. */
export const MAX_LISTED_ERRORS = 100

/** Problems found but not listed, and whether checking stopped before it could find them all. */
export interface Unlisted {
  count: number
  checkingStopped: boolean
}

export type ValidationResult =
  | { valid: true; definition: QuestionnaireDefinition; errors: [] }
  | { valid: false; errors: DefinitionError[]; unlisted?: Unlisted }

/** Lists the first problems, and counts the rest. */
export function invalid<E extends DefinitionError | Finding>(
  errors: E[],
  checkingStopped = false,
): { valid: false; errors: E[]; unlisted?: Unlisted } {
  const count = Math.max(0, errors.length - MAX_LISTED_ERRORS)
  return {
    valid: false,
    errors: errors.slice(0, MAX_LISTED_ERRORS),
    ...(count > 0 || checkingStopped ? { unlisted: { count, checkingStopped } } : {}),
  }
}

/** One sentence after the list, saying honestly what it leaves out; nothing when it leaves out nothing. */
export function unlistedProblems(unlisted: Unlisted | undefined): string | undefined {
  if (!unlisted) return undefined
  const { count, checkingStopped } = unlisted
  const problems = `${count.toLocaleString('en-GB')} more problem${count === 1 ? '' : 's'}`
  if (count > 0 && !checkingStopped) return `And ${problems}, not listed here: fix these and check again to see them.`
  if (count > 0) {
    return `And at least ${problems}, not listed here: checking stopped there, so there may be others. Fix these and check again.`
  }
  return 'Checking stopped at the problems above, so there may be others: fix these and check again.'
}
