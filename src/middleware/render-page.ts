import { randomUUID } from 'node:crypto'
import type { Response } from 'express'
import type { KeepBody } from '../services/insights/round-results'
import { paths } from '../paths'
import type { FormErrors } from '../presenters/form-errors'

function renderView(res: Response, view: string, locals: Record<string, unknown>): Promise<string> {
  return new Promise((resolve, reject) => {
    res.app.render(view, locals, (error: Error | null, html?: string) => (error ? reject(error) : resolve(html ?? '')))
  })
}

/** Where a page keeps the bodies it has rendered (see RoundResults.keptBody), and the key of this one. */
export interface BodyCache {
  keep: KeepBody
  key: string
  /**
   * Everything the body needs, worked out only when it is rendered. Nothing of the request's own locals
   * (the user, their CSRF token, their flash message) reaches a kept body: it is shared by every user.
   */
  bodyLocals: () => Record<string, unknown>
}

/** Where a kept body goes in the layout: unguessable, so no text on any page can contain it. */
const BODY_MARK = `<!-- body ${randomUUID()} -->`

/** What the layout and the error summary print on every page, worked out here so templates only print. */
function pageLocals(all: Record<string, unknown>) {
  const errors = all.errors as FormErrors | undefined
  const errorSummary = errors && errors.summary.length > 0 ? errors.summary : null
  const title = typeof all.title === 'string' && all.title !== '' ? `${all.title} – ` : ''
  return {
    errorSummary,
    errorSummaryDescription: errorSummary ? errors?.description : undefined,
    documentTitle: `${errorSummary ? 'Error: ' : ''}${title}${String(all.serviceName)}`,
    scripts: all.scripts ?? [],
  }
}

/** Renders a page inside views/layout.ejs; with a cache, a body rendered before is sent again as it was. */
export async function renderPage(
  res: Response,
  view: string,
  locals: Record<string, unknown> = {},
  status = 200,
  cache?: BodyCache,
): Promise<void> {
  const given = { ...res.locals, ...locals }
  const all = { ...given, ...pageLocals(given) }
  if (!cache) {
    const body = await renderView(res, view, all)
    res
      .status(status)
      .type('html')
      .send(await renderView(res, 'layout', { ...all, body }))
    return
  }
  const body = await cache.keep(cache.key, () => renderView(res, view, { paths, ...cache.bodyLocals() }))
  // The layout is the user's own; the kept body goes into it as bytes.
  const layout = await renderView(res, 'layout', { ...all, body: BODY_MARK })
  const at = layout.indexOf(BODY_MARK)
  res
    .status(status)
    .type('html')
    .send(Buffer.concat([Buffer.from(layout.slice(0, at)), body, Buffer.from(layout.slice(at + BODY_MARK.length))]))
}
