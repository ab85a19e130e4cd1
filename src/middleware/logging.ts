import type { IncomingMessage, ServerResponse } from 'node:http'
import pino, { type DestinationStream, type Logger } from 'pino'
import { pinoHttp } from 'pino-http'

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

export function requestLogging(logger: Logger) {
  return pinoHttp({
    logger,
    autoLogging: { ignore: req => req.url === '/healthz' },
    serializers: {
      req: (req: IncomingMessage & { id?: unknown; raw?: IncomingMessage }) => ({
        id: req.id,
        method: req.method,
        url: redactUrl(req.url ?? ''),
      }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
  })
}
