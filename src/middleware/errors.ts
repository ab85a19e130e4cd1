import type { ErrorRequestHandler, RequestHandler } from 'express'
import type { Logger } from 'pino'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors'
import { renderPage } from './render-page'
import { HttpError } from './http-error'
import { isApiRequest } from './require-access'

interface Described {
  status: number
  code: string
  message: string
}

const PAGE_TITLES: Record<number, string> = {
  400: 'There is a problem with what was sent',
  401: 'You need to sign in',
  403: 'You do not have permission to see this',
  404: 'Page not found',
  409: 'Someone else changed this',
  413: 'What you sent is too large',
  415: 'There is a problem with what was sent',
  422: 'There is a problem with what was sent',
  500: 'Sorry, there is a problem with the service',
  503: 'Sorry, the service is unavailable',
}

// SQLSTATEs meaning the server is away or full, not that this request was wrong: connection exceptions
// (class 08), shutting down or starting up (57P01-57P03), and too many connections (53300).
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/
const UNAVAILABLE_SOCKET = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
])
// What pg and knex throw, without a code, when a connection dies, cannot be made in time, or none is free.
// Not anchored: knex puts the failed statement in front ("ROLLBACK - Client has encountered…").
const UNAVAILABLE_MESSAGE =
  /Connection terminated|Client has encountered a connection error|timeout expired$|Timeout acquiring a connection/

/** The database is restarting, failing over, unreachable or out of connections: worth trying again soon. */
function databaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SOCKET.has(code))) return true
  if (UNAVAILABLE_MESSAGE.test(error.message)) return true
  return databaseUnavailable(error.cause, depth + 1)
}

/** How long a client should wait before trying again after a 503, in seconds. */
const RETRY_AFTER_SECONDS = 5

function describe(error: unknown): Described {
  if (error instanceof HttpError) return { status: error.status, code: error.code, message: error.message }
  if (error instanceof NotFoundError) return { status: 404, code: 'not_found', message: error.message }
  if (error instanceof ForbiddenError) return { status: 403, code: 'forbidden', message: error.message }
  if (error instanceof ConflictError) return { status: 409, code: 'conflict', message: error.message }
  if (error instanceof ValidationError) return { status: 422, code: 'invalid', message: error.message }
  const bodyError = error as { type?: string; status?: number; limit?: number }
  if (bodyError.type === 'entity.too.large') {
    return {
      status: 413,
      code: 'too_large',
      message: `The request body is larger than the ${bodyError.limit ?? ''} bytes allowed`,
    }
  }
  if (bodyError.type === 'entity.parse.failed') {
    return { status: 400, code: 'malformed', message: 'The request body is not valid JSON' }
  }
  if (typeof bodyError.status === 'number' && bodyError.status >= 400 && bodyError.status < 500) {
    return { status: bodyError.status, code: 'bad_request', message: 'The request could not be understood' }
  }
  if (databaseUnavailable(error)) {
    return {
      status: 503,
      code: 'unavailable',
      message: 'The service cannot reach its database at the moment. Try again in a minute.',
    }
  }
  return { status: 500, code: 'internal', message: 'Something went wrong on our side. Try again later.' }
}

export const notFound: RequestHandler = (_req, _res, next) => {
  next(new HttpError(404, 'not_found', 'If you typed the web address, check it is correct.'))
}

/**
 * One place turns every error into a page or JSON. Stack traces appear only when asked for (DEBUG_ERRORS,
 * never in production): they name the server's files to whoever caused the error.
 */
export function errorHandler(logger: Logger, showStacks: boolean): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    // Every line carries the request's id (see requestLogging), where the request has one.
    const log = (req as { log?: Logger }).log ?? logger
    if (res.headersSent) {
      // Part of the response is already on its way, so no error page can follow it: the connection is cut,
      // which the browser shows as a failed load, rather than a page that looks whole.
      log.error({ err: error, url: req.originalUrl }, 'request failed after its response had started')
      res.destroy()
      return
    }
    const described = describe(error)
    if (described.status === 503) {
      // One line per request while the database is away, not a stack trace each.
      log.warn(
        { url: req.originalUrl, reason: error instanceof Error ? error.message : String(error) },
        described.message,
      )
      res.set('Retry-After', String(RETRY_AFTER_SECONDS))
    } else if (described.status >= 500) log.error({ err: error, url: req.originalUrl }, 'request failed')
    const stack = showStacks && error instanceof Error ? error.stack : undefined
    // An API client without a session is told it may use a personal access token instead.
    if (described.status === 401) res.set('WWW-Authenticate', isApiRequest(req.path) ? 'Bearer realm="api"' : 'session')
    if (isApiRequest(req.path) || !req.accepts('html')) {
      const errors =
        error instanceof ValidationError
          ? { errors: error.errors.map(e => ({ pointer: e.field, message: e.message })) }
          : {}
      res
        .status(described.status)
        .json({ error: described.code, message: described.message, ...errors, ...(stack ? { stack } : {}) })
      return
    }
    renderPage(
      res,
      'site/error',
      {
        title: PAGE_TITLES[described.status] ?? PAGE_TITLES[500],
        message: described.message,
        status: described.status,
        stack,
      },
      described.status,
    ).catch((renderError: unknown) => {
      log.error({ err: renderError }, 'error page failed to render')
      res.status(described.status).type('text').send(described.message)
    })
  }
}
