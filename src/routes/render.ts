import type { Response } from 'express'
import { keptBody, type KeptBodies } from './kept-bodies'

function renderView(res: Response, view: string, locals: Record<string, unknown>): Promise<string> {
  return new Promise((resolve, reject) => {
    res.app.render(view, locals, (error: Error | null, html?: string) => (error ? reject(error) : resolve(html ?? '')))
  })
}

/** Where a page keeps the bodies it has rendered (see keptBody), and the key of this one. */
export interface BodyCache {
  bodies: KeptBodies
  key: string
  /** What the body alone needs, worked out only when it is rendered. */
  bodyLocals: () => Record<string, unknown>
}

/** Renders a page inside views/layout.ejs; with a cache, a body rendered before is sent again as it was. */
export async function renderPage(
  res: Response,
  view: string,
  locals: Record<string, unknown> = {},
  status = 200,
  cache?: BodyCache,
): Promise<void> {
  const all = { ...res.locals, ...locals }
  const body = cache
    ? await keptBody(cache.bodies, cache.key, () => renderView(res, view, { ...all, ...cache.bodyLocals() }))
    : await renderView(res, view, all)
  res
    .status(status)
    .type('html')
    .send(await renderView(res, 'layout', { ...all, body }))
}
