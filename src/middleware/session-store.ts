import session from 'express-session'
import type { SessionRepository } from '../data/session.repository'

type Callback = (err?: unknown) => void
type GetCallback = (err: unknown, session?: session.SessionData | null) => void

/** Sessions live in the database, so they survive a restart and are shared by every app process. */
export class DatabaseSessionStore extends session.Store {
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
    this.sessions.get(sid, this.now()).then(
      // The row holds exactly what set() stored for this sid.
      data => callback(null, (data as session.SessionData | undefined) ?? null),
      (error: unknown) => callback(error),
    )
  }

  override set(sid: string, data: session.SessionData, callback?: Callback): void {
    this.sessions.set(sid, data, this.expiry(data)).then(
      () => callback?.(),
      (error: unknown) => callback?.(error),
    )
  }

  override touch(sid: string, data: session.SessionData, callback?: Callback): void {
    this.sessions.touch(sid, this.expiry(data)).then(
      () => callback?.(),
      (error: unknown) => callback?.(error),
    )
  }

  override destroy(sid: string, callback?: Callback): void {
    this.sessions.destroy(sid).then(
      () => callback?.(),
      (error: unknown) => callback?.(error),
    )
  }
}
