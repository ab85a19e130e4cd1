/** A problem with one field of what someone sent: `field` is a form field name or a JSON pointer. */
export interface FieldError {
  field: string
  message: string
}

export class ValidationError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map(e => `${e.field}: ${e.message}`).join('; '))
  }
}

export class NotFoundError extends Error {
  constructor(message = 'Page not found') {
    super(message)
  }
}

export class ForbiddenError extends Error {
  constructor(message = 'You do not have permission to see this') {
    super(message)
  }
}

export class ConflictError extends Error {}
