import type { RequestHandler } from 'express'

/**
 * Whatever a signed-in user is shown is theirs: no browser history on a shared computer or proxy on the
 * way may keep a copy. (It also makes an ETag pointless, so the app computes none; see app.ts.)
 */
export const privateResponses: RequestHandler = (req, res, next) => {
  if (req.user) res.set('Cache-Control', 'no-store')
  next()
}
