import type { RequestHandler, Response } from 'express'

/**
 * express-session writes a changed session while the response is already on its way, so a browser can
 * follow a redirect before the session (and the flash message in it) is stored, and on a PostgreSQL pool
 * read the old one. Saving first makes every redirect see what the request before it stored.
 */
export const saveSessionBeforeRedirect: RequestHandler = (req, res, next) => {
  const redirect = res.redirect.bind(res) as (...args: unknown[]) => void
  ;(res as Response & { redirect: (...args: unknown[]) => void }).redirect = (...args: unknown[]) => {
    // Signing out destroys the session before its redirect: then there is nothing to save.
    const current = req.session as typeof req.session | undefined
    if (!current) {
      redirect(...args)
      return
    }
    current.save(error => {
      if (error) next(error)
      else redirect(...args)
    })
  }
  next()
}
