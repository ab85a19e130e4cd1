/**
 * The parts of a document, however malformed, that the rules after the schema can be checked on: each
 * read only where it has the shape the rule needs, so a broken part elsewhere neither hides a problem
 * here nor makes a check throw.
 */
import type { Question } from './definition'

export type Json = Record<string, unknown>
export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
export const listAt = (value: unknown, key: string): unknown[] => {
  const list = isObject(value) ? value[key] : undefined
  return Array.isArray(list) ? list : []
}

/** A key the schema takes: text of 1 to 100 characters. */
export const usableKey = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length >= 1 && value.length <= 100 ? value : undefined

export interface QuestionSpot {
  /** The question as found, whatever its shape. */
  found: unknown
  at: string
  key: string | undefined
  /** The question, when it passed the schema (defaults filled in): only then are its own rules checked. */
  question: Question | undefined
}

/** Every question in document order, with where it is. */
export function questionsOf(document: unknown): { found: unknown; at: string }[] {
  return listAt(document, 'dimensions').flatMap((dimension, d) =>
    listAt(dimension, 'themes').flatMap((theme, t) =>
      listAt(theme, 'questions').map((found, q) => ({ found, at: `/dimensions/${d}/themes/${t}/questions/${q}` })),
    ),
  )
}

export function questionSpots(document: unknown, passedSchema: ReadonlySet<unknown>): QuestionSpot[] {
  return questionsOf(document).map(({ found, at }) => ({
    found,
    at,
    key: usableKey(isObject(found) ? found.key : undefined),
    question: passedSchema.has(found) ? (found as Question) : undefined,
  }))
}

/** Every dimension, theme and question key in document order, with where it is. */
export function keysOf(document: unknown): { key: string; at: string }[] {
  const keys: { key: string; at: string }[] = []
  const claim = (holder: unknown, at: string) => {
    const key = usableKey(isObject(holder) ? holder.key : undefined)
    if (key !== undefined) keys.push({ key, at: `${at}/key` })
  }
  listAt(document, 'dimensions').forEach((dimension, d) => {
    claim(dimension, `/dimensions/${d}`)
    listAt(dimension, 'themes').forEach((theme, t) => {
      claim(theme, `/dimensions/${d}/themes/${t}`)
      listAt(theme, 'questions').forEach((question, q) =>
        claim(question, `/dimensions/${d}/themes/${t}/questions/${q}`),
      )
    })
  })
  return keys
}

/** The version a document says it supersedes, and its own key, when both are there to look it up by. */
export function supersededVersion(document: unknown): { key: string; version: number } | undefined {
  const key = usableKey(isObject(document) ? document.key : undefined)
  const supersedes = isObject(document) ? document.supersedes : undefined
  const version = isObject(supersedes) ? supersedes.version : undefined
  return key !== undefined && typeof version === 'number' && Number.isSafeInteger(version) && version >= 1
    ? { key, version }
    : undefined
}
