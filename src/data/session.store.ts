import type { Request } from 'express'
import session from 'express-session'
import { LRUCache } from 'lru-cache'
import type { UserWithHash } from './user.repository'
import type { SessionRepository } from './session.repository'

export interface SessionStoreOptions {
  /** A session ends after this long without a request. */
  idleMs: number
  now: () => Date
}

/** The stored expiry moves at most this often per session: an idle session ends up to a minute early. */
const TOUCH_INTERVAL_MS = 60_000

type Callback = (error?: unknown) => void

/**
 * express-session's store over our sessions table (through the session repository, so it works on
 * PGlite and PostgreSQL alike and every app process shares it). Expiry is the app's clock plus the idle
 * time, renewed by every request (express-session's `rolling`), but written to the table at most once a
 * minute per session.
 */
export class DatabaseSessionStore extends session.Store {
  /** When each session's expiry was last written, so a busy session is not written on every request. */
  private readonly touched = new LRUCache<string, number>({ max: 50_000 })
  /** The user read with each session, until express-session makes the request's session of it. */
  private readonly users = new WeakMap<object, UserWithHash | null>()

  constructor(
    private readonly sessions: SessionRepository,
    private readonly options: SessionStoreOptions,
  ) {
    super()
  }

  private expiry(): Date {
    return new Date(this.options.now().getTime() + this.options.idleMs)
  }

  override get(sid: string, callback: (error: unknown, session?: session.SessionData | null) => void): void {
    this.sessions.getWithUser(sid, this.options.now()).then(found => {
      if (!found || typeof found.data !== 'object' || found.data === null) return callback(null, null)
      const data = found.data as session.SessionData
      this.users.set(data, found.user ?? null)
      callback(null, data)
    }, callback)
  }

  /** Hands the user read with the session to the request, so loadCurrentUser need not read it again. */
  override createSession(req: Request, data: session.SessionData): session.Session & session.SessionData {
    const user = this.users.get(data)
    if (user !== undefined) req.sessionUser = user
    return super.createSession(req, data)
  }

  override set(sid: string, data: session.SessionData, callback?: Callback): void {
    this.sessions.set(sid, data, this.expiry()).then(
      () => {
        this.touched.set(sid, this.options.now().getTime())
        callback?.()
      },
      (error: unknown) => callback?.(error),
    )
  }

  /**
   * Renewing an unchanged session's expiry is a courtesy: if the database is away it is skipped, never
   * turned into an error, as the response it follows may already be on its way.
   */
  override touch(sid: string, _data: session.SessionData, callback?: Callback): void {
    const at = this.options.now().getTime()
    const interval = Math.min(TOUCH_INTERVAL_MS, this.options.idleMs / 10)
    if (at - (this.touched.get(sid) ?? -Infinity) < interval) return callback?.()
    this.touched.set(sid, at)
    this.sessions.touch(sid, this.expiry()).then(
      () => callback?.(),
      () => {
        this.touched.delete(sid)
        callback?.()
      },
    )
  }

  override destroy(sid: string, callback?: Callback): void {
    this.touched.delete(sid)
    this.sessions.destroy(sid).then(
      () => callback?.(),
      (error: unknown) => callback?.(error),
    )
  }
}
