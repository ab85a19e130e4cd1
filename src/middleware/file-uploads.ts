import type { Request, RequestHandler } from 'express'
import multer from 'multer'
import { csrfChecked, csrfRefusal } from './csrf'
import { HttpError } from './http-error'
import { refuseUnstorableText } from './unstorable-text'

/** What one upload route takes: the field that carries its one file, and how large that file may be. */
export interface UploadRule {
  field: string
  maxBytes: number
  /** Said when the file is over maxBytes, such as "The file must be 1 MB or smaller". */
  tooLarge: string
}

/**
 * The fields beside the file are small: `_csrf`, an organisation's slug. A pasted definition goes in a
 * url-encoded form of its own, never in a multipart one.
 */
const FIELD_LIMITS = { fields: 5, fieldSize: 1024, fieldNameSize: 100, parts: 6, headerPairs: 20 }
/** Room in a declared Content-Length for the small fields and the multipart boundaries around them. */
const FRAMING_BYTES = 16 * 1024

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

const tooLarge = (rule: UploadRule) => new HttpError(413, 'too_large', rule.tooLarge)

function describeFailure(error: unknown, rule: UploadRule): unknown {
  if (error instanceof HttpError) return error
  if (!(error instanceof multer.MulterError)) {
    return new HttpError(
      400,
      'bad_upload',
      error instanceof Error ? `The upload could not be read: ${error.message}` : 'The upload could not be read',
    )
  }
  if (error.code === 'LIMIT_FILE_SIZE') return tooLarge(rule)
  if (['LIMIT_FIELD_VALUE', 'LIMIT_FIELD_COUNT', 'LIMIT_PART_COUNT', 'LIMIT_FIELD_KEY'].includes(error.code)) {
    return new HttpError(413, 'too_large', 'The form sent more, or longer, fields than this upload takes')
  }
  return new HttpError(400, 'bad_upload', `The upload could not be read: ${error.message}`)
}

/**
 * Reads a multipart form on a route that takes a file, placed after the route's access check: a stranger's
 * body is never read. A declared length over the limit is refused unread; the `_csrf` field (which forms
 * put first) or the X-CSRF-Token header is checked before a byte of the file is kept. One file, in memory.
 */
export function acceptUpload(rule: UploadRule): RequestHandler {
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: { ...FIELD_LIMITS, fileSize: rule.maxBytes, files: 1 },
    // Multer calls this once the fields before the file are in req.body, and before it keeps any of the file.
    fileFilter: (req, _file, accept) => {
      if (csrfChecked(req)) accept(null, true)
      else accept(csrfRefusal())
    },
  }).single(rule.field)

  return (req, res, next) => {
    if (!req.is('multipart/form-data')) {
      next()
      return
    }
    const declared = Number(req.get('content-length'))
    if (declared > rule.maxBytes + FRAMING_BYTES) {
      next(tooLarge(rule))
      return
    }
    parse(req, res, (error: unknown) => {
      if (error) next(describeFailure(error, rule))
      // A form with no file still has its token checked before the route looks at it.
      else if (!csrfChecked(req)) next(csrfRefusal())
      else refuseUnstorableText(req, res, next)
    })
  }
}

/**
 * Every route that takes no file refuses a multipart body without reading it: the CSRF check before the
 * routes could not see a `_csrf` field in it, so no handler may run on it.
 */
export const refuseMultipart: RequestHandler = (req: Request, _res, next) => {
  if (!req.is('multipart/form-data')) next()
  // A personal access token makes no session, so there is no CSRF token to ask it for.
  else if (!SAFE_METHODS.has(req.method) && req.authenticatedBy !== 'token' && !csrfChecked(req)) next(csrfRefusal())
  else next(new HttpError(415, 'unsupported_media_type', 'This address does not take file uploads'))
}
