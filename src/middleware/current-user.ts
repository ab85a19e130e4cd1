import type { RequestHandler } from 'express'
import type { AuthService } from '../services/account/auth.service'
import { regenerateSession } from './web-session'

/** Loads the signed-in user afresh on each request, so disabling an account or changing a role takes effect at once. */
export function loadCurrentUser(auth: AuthService): RequestHandler {
  return async (req, _res, next) => {
    const userId = req.session.userId
    if (userId === undefined) {
      next()
      return
    }
    // The session store reads the user with the session, on this request: still fresh, one trip fewer.
    const user = await auth.currentUser(userId, req.sessionUser)
    if (user) {
      req.user = user
      next()
      return
    }
    // Its session ends; the rest of the request goes on as a visitor's, so a sign-in form it shows works.
    await regenerateSession(req)
    next()
  }
}
