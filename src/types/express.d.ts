import type { User } from '../domain/user'

declare global {
  namespace Express {
    interface Request {
      /** The signed-in user, loaded fresh on every request. */
      user?: User
    }
  }
}

declare module 'express-session' {
  interface SessionData {
    userId: number
    csrfToken: string
    flash: { type: 'success' | 'important'; heading: string; body?: string }
  }
}

export {}
