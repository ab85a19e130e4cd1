import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import type { SessionRepository } from '../data/session.repository'

/** What a browser's session holds between requests. */
export interface SessionData {
  userId?: number
  csrfToken?: string
  flash?: { type: 'success' | 'important'; heading: string; body?: string }
}

/** A browser's session: its data, and the three things done to it besides (see sessions()). */
export interface Session extends SessionData {
  /** A new id and no data: at sign-in, so an id planted before (session fixation) opens nothing after. */
  regenerate(): Promise<void>
  /** Stores it now, not as the response ends. */
  save(): Promise<void>
  /** Ends it: stored nowhere, its cookie cleared with the flags it was set with (see destroy below). */
  destroy(): Promise<void>
}

export interface SessionOptions {
  cookieName: string
  secret: string
  idleMs: number
  /** Set the cookie Secure, and only over HTTPS (as the load balancer tells, with trust proxy). */
  secure: boolean
  sessions: SessionRepository
  now: () => Date
}

/** The store's expiry moves at most this often per session: an idle session ends up to a minute early. */
const TOUCH_INTERVAL_MS = 60_000
/** Enough for every signed-in user of a busy day; past it each map starts again rather than grow. */
const REMEMBERED = 50_000

const remember = <K, V>(map: Map<K, V>, key: K, value: V): V => {
  if (map.size >= REMEMBERED) map.clear()
  map.set(key, value)
  return value
}

/** As express-session signs its cookie (`s:` id `.` HMAC), so sessions made before this change still work. */
const signatureOf = (sid: string, secret: string) =>
  createHmac('sha256', secret).update(sid).digest('base64').replace(/=+$/, '')

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const equals = part.indexOf('=')
    if (equals > 0 && part.slice(0, equals).trim() === name) {
      try {
        return decodeURIComponent(part.slice(equals + 1).trim())
      } catch {
        return undefined
      }
    }
  }
  return undefined
}

const EMPTY = '{}'

/**
 * Sessions kept in the database (shared by every app process), named by a signed cookie, renewed by every
 * response (rolling) and ended after `idleMs` without one. Written here in place of express-session,
 * which hashed each session three times and signed its cookie twice on every request: an eighth of the
 * heatmap page's time (docs/benchmark.md). A changed session is stored before its response is sent, so a
 * redirect always finds what the request before it stored. A visitor's session is stored, and its
 * cookie set, only once it holds something (a sign-in form's CSRF token, say).
 */
export function sessions(options: SessionOptions): RequestHandler {
  const { cookieName, secret, idleMs, secure, now } = options
  const store = options.sessions
  // Signing is a pure function of the id, and checking one of the cookie: each is done once per value.
  const checked = new Map<string, string | false>()
  const signed = new Map<string, string>()
  const touched = new Map<string, number>()

  const sidOf = (value: string | undefined): string | undefined => {
    if (value === undefined || !value.startsWith('s:')) return undefined
    let sid = checked.get(value)
    if (sid === undefined) {
      const dot = value.lastIndexOf('.')
      const tentative = value.slice(2, dot)
      const expected = Buffer.from(`s:${tentative}.${signatureOf(tentative, secret)}`)
      const given = Buffer.from(value)
      sid = remember(
        checked,
        value,
        dot > 2 && expected.length === given.length && timingSafeEqual(expected, given) ? tentative : false,
      )
    }
    return sid === false ? undefined : sid
  }
  const cookieFor = (sid: string): string =>
    signed.get(sid) ?? remember(signed, sid, encodeURIComponent(`s:${sid}.${signatureOf(sid, secret)}`))
  const flags = `; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`
  const expiryOf = () => new Date(now().getTime() + idleMs)
  // The browser ends the cookie by its own clock, the real one; the store by the app's.
  const cookieExpiry = () => new Date(Date.now() + idleMs).toUTCString()

  return (req, res, next) => {
    const given = sidOf(cookieValue(req.headers.cookie, cookieName))
    if (given === undefined) {
      start(req, res, next, undefined)
      return
    }
    store.getWithUser(given, now()).then(found => {
      if (found) req.sessionUser = found.user ?? null
      start(req, res, next, found ? { sid: given, data: dataOf(found.data) } : undefined)
    }, next)
  }

  function start(
    req: Request,
    res: Response,
    next: NextFunction,
    found: { sid: string; data: SessionData } | undefined,
  ) {
    // Over plain HTTP a Secure cookie would never come back: none is set, as express-session did.
    const cookieAllowed = !secure || req.secure
    let sid = found?.sid ?? newId()
    /** The data as last stored, or undefined while it is stored nowhere. */
    let stored = found ? JSON.stringify(found.data) : undefined
    /** Whether the browser's cookie is to be cleared (a session ended, none begun since). */
    let cleared = false
    let failed = false

    // Its data are its own properties; JSON leaves out the methods.
    const session: Session = {
      ...found?.data,
      async regenerate() {
        if (stored !== undefined) await store.destroy(sid)
        touched.delete(sid)
        sid = newId()
        stored = undefined
        clear(session)
      },
      async save() {
        const data = JSON.stringify(session)
        await store.set(sid, JSON.parse(data) as SessionData, expiryOf())
        remember(touched, sid, now().getTime())
        stored = data
      },
      async destroy() {
        // The rest of the request goes on as a visitor's: a sign-in form it shows gets a session of its own.
        await session.regenerate()
        cleared = true
      },
    }
    req.session = session

    const writeHead = res.writeHead.bind(res)
    res.writeHead = function (...args: unknown[]) {
      // Rolling: every response to a live session renews its cookie's expiry.
      if (cookieAllowed && stored !== undefined) {
        res.append('Set-Cookie', `${cookieName}=${cookieFor(sid)}; Expires=${cookieExpiry()}${flags}`)
      } else if (cookieAllowed && cleared) {
        res.append('Set-Cookie', `${cookieName}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT${flags}`)
      }
      return writeHead(...(args as Parameters<typeof writeHead>))
    } as typeof res.writeHead

    const end = res.end.bind(res)
    res.end = function (...args: unknown[]) {
      const finish = () => end(...(args as Parameters<typeof end>))
      const pending = failed || !cookieAllowed ? undefined : beforeEnd()
      if (!pending) return finish()
      pending.then(finish, (error: unknown) => {
        // Nothing has been sent yet: the error handler answers instead (a 503 when the database is away).
        failed = true
        res.removeHeader('Location')
        next(error)
      })
      return res
    } as typeof res.end

    /** What must be stored before the response goes: a changed session, or a due renewal of its expiry. */
    function beforeEnd(): Promise<void> | undefined {
      if (JSON.stringify(session) !== (stored ?? EMPTY)) return session.save()
      if (stored === undefined) return undefined
      const at = now().getTime()
      if (at - (touched.get(sid) ?? -Infinity) < Math.min(TOUCH_INTERVAL_MS, idleMs / 10)) return undefined
      remember(touched, sid, at)
      return store.touch(sid, expiryOf())
    }
    next()
  }
}

const newId = () => randomBytes(24).toString('base64url')

/** The data as stored; a session stored by express-session also holds its cookie, which is not data. */
function dataOf(stored: unknown): SessionData {
  if (typeof stored !== 'object' || stored === null) return {}
  const { cookie: _cookie, ...data } = stored as SessionData & { cookie?: unknown }
  return data
}

function clear(session: Session): void {
  for (const [key, value] of Object.entries(session)) {
    if (typeof value !== 'function') Reflect.deleteProperty(session, key)
  }
}
