import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { unstorableAt, UNSTORABLE_MESSAGE } from '../storable-text'
import type { QuestionnaireDefinition } from './definition'
import { limitErrors } from './limits'
import { inPlainWords } from './plain-words'
import { describeSchemaErrors } from './schema-errors'
import schema from './questionnaire.schema.json'
import { semanticErrors } from './semantic-checks'
import { questionsOf } from './usable-parts'
import {
  invalid,
  MAX_LISTED_ERRORS,
  type DefinitionError,
  type Finding,
  type ValidationResult,
} from './validation-result'

const ajv = new Ajv2020({ allErrors: true, useDefaults: true, strict: true, allowUnionTypes: true })
addFormats(ajv)
ajv.addSchema(schema)
/** The whole document but the questions' insides, which are checked one question at a time. */
const checkOutline = ajv.compile({
  ...schema,
  $id: schema.$id.replace('.schema.json', '-outline.schema.json'),
  $defs: {
    ...schema.$defs,
    theme: {
      ...schema.$defs.theme,
      properties: {
        ...schema.$defs.theme.properties,
        questions: { ...schema.$defs.theme.properties.questions, items: true },
      },
    },
  },
})
const checkQuestion = ajv.compile({ $ref: `${schema.$id}#/$defs/question` })

interface SchemaCheck {
  errors: Finding[]
  stopped: boolean
  /** The questions that passed (their defaults now filled in): only these have their own rules checked. */
  passed: Set<unknown>
}

/**
 * Every schema error, described, in the document's order; or, once more than can be listed are found,
 * those found so far. With every error asked for, the schema check costs far more than the document's size
 * where each part is wrong; checked question by question, the work stops soon after the list is full.
 */
function schemaErrors(document: unknown, input: unknown): SchemaCheck {
  const errors = checkOutline(document) ? [] : describeSchemaErrors(checkOutline.errors ?? [], input)
  const passed = new Set<unknown>()
  for (const { found, at } of questionsOf(document)) {
    if (errors.length > MAX_LISTED_ERRORS) return { errors, stopped: true, passed }
    if (checkQuestion(found)) {
      passed.add(found)
      continue
    }
    const described = (checkQuestion.errors ?? []).map(e => ({ ...e, instancePath: `${at}${e.instancePath}` }))
    errors.push(...describeSchemaErrors(described, input))
  }
  return { errors, stopped: errors.length > MAX_LISTED_ERRORS, passed }
}

/** The first problems in plain words, and a count of the rest. */
function refused(found: Finding[], input: unknown, checkingStopped = false): ValidationResult {
  const listed = invalid(found, checkingStopped)
  return { ...listed, errors: listed.errors.map(f => inPlainWords(f, input)) }
}

export interface ValidateOptions {
  /** The version this one names in `supersedes`, when it exists. */
  previous?: QuestionnaireDefinition
  /** For a document stored earlier: its supersedes was checked then, against a version that cannot change. */
  supersedesAlreadyChecked?: boolean
}

/**
 * Checks a definition against the schema and against the rules the schema cannot express, and lists every
 * problem of both kinds at once: the rules are checked on whatever parts have the shape they need, so a
 * schema error in one place hides nothing wrong in another. The input is never changed; the definition
 * returned has every default filled in.
 */
export function validateDefinition(input: unknown, options: ValidateOptions = {}): ValidationResult {
  // Counted first: the schema, checked with every error, costs far more than the document's size on a
  // document built to fail everywhere (40,000 dimensions took seconds); within the limits it is quick.
  const tooBig = limitErrors(input)
  if (tooBig.length > 0) return refused(tooBig, input, true)
  let document: unknown
  try {
    document = structuredClone(input)
  } catch {
    return refused([{ pointer: '', message: 'is not a JSON document' }], input)
  }
  const found: Finding[] = []
  // Stored as JSON, which cannot hold a NUL or half a surrogate pair: refused here rather than by the database.
  const unstorable = unstorableAt(document)
  if (unstorable !== undefined) found.push({ pointer: unstorable, message: UNSTORABLE_MESSAGE })
  const schema = schemaErrors(document, input)
  found.push(...schema.errors)
  const previous = options.supersedesAlreadyChecked ? 'already-checked' : options.previous
  found.push(...semanticErrors(document, schema.passed, previous))
  if (found.length > 0) return refused(found, input, schema.stopped)
  return { valid: true, definition: document as QuestionnaireDefinition, errors: [] }
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position)
  const line = before.split('\n').length
  return `line ${line}, column ${position - before.lastIndexOf('\n')}`
}

/** Parses uploaded text; a syntax error is reported with its line and column. */
export function parseDefinitionText(text: string): { document?: unknown; errors: DefinitionError[] } {
  if (text.trim() === '')
    return {
      errors: [inPlainWords({ pointer: '', message: 'is empty: upload a JSON file or paste the definition' }, text)],
    }
  try {
    return { document: JSON.parse(text) as unknown, errors: [] }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const position = /position (\d+)/.exec(message)?.[1]
    const where = position === undefined ? '' : ` at ${lineAndColumn(text, Number(position))}`
    const said = message.replace(/ in JSON at position \d+.*$/, '')
    return { errors: [inPlainWords({ pointer: '', message: `is not valid JSON${where}: ${said}` }, text)] }
  }
}

export type { DefinitionError, Unlisted, ValidationResult } from './validation-result'
export { supersededVersion } from './usable-parts'
