import Ajv2020, { type ErrorObject } from 'ajv/dist/2020'
import { describeSchemaErrors } from '../questionnaire/schema-errors'
import { pointer } from '../questionnaire/json-pointer'
import { invalid, type DefinitionError, type Finding, type Unlisted } from '../questionnaire/validation-result'
import { unstorableAt, UNSTORABLE_MESSAGE } from '../storable-text'
import type { StandardDefinition } from './estate'
import schema from './standard.schema.json'

export const MAX_STANDARD_POINTS = 100

const ajv = new Ajv2020({ allErrors: true, strict: true })
const checkSchema = ajv.compile(schema)

export type StandardValidationResult =
  | { valid: true; definition: StandardDefinition; errors: [] }
  | { valid: false; errors: DefinitionError[]; unlisted?: Unlisted }

const tokensOf = (at: string): string[] =>
  at === ''
    ? []
    : at
        .split('/')
        .slice(1)
        .map(t => t.replace(/~1/g, '/').replace(/~0/g, '~'))

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The errors ajv says in its own words, here said in ours; the rest are described as questionnaires' are. */
function ownWords(error: ErrorObject): Finding | undefined {
  const p = error.params as Record<string, unknown>
  if (error.keyword === 'pattern')
    return {
      pointer: error.instancePath,
      message: 'must be lower-case letters, digits and hyphens, starting with a letter, like “open-standards”',
    }
  if (error.keyword === 'additionalProperties') {
    const name = String(p.additionalProperty)
    const holder = error.instancePath === '' ? 'a standard' : 'a point'
    return {
      pointer: `${error.instancePath}${pointer(name)}`,
      message: `“${name}” is not a field of ${holder}`,
      clause: true,
    }
  }
  return undefined
}

function schemaFindings(document: unknown): Finding[] {
  if (checkSchema(document)) return []
  const errors = checkSchema.errors ?? []
  const found: Finding[] = []
  const rest: ErrorObject[] = []
  for (const error of errors) {
    const said = ownWords(error)
    if (said) found.push(said)
    else rest.push(error)
  }
  return [...found, ...describeSchemaErrors(rest, document)]
}

/** The rules a schema cannot say: each point's key and title used once. */
function ruleFindings(document: unknown): Finding[] {
  if (!isRecord(document) || !Array.isArray(document.points)) return []
  const found: Finding[] = []
  const keys = new Map<string, number>()
  const titles = new Map<string, number>()
  document.points.forEach((point: unknown, i) => {
    if (!isRecord(point)) return
    if (typeof point.key === 'string') {
      const first = keys.get(point.key)
      if (first === undefined) keys.set(point.key, i)
      else found.push({ pointer: pointer('points', i, 'key'), message: `is the same as point ${first + 1}’s key` })
    }
    if (typeof point.title === 'string' && point.title.trim() !== '') {
      const said = point.title.trim().toLowerCase()
      const first = titles.get(said)
      if (first === undefined) titles.set(said, i)
      else found.push({ pointer: pointer('points', i, 'title'), message: `is the same as point ${first + 1}’s title` })
    }
  })
  return found
}

/** "Point 3 (key “open-standards”): title is missing": where, as people count, then what. */
export function standardProblemInWords(found: Finding, document: unknown): DefinitionError {
  const tokens = tokensOf(found.pointer)
  let place = 'The standard'
  let rest = tokens
  if (tokens[0] === 'points' && tokens[1] !== undefined && /^\d{1,9}$/.test(tokens[1])) {
    const index = Number(tokens[1])
    const point: unknown = isRecord(document) && Array.isArray(document.points) ? document.points[index] : undefined
    const key = isRecord(point) ? point.key : undefined
    rest = tokens.slice(2)
    const named = typeof key === 'string' && key.length <= 100 && !(rest.length === 1 && rest[0] === 'key')
    place = `Point ${index + 1}${named ? ` (key “${key}”)` : ''}`
  } else if (tokens.length > 0 && !found.clause) {
    const field = tokens.join(' ')
    return { pointer: found.pointer, message: `${field.charAt(0).toUpperCase()}${field.slice(1)} ${found.message}` }
  }
  const field = rest.join(' ')
  const message = found.clause
    ? `${place}: ${found.message}`
    : field === ''
      ? `${place} ${found.message}`
      : `${place}: ${field} ${found.message}`
  return { pointer: found.pointer, message }
}

/**
 * Checks a standard's document against its schema and its rules, and lists every problem at once, each
 * naming its place. The input is never changed.
 */
export function validateStandard(input: unknown): StandardValidationResult {
  const refuse = (found: Finding[], stopped = false): StandardValidationResult => {
    const listed = invalid(found, stopped)
    return { ...listed, errors: listed.errors.map(f => standardProblemInWords(f, input)) }
  }
  // Counted first, so a document with a million points is not checked point by point.
  if (isRecord(input) && Array.isArray(input.points) && input.points.length > MAX_STANDARD_POINTS)
    return refuse([{ pointer: '/points', message: `must have no more than ${MAX_STANDARD_POINTS} items` }], true)
  const found: Finding[] = []
  const unstorable = unstorableAt(input)
  if (unstorable !== undefined) found.push({ pointer: unstorable, message: UNSTORABLE_MESSAGE })
  found.push(...schemaFindings(input), ...ruleFindings(input))
  if (found.length > 0) return refuse(found)
  return { valid: true, definition: structuredClone(input) as StandardDefinition, errors: [] }
}
