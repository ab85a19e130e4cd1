import type { UserWithHash } from '../data/user.repository'
import type { User } from '../domain/user'

declare module 'express-session' {
  /** What a browser's session holds between requests. */
  interface SessionData {
    userId?: number
    csrfToken?: string
    flash?: { type: 'success' | 'important'; heading: string; body?: string; items?: string[] }
  }
}

declare global {
  namespace Express {
    interface Request {
      /** The signed-in user, loaded fresh on every request. */
      user?: User
      /** The user row read with the session (null when it names none), so it need not be read again. */
      sessionUser?: UserWithHash | null
      /** Set when a personal access token, not the session, authenticated this API request. */
      authenticatedBy?: 'token'
    }
  }
}

export {}
