import type { RequestHandler } from 'express'
import multer from 'multer'
import { HttpError } from './http-error'

export const UPLOAD_LIMIT_BYTES = 1024 * 1024

/** The forms that take a file: a questionnaire definition, and a CSV of pipeline entries. */
const FILE_FIELDS = ['definitionFile', 'entriesFile'] as const

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1, fields: 20, fieldSize: UPLOAD_LIMIT_BYTES },
}).fields(FILE_FIELDS.map(name => ({ name, maxCount: 1 })))

/**
 * Parses multipart forms before the CSRF check, so an upload's `_csrf` field is read like any other.
 * One file at most, held in memory, never more than 1 MB.
 */
export const fileUploads: RequestHandler = (req, res, next) => {
  if (!req.is('multipart/form-data')) {
    next()
    return
  }
  upload(req, res, (error: unknown) => {
    if (!error) {
      // Handlers read the one file as req.file, whichever form sent it.
      const files = req.files as Record<string, Express.Multer.File[] | undefined> | undefined
      req.file = FILE_FIELDS.map(name => files?.[name]?.[0]).find(Boolean)
      return next()
    }
    if (
      error instanceof multer.MulterError &&
      (error.code === 'LIMIT_FILE_SIZE' || error.code === 'LIMIT_FIELD_VALUE')
    ) {
      return next(new HttpError(413, 'too_large', 'The file must be 1 MB or smaller'))
    }
    next(
      new HttpError(
        400,
        'bad_upload',
        error instanceof Error ? `The upload could not be read: ${error.message}` : 'The upload could not be read',
      ),
    )
  })
}
