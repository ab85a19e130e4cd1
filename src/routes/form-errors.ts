import type { FieldError } from '../domain/errors'

export interface FormErrors {
  /** For the GOV.UK error summary: each message links to its field. */
  summary: { text: string; href: string }[]
  /** For each field's inline message. */
  fields: Record<string, string>
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
