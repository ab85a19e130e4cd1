import type { Response } from 'express'
import type { FieldError } from '../../domain/errors'

/**
 * A bad query parameter on the API: a 400 naming each parameter. A query string is not a JSON body, so
 * its problems name the parameter (`field`) rather than a JSON pointer, and it is no 422.
 */
export function badQuery(res: Response, errors: readonly FieldError[]): void {
  res.status(400).json({
    error: 'bad_request',
    message: errors.map(e => e.message).join('; '),
    errors: errors.map(e => ({ field: e.field, message: e.message })),
  })
}
