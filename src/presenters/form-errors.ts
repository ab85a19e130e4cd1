import { ValidationError, type FieldError } from '../domain/errors'

export interface FormErrors {
  /** For the GOV.UK error summary: each message links to its field. */
  summary: { text: string; href: string }[]
  /** For each field's inline message. */
  fields: Record<string, string>
  /** Said above the summary's list, where the list alone does not say it all. */
  description?: string
}

export function formErrors(errors: readonly FieldError[]): FormErrors {
  const fields: Record<string, string> = {}
  for (const e of errors) fields[e.field] ??= e.message
  return {
    summary: Object.entries(fields).map(([field, text]) => ({ text, href: `#${field}` })),
    fields,
  }
}

/** A form field as a single trimmed string, whatever shape the parser gave it. */
export function field(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined
  return typeof value === 'string' ? value : ''
}

/**
 * Runs work; a ValidationError goes to `invalid`, which shows the page again with its errors (a 400 for
 * bad controls in an address), instead of the error handler's 422. Returns undefined when it did.
 */
export async function orInvalid<T>(
  work: () => Promise<T>,
  invalid: (errors: FieldError[]) => Promise<void>,
): Promise<T | undefined> {
  try {
    return await work()
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    await invalid(error.errors)
    return undefined
  }
}
