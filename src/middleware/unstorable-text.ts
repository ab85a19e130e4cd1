import type { RequestHandler } from 'express'
import { ValidationError } from '../domain/errors'
import { isStorable, unstorableAt, UNSTORABLE_MESSAGE } from '../domain/storable-text'
import { HttpError } from './http-error'

function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch {
    // A malformed escape is the router's to refuse, with a 400 of its own.
    return ''
  }
}

/**
 * Refuses a request carrying text that cannot be stored (see domain/storable-text) before any handler
 * sees it, saying where it is: in the address, or in which field of the body.
 */
export const refuseUnstorableText: RequestHandler = (req, _res, next) => {
  if (!isStorable(decodedPath(req.path)) || unstorableAt(req.query) !== undefined) {
    next(new HttpError(400, 'bad_request', `The web address ${UNSTORABLE_MESSAGE}`))
    return
  }
  const pointer = unstorableAt(req.body)
  if (pointer === undefined) {
    next()
    return
  }
  // The API names the place with a JSON pointer, as it does for every other problem; a form names the field.
  if (req.is('application/json')) next(new ValidationError([{ field: pointer, message: UNSTORABLE_MESSAGE }]))
  else next(new HttpError(422, 'invalid', `The “${pointer.split('/')[1] ?? ''}” field ${UNSTORABLE_MESSAGE}`))
}
