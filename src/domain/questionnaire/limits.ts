import { pointer } from './json-pointer'
import type { DefinitionError } from './validation-result'

/** The largest definition file or pasted text taken; the shipped ones are under 100 KB. */
export const MAX_DEFINITION_BYTES = 1024 * 1024

/**
 * How much one questionnaire may hold. The shipped ones hold 5 dimensions, 24 themes (9 at most in one
 * dimension), 50 questions (8 at most in one theme), 9 options at most to a question and under 800 values
 * in all; these limits are several times that. They are counted before the schema is checked, so a
 * document built to be slow to check is refused in a few milliseconds. The schema says the same per list.
 */
export const LIMITS = {
  dimensions: 20,
  themesPerDimension: 50,
  themes: 200,
  questionsPerTheme: 100,
  questions: 500,
  optionsPerQuestion: 50,
  showIfValues: 50,
  keyMapEntries: 500,
  keyMapTargets: 20,
  scaleLevels: 5,
  fieldsPerObject: 30,
  values: 20_000,
  depth: 12,
} as const

const count = (n: number): string => n.toLocaleString('en-GB')

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const listAt = (value: unknown, key: string): unknown[] | undefined => {
  const list = isObject(value) ? value[key] : undefined
  return Array.isArray(list) ? list : undefined
}

/** Walks the whole document without recursion: how many values, how deep, and objects with too many fields. */
function shapeErrors(document: unknown, errors: DefinitionError[]): void {
  const stack: { value: unknown; at: string; depth: number }[] = [{ value: document, at: '', depth: 0 }]
  let values = 0
  const tooMany = () =>
    errors.push({
      pointer: '',
      message: `holds more than ${count(LIMITS.values)} values: a questionnaire may hold at most ${count(LIMITS.values)} (texts, numbers, lists and fields together)`,
    })
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value, at, depth } = next
    if (++values > LIMITS.values) {
      tooMany()
      return
    }
    if (typeof value !== 'object' || value === null) continue
    if (depth >= LIMITS.depth) {
      errors.push({
        pointer: at,
        message: `is nested too deeply: a questionnaire goes at most ${LIMITS.depth} levels deep`,
      })
      return
    }
    const keys = Object.keys(value)
    const isKeyMap = at === '/supersedes/keyMap'
    if (!Array.isArray(value) && !isKeyMap && keys.length > LIMITS.fieldsPerObject) {
      errors.push({
        pointer: at,
        message: `has ${count(keys.length)} fields: an object in a questionnaire has at most ${LIMITS.fieldsPerObject}`,
      })
      return
    }
    for (const key of keys) {
      const child = (value as Json)[key]
      // Texts and numbers are only counted, so their place is never spelt out.
      if (typeof child === 'object' && child !== null)
        stack.push({ value: child, at: `${at}${pointer(key)}`, depth: depth + 1 })
      else if (++values > LIMITS.values) {
        tooMany()
        return
      }
    }
  }
}

/**
 * The limits above, checked by counting alone, before the schema. Each list too long is named once; the
 * whole walk is bounded by the number of values, so it costs little however the document was built.
 */
export function limitErrors(document: unknown): DefinitionError[] {
  const errors: DefinitionError[] = []
  const over = (at: string, list: unknown[] | undefined, limit: number, what: string) => {
    if (list && list.length > limit)
      errors.push({ pointer: at, message: `has ${count(list.length)} items: ${what.replace('{n}', count(limit))}` })
  }
  over(
    '/scale/levels',
    listAt(isObject(document) ? document.scale : undefined, 'levels'),
    LIMITS.scaleLevels,
    'a scale has exactly {n} levels',
  )
  const dimensions = listAt(document, 'dimensions') ?? []
  over('/dimensions', dimensions, LIMITS.dimensions, 'a questionnaire may hold at most {n} dimensions')
  let themes = 0
  let questions = 0
  for (const [d, dimension] of dimensions.slice(0, LIMITS.dimensions).entries()) {
    const inDimension = listAt(dimension, 'themes') ?? []
    over(
      pointer('dimensions', d, 'themes'),
      inDimension,
      LIMITS.themesPerDimension,
      'a dimension may hold at most {n} themes',
    )
    themes += inDimension.length
    for (const [t, theme] of inDimension.slice(0, LIMITS.themesPerDimension).entries()) {
      const inTheme = listAt(theme, 'questions') ?? []
      const at = pointer('dimensions', d, 'themes', t, 'questions')
      over(at, inTheme, LIMITS.questionsPerTheme, 'a theme may hold at most {n} questions')
      questions += inTheme.length
      for (const [q, question] of inTheme.slice(0, LIMITS.questionsPerTheme).entries()) {
        over(
          `${at}/${q}/options`,
          listAt(question, 'options'),
          LIMITS.optionsPerQuestion,
          'a question may list at most {n} options',
        )
        const showIf = isObject(question) ? question.showIf : undefined
        over(
          `${at}/${q}/showIf/values`,
          listAt(showIf, 'values'),
          LIMITS.showIfValues,
          'showIf may list at most {n} values',
        )
      }
    }
  }
  if (themes > LIMITS.themes)
    errors.push({
      pointer: '/dimensions',
      message: `hold ${count(themes)} themes: a questionnaire may hold at most ${count(LIMITS.themes)} themes`,
    })
  if (questions > LIMITS.questions)
    errors.push({
      pointer: '/dimensions',
      message: `hold ${count(questions)} questions: a questionnaire may hold at most ${count(LIMITS.questions)} questions`,
    })
  const supersedes = isObject(document) ? document.supersedes : undefined
  const keyMap = isObject(supersedes) ? supersedes.keyMap : undefined
  if (isObject(keyMap)) {
    const entries = Object.entries(keyMap)
    if (entries.length > LIMITS.keyMapEntries)
      errors.push({
        pointer: '/supersedes/keyMap',
        message: `has ${count(entries.length)} entries: a keyMap may hold at most ${count(LIMITS.keyMapEntries)}`,
      })
    for (const [key, target] of entries.slice(0, LIMITS.keyMapEntries))
      if (Array.isArray(target))
        over(
          pointer('supersedes', 'keyMap', key),
          target,
          LIMITS.keyMapTargets,
          'an old question may become at most {n} new ones',
        )
  }
  // Too many items already named is enough to stop; otherwise the whole document is sized up.
  if (errors.length === 0) shapeErrors(document, errors)
  return errors
}
