import type { Request } from 'express'
import session from 'express-session'
import type { SessionRepository } from '../data/session.repository'
import type { UserWithHash } from '../data/user.repository'

type Callback = (err?: unknown) => void
type GetCallback = (err: unknown, session?: session.SessionData | null) => void

const TOUCH_INTERVAL_MS = 60_000
/** Enough for every signed-in user of a busy day; past it the map starts again rather than grow. */
const TOUCHED_REMEMBERED = 50_000

/** Sessions live in the database, so they survive a restart and are shared by every app process. */
export class DatabaseSessionStore extends session.Store {
  /**
   * When this process last moved each session's expiry. Every request moves it (rolling sessions), and
   * writing that on every page view was a database write per request; moving it at most once a minute
   * ends an idle session up to a minute early, which nobody can tell from the 30-minute timeout.
   */
  private readonly touched = new Map<string, number>()
  /** The user read with each session's data, until express-session hands that data to its request. */
  private readonly usersRead = new WeakMap<object, UserWithHash | null>()

  constructor(
    private readonly sessions: SessionRepository,
    private readonly idleMs: number,
    private readonly now: () => Date = () => new Date(),
  ) {
    super()
  }

  private expiry(data: session.SessionData): Date {
    // The cookie's remaining lifetime when it has one; a session cookie gets the idle timeout.
    return new Date(this.now().getTime() + (data.cookie.maxAge ?? this.idleMs))
  }

  override get(sid: string, callback: GetCallback): void {
    this.sessions.getWithUser(sid, this.now()).then(
      found => {
        if (!found) return callback(null, null)
        // The row holds exactly what set() stored for this sid.
        const data = found.data as session.SessionData
        this.usersRead.set(data, found.user ?? null)
        callback(null, data)
      },
      (error: unknown) => callback(error),
    )
  }

  /** express-session builds req.session from what get() returned: the user read with it goes on the request. */
  override createSession(req: Request, data: session.SessionData): session.Session & session.SessionData {
    const user = this.usersRead.get(data)
    if (user !== undefined) req.sessionUser = user
    return super.createSession(req, data)
  }

  override set(sid: string, data: session.SessionData, callback?: Callback): void {
    this.touched.set(sid, this.now().getTime())
    this.sessions.set(sid, data, this.expiry(data)).then(
      () => callback?.(),
      (error: unknown) => callback?.(error),
    )
  }

  override touch(sid: string, data: session.SessionData, callback?: Callback): void {
    const now = this.now().getTime()
    if (now - (this.touched.get(sid) ?? -Infinity) < Math.min(TOUCH_INTERVAL_MS, this.idleMs / 10)) {
      callback?.()
      return
    }
    if (this.touched.size >= TOUCHED_REMEMBERED) this.touched.clear()
    this.touched.set(sid, now)
    this.sessions.touch(sid, this.expiry(data)).then(
      () => callback?.(),
      (error: unknown) => callback?.(error),
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
