import type { Response } from 'express'

function renderView(res: Response, view: string, locals: Record<string, unknown>): Promise<string> {
  return new Promise((resolve, reject) => {
    res.app.render(view, locals, (error: Error | null, html?: string) => (error ? reject(error) : resolve(html ?? '')))
  })
}

/** Renders a page inside views/layout.ejs. */
export async function renderPage(
  res: Response,
  view: string,
  locals: Record<string, unknown> = {},
  status = 200,
): Promise<void> {
  const all = { ...res.locals, ...locals }
  const body = await renderView(res, view, all)
  res
    .status(status)
    .type('html')
    .send(await renderView(res, 'layout', { ...all, body }))
}
