import type { UserWithHash } from '../data/user.repository'
import type { Session } from '../middleware/sessions'
import type { User } from '../domain/user'

declare global {
  namespace Express {
    interface Request {
      /** The signed-in user, loaded fresh on every request. */
      user?: User
      /** The user row read with the session (null when it names none), so it need not be read again. */
      sessionUser?: UserWithHash | null
      /** The browser's session (see middleware/sessions); a token request has none. */
      session: Session
      /** Set when a personal access token, not the session, authenticated this API request. */
      authenticatedBy?: 'token'
    }
  }
}

export {}
