import type { RequestHandler } from 'express'
import type { AuthService } from '../services/auth.service'

/** Loads the signed-in user afresh on each request, so disabling an account or changing a role takes effect at once. */
export function loadCurrentUser(auth: AuthService): RequestHandler {
  return async (req, _res, next) => {
    const userId = req.session.userId
    if (userId === undefined) {
      next()
      return
    }
    const user = await auth.currentUser(userId)
    if (user) {
      req.user = user
      next()
      return
    }
    req.session.destroy(() => next())
  }
}
