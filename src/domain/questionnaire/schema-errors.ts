import type { ErrorObject } from 'ajv'
import type { DefinitionError } from './validation-result'
import { escapePointerToken } from './json-pointer'

const list = (values: readonly unknown[]): string => values.map(v => JSON.stringify(v)).join(', ')

/** Turns one ajv error into a place and plain words, or nothing when another error says it better. */
interface Described extends DefinitionError {
  /** An anyOf/oneOf summary, which replaces its branches' own errors at the same place. */
  summary?: boolean
}

function describe(error: ErrorObject, questionType: (pointer: string) => string | undefined): Described | undefined {
  const at = error.instancePath
  const p = error.params as Record<string, unknown>
  // Errors inside propertyNames repeat what the propertyNames error itself says; if/oneOf wrappers
  // only say that a branch failed, and the branch's own errors say why.
  if ((error as ErrorObject & { propertyName?: string }).propertyName !== undefined) return undefined
  switch (error.keyword) {
    case 'if':
      return undefined
    case 'required':
      return {
        pointer: `${at}/${escapePointerToken(String(p.missingProperty))}`,
        message: `is missing: add "${String(p.missingProperty)}"`,
      }
    case 'additionalProperties':
      return {
        pointer: `${at}/${escapePointerToken(String(p.additionalProperty))}`,
        message: `"${String(p.additionalProperty)}" is not a field the format knows`,
      }
    case 'propertyNames': {
      const type = questionType(at)
      return {
        pointer: `${at}/${escapePointerToken(String(p.propertyName))}`,
        message: type
          ? `"${String(p.propertyName)}" is not a field of a ${type} question`
          : `"${String(p.propertyName)}" is not an allowed name here`,
      }
    }
    case 'type':
      return {
        pointer: at,
        message: `must be ${p.type === 'integer' ? 'a whole number' : p.type === 'boolean' ? 'true or false' : `a${/^[aeiou]/.test(String(p.type)) ? 'n' : ''} ${String(p.type)}`}`,
      }
    case 'enum':
      return { pointer: at, message: `must be one of ${list(p.allowedValues as unknown[])}` }
    case 'const':
      return { pointer: at, message: `must be ${JSON.stringify(p.allowedValue)}` }
    case 'minItems':
      return { pointer: at, message: `must have at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}` }
    case 'maxItems':
      return { pointer: at, message: `must have no more than ${String(p.limit)} items` }
    case 'minLength':
      return {
        pointer: at,
        message: p.limit === 1 ? 'must not be empty' : `must be at least ${String(p.limit)} characters`,
      }
    case 'maxLength':
      return { pointer: at, message: `must be ${String(p.limit)} characters or fewer` }
    case 'minimum':
      return { pointer: at, message: `must be ${String(p.limit)} or more` }
    case 'maximum':
      return { pointer: at, message: `must be ${String(p.limit)} or less` }
    case 'exclusiveMinimum':
      return { pointer: at, message: `must be more than ${String(p.limit)}` }
    case 'uniqueItems':
      return { pointer: at, message: 'must not list the same item twice' }
    case 'oneOf':
    case 'anyOf':
      return {
        pointer: at,
        message: at.includes('/keyMap/')
          ? 'must be a question key, or a list of question keys'
          : 'must be text or a number',
        summary: true,
      }
    default:
      return { pointer: at, message: error.message ?? 'is not valid' }
  }
}

/** Plain-words errors for every place ajv found wrong, each once. */
export function describeSchemaErrors(errors: readonly ErrorObject[], document: unknown): DefinitionError[] {
  const questionType = (at: string): string | undefined => {
    if (!/\/questions\/\d+$/.test(at)) return undefined
    let node: unknown = document
    for (const token of at.split('/').slice(1)) node = (node as Record<string, unknown> | undefined)?.[token]
    const type = (node as { type?: unknown } | undefined)?.type
    return typeof type === 'string' ? type : undefined
  }
  const seen = new Set<string>()
  const described: Described[] = []
  for (const error of errors) {
    const d = describe(error, questionType)
    if (!d || seen.has(`${d.pointer} ${d.message}`)) continue
    seen.add(`${d.pointer} ${d.message}`)
    described.push(d)
  }
  const summarised = new Set(described.filter(d => d.summary).map(d => d.pointer))
  return described
    .filter(d => d.summary || !summarised.has(d.pointer))
    .map(({ pointer, message }) => ({ pointer, message }))
}
