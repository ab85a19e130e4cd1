import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { Request, RequestHandler } from 'express'
import { HttpError } from './http-error'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The session's synchroniser token, made on first need (the sign-in form needs one too). */
export function csrfToken(req: Request): string {
  req.session.csrfToken ??= randomBytes(32).toString('base64url')
  return req.session.csrfToken
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function sentToken(req: Request): unknown {
  const body = req.body as Record<string, unknown> | undefined
  return req.get('x-csrf-token') ?? (body && typeof body === 'object' ? body._csrf : undefined)
}

/** Requests whose token has been matched: by verifyCsrf, or by an upload route once its `_csrf` field is read. */
const verified = new WeakSet<Request>()

export const csrfRefusal = (): HttpError =>
  new HttpError(
    403,
    'csrf',
    'This form has expired or did not come from this service. Go back, reload the page and try again.',
  )

/**
 * True once the request's token has been matched. A multipart body is not read before the routes, so its
 * `_csrf` field is checked here by the upload route itself, as soon as the fields before the file are in.
 */
export function csrfChecked(req: Request): boolean {
  if (verified.has(req)) return true
  const expected = (req.session as { csrfToken?: unknown } | undefined)?.csrfToken
  const sent = sentToken(req)
  if (typeof expected !== 'string' || typeof sent !== 'string' || !sameToken(expected, sent)) return false
  verified.add(req)
  return true
}

/** Every state-changing request carries the token as form field `_csrf` or header `X-CSRF-Token`. */
export const verifyCsrf: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method)) {
    next()
    return
  }
  // An API call whose session has ended is told to sign in again, not that its token is wrong.
  if (!req.user && req.path.startsWith('/api/')) {
    next(new HttpError(401, 'unauthenticated', 'Your session has ended: sign in again'))
    return
  }
  if (csrfChecked(req)) {
    next()
    return
  }
  // Multipart bodies are read only by the routes that take a file, which check the token in their `_csrf`
  // field before the file; every other route refuses them unread (see middleware/file-uploads).
  if (req.get('x-csrf-token') === undefined && req.is('multipart/form-data')) {
    next()
    return
  }
  next(csrfRefusal())
}
