import { parseDefinitionText } from '../../../domain/questionnaire/validate'
import { DefinitionInvalidError } from './definition-invalid.error'

/** Uploaded text as a document, or every problem that stops it being read as one. */
export function parseDefinition(text: string): unknown {
  const parsed = parseDefinitionText(text)
  if (parsed.errors.length > 0) throw new DefinitionInvalidError(parsed.errors, undefined, true)
  return parsed.document
}
