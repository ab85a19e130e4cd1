import type { Response } from 'supertest'
import type { Method } from '../../../src/routes/route-table'
import { encodeForm } from './hostile'
import type { InputSpec } from './inputs'
import type { Session } from './world'

/**
 * Sends a body the way its route takes it: form-encoded, JSON or as a multipart upload. `csrf` is the
 * token to send in the X-CSRF-Token header, or false to send none.
 */
export function sendBody(
  session: Session,
  method: Method,
  path: string,
  spec: Pick<InputSpec, 'encoding' | 'file'>,
  body: unknown,
  csrf: string | false = session.csrf,
): Promise<Response> {
  const call = session.agent[method](path)
  if (csrf !== false) call.set('X-CSRF-Token', csrf)
  if (spec.encoding === 'json') return call.set('Content-Type', 'application/json').send(JSON.stringify(body))
  const fields = (body !== null && typeof body === 'object' ? body : { value: body }) as Record<string, unknown>
  if (spec.encoding === 'form') return call.type('form').send(encodeForm(fields))
  for (const [name, value] of Object.entries(fields)) {
    if (name === 'file') continue
    for (const item of ([] as unknown[]).concat(value))
      call.field(name, typeof item === 'string' ? item : JSON.stringify(item))
  }
  const file = fields.file
  if (spec.file && file !== undefined) {
    call.attach(spec.file, Buffer.from(typeof file === 'string' ? file : JSON.stringify(file)), 'upload.csv')
  }
  return call
}
