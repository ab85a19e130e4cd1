import type { Response } from 'express'

function renderView(res: Response, view: string, locals: Record<string, unknown>): Promise<string> {
  return new Promise((resolve, reject) => {
    res.app.render(view, locals, (error: Error | null, html?: string) => (error ? reject(error) : resolve(html ?? '')))
  })
}

/** How many bodies one cache keeps: past it the oldest goes, so odd addresses cannot fill memory. */
const BODIES_KEPT = 64

/**
 * Where a page keeps bodies it has rendered, and the key of this one. The body must depend on nothing
 * but what the key and the cache's owner stand for: never on the user, the session or its CSRF token,
 * which the layout alone prints.
 */
export interface BodyCache {
  bodies: Map<string, string>
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
  let body = cache?.bodies.get(cache.key)
  if (body === undefined) {
    body = await renderView(res, view, cache ? { ...all, ...cache.bodyLocals() } : all)
    if (cache) {
      if (cache.bodies.size >= BODIES_KEPT) cache.bodies.delete(cache.bodies.keys().next().value ?? '')
      cache.bodies.set(cache.key, body)
    }
  }
  res
    .status(status)
    .type('html')
    .send(await renderView(res, 'layout', { ...all, body }))
}
