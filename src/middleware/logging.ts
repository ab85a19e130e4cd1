import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RequestHandler } from 'express'
import pino, { type DestinationStream, type Logger } from 'pino'
import { pinoHttp } from 'pino-http'
import { paths } from '../paths'

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      // Belt and braces: nothing that could sign someone in is ever written to the log.
      redact: {
        paths: [
          'req.headers.cookie',
          'req.headers.authorization',
          'req.headers["x-csrf-token"]',
          'res.headers["set-cookie"]',
          '*.password',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  )
}

/** Invitation links are bearer secrets: keep them out of access logs. */
export const redactUrl = (url: string): string => url.replace(/^\/invitations\/[^/?#]+/, '/invitations/[redacted]')

/** An incoming request id is used only if it is short and plain, so no one can write into the log through it. */
const GIVEN_ID = /^[\w.:-]{1,128}$/

/**
 * Names the request: an `X-Request-Id` given by the load balancer, or a new random UUID. Either is sent back
 * in the response's `X-Request-Id`, so a user's report of a failure can be matched to its log lines.
 */
export const requestIdOf = (req: IncomingMessage, res: ServerResponse): string => {
  const given = req.headers['x-request-id']
  const id = typeof given === 'string' && GIVEN_ID.test(given) ? given : randomUUID()
  res.setHeader('X-Request-Id', id)
  return id
}

/**
 * One line per request as it finishes (or is cut off), by pino-http: method, path, status, time taken and
 * the request id, which every other line logged for that request (through `req.log`) carries too.
 */
export function requestLogging(logger: Logger): RequestHandler {
  // With logging off no line can carry the id, and pino-http's logger per request would cost the heatmap
  // page a sixth of its rate (docs/benchmark.md): the id is still given back, for the load balancer's logs.
  if (logger.levelVal === Infinity) {
    return (req, res, next) => {
      requestIdOf(req, res)
      next()
    }
  }
  return pinoHttp({
    logger,
    genReqId: requestIdOf,
    quietReqLogger: true,
    autoLogging: { ignore: req => req.url === paths.health },
    customLogLevel: (_req, res, error) => {
      if (error || res.statusCode >= 500) return 'error'
      return res.statusCode >= 400 || !res.writableFinished ? 'warn' : 'info'
    },
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: redactUrl(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  })
}
