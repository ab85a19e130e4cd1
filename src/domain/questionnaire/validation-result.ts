import type { QuestionnaireDefinition } from './definition'

/** What is wrong and where: `pointer` is a JSON pointer into the uploaded document. */
export interface DefinitionError {
  pointer: string
  message: string
}

export type ValidationResult =
  { valid: true; definition: QuestionnaireDefinition; errors: [] } | { valid: false; errors: DefinitionError[] }
