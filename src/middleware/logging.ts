import type { RequestHandler } from 'express'
import pino, { type DestinationStream, type Level, type Logger } from 'pino'

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

/**
 * One line per request as it finishes (or is cut off): method, path, status and time taken. Written here
 * rather than with pino-http, whose logger per request and serialisers cost the heatmap page a tenth of
 * its time even with logging off (docs/benchmark.md).
 */
export function requestLogging(logger: Logger): RequestHandler {
  let lastId = 0
  return (req, res, next) => {
    if (req.url === '/healthz' || !logger.isLevelEnabled('error')) {
      next()
      return
    }
    const id = ++lastId
    const { method, url } = req
    const started = performance.now()
    const done = () => {
      res.off('finish', done)
      res.off('close', done)
      const statusCode = res.statusCode
      const level: Level = statusCode >= 500 ? 'error' : statusCode >= 400 || !res.writableFinished ? 'warn' : 'info'
      if (!logger.isLevelEnabled(level)) return
      logger[level](
        {
          req: { id, method, url: redactUrl(url) },
          res: { statusCode },
          responseTime: Math.round(performance.now() - started),
        },
        res.writableFinished ? 'request completed' : 'request aborted',
      )
    }
    res.on('finish', done)
    res.on('close', done)
    next()
  }
}
