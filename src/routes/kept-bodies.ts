import type { Response } from 'express'
import { kept } from '../services/kept'

/** Bodies as bytes: sent again and again, they are encoded once. */
export type KeptBodies = Map<string, Buffer>

/**
 * A response body made once per key and then sent as it was (see kept). It must depend on nothing but
 * what its store belongs to: never on the user, the session or its CSRF token.
 */
export const keptBody = (bodies: KeptBodies, key: string, make: () => string | Promise<string>): Promise<Buffer> =>
  kept(bodies, key, async () => Buffer.from(await make()))

/** JSON serialised once per key: at 10,000 organisations a heatmap is two megabytes of it. */
export async function sendKeptJson(res: Response, bodies: KeptBodies, key: string, make: () => unknown): Promise<void> {
  res.type('json').send(await keptBody(bodies, key, () => JSON.stringify(make())))
}
