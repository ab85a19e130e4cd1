import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { unstorableAt, UNSTORABLE_MESSAGE } from '../storable-text'
import type { QuestionnaireDefinition } from './definition'
import { describeSchemaErrors } from './schema-errors'
import schema from './questionnaire.schema.json'
import { semanticErrors } from './semantic-checks'
import type { DefinitionError, ValidationResult } from './validation-result'

const ajv = new Ajv2020({ allErrors: true, useDefaults: true, strict: true, allowUnionTypes: true })
addFormats(ajv)
const checkSchema = ajv.compile(schema)

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
  let document: unknown
  try {
    document = structuredClone(input)
  } catch {
    return { valid: false, errors: [{ pointer: '', message: 'is not a JSON document' }] }
  }
  // Stored as JSON, which cannot hold a NUL or half a surrogate pair: refused here rather than by the database.
  const unstorable = unstorableAt(document)
  if (unstorable !== undefined) return { valid: false, errors: [{ pointer: unstorable, message: UNSTORABLE_MESSAGE }] }
  if (!checkSchema(document)) return { valid: false, errors: describeSchemaErrors(checkSchema.errors ?? [], input) }
  const definition = document as unknown as QuestionnaireDefinition
  const errors = semanticErrors(definition, options.supersedesAlreadyChecked ? 'already-checked' : options.previous)
  return errors.length > 0 ? { valid: false, errors } : { valid: true, definition, errors: [] }
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

export type { DefinitionError, ValidationResult }
