import type { Request, RequestHandler } from 'express'
import type { Access } from '../domain/roles'
import type { User } from '../domain/user'
import { paths } from '../paths'
import { HttpError } from './http-error'

export const isApiRequest = (path: string): boolean => path.startsWith('/api/')

/** The one guard every route passes: signed-out people go to sign in, other roles get 403. */
export function requireAccess(access: Access): RequestHandler {
  return (req, res, next) => {
    if (access === 'public') {
      next()
      return
    }
    if (!req.user) {
      if (isApiRequest(req.path) || req.method !== 'GET') {
        next(new HttpError(401, 'unauthenticated', 'Sign in to use this'))
        return
      }
      res.redirect(`${paths.login}?returnTo=${encodeURIComponent(req.originalUrl)}`)
      return
    }
    if (!access.includes(req.user.role)) {
      next(new HttpError(403, 'forbidden', 'You do not have permission to see this'))
      return
    }
    next()
  }
}

/** The signed-in user, for handlers behind a role guard. */
export function signedInUser(req: Request): User {
  if (!req.user) throw new HttpError(401, 'unauthenticated', 'Sign in to use this')
  return req.user
}
