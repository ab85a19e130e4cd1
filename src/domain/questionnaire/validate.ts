import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { unstorableAt, UNSTORABLE_MESSAGE } from '../storable-text'
import type { QuestionnaireDefinition } from './definition'
import { limitErrors } from './limits'
import { describeSchemaErrors } from './schema-errors'
import schema from './questionnaire.schema.json'
import { semanticErrors } from './semantic-checks'
import { invalid, MAX_LISTED_ERRORS, type DefinitionError, type ValidationResult } from './validation-result'

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

const questionsOf = (document: unknown): { question: unknown; at: string }[] => {
  const list = (value: unknown, key: string): unknown[] => {
    const items = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined
    return Array.isArray(items) ? items : []
  }
  return list(document, 'dimensions').flatMap((dimension, d) =>
    list(dimension, 'themes').flatMap((theme, t) =>
      list(theme, 'questions').map((question, q) => ({ question, at: `/dimensions/${d}/themes/${t}/questions/${q}` })),
    ),
  )
}

/**
 * Every schema error, described, in the document's order; or, once more than can be listed are found,
 * those found so far. With every error asked for, the schema check costs far more than the document's size
 * where each part is wrong; checked question by question, the work stops soon after the list is full.
 */
function schemaErrors(document: unknown, input: unknown): { errors: DefinitionError[]; stopped: boolean } {
  const errors = checkOutline(document) ? [] : describeSchemaErrors(checkOutline.errors ?? [], input)
  for (const { question, at } of questionsOf(document)) {
    if (errors.length > MAX_LISTED_ERRORS) return { errors, stopped: true }
    if (checkQuestion(question)) continue
    const found = (checkQuestion.errors ?? []).map(e => ({ ...e, instancePath: `${at}${e.instancePath}` }))
    errors.push(...describeSchemaErrors(found, input))
  }
  return { errors, stopped: errors.length > MAX_LISTED_ERRORS }
}

export interface ValidateOptions {
  /** The version this one names in `supersedes`, when it exists. */
  previous?: QuestionnaireDefinition
  /** For a document stored earlier: its supersedes was checked then, against a version that cannot change. */
  supersedesAlreadyChecked?: boolean
}

/**
 * Checks a definition against the schema, then against the rules the schema cannot express.
 * The input is never changed; the definition returned has every default filled in.
 */
export function validateDefinition(input: unknown, options: ValidateOptions = {}): ValidationResult {
  // Counted first: the schema, checked with every error, costs far more than the document's size on a
  // document built to fail everywhere (40,000 dimensions took seconds); within the limits it is quick.
  const tooBig = limitErrors(input)
  if (tooBig.length > 0) return invalid(tooBig, true)
  let document: unknown
  try {
    document = structuredClone(input)
  } catch {
    return { valid: false, errors: [{ pointer: '', message: 'is not a JSON document' }] }
  }
  // Stored as JSON, which cannot hold a NUL or half a surrogate pair: refused here rather than by the database.
  const unstorable = unstorableAt(document)
  if (unstorable !== undefined) return { valid: false, errors: [{ pointer: unstorable, message: UNSTORABLE_MESSAGE }] }
  // The rules after the schema are not checked when it fails: past the listed errors there may be more.
  const schema = schemaErrors(document, input)
  if (schema.errors.length > 0) return invalid(schema.errors, schema.stopped)
  const definition = document as QuestionnaireDefinition
  const errors = semanticErrors(definition, options.supersedesAlreadyChecked ? 'already-checked' : options.previous)
  return errors.length > 0 ? invalid(errors) : { valid: true, definition, errors: [] }
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position)
  const line = before.split('\n').length
  return `line ${line}, column ${position - before.lastIndexOf('\n')}`
}

/** Parses uploaded text; a syntax error is reported with its line and column. */
export function parseDefinitionText(text: string): { document?: unknown; errors: DefinitionError[] } {
  if (text.trim() === '')
    return { errors: [{ pointer: '', message: 'is empty: upload a JSON file or paste the definition' }] }
  try {
    return { document: JSON.parse(text) as unknown, errors: [] }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const position = /position (\d+)/.exec(message)?.[1]
    const where = position === undefined ? '' : ` at ${lineAndColumn(text, Number(position))}`
    return {
      errors: [
        { pointer: '', message: `is not valid JSON${where}: ${message.replace(/ in JSON at position \d+.*$/, '')}` },
      ],
    }
  }
}

export type { DefinitionError, Unlisted, ValidationResult } from './validation-result'
