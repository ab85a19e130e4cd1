import type { Request, RequestHandler, Response } from 'express'
import session from 'express-session'
import type { Store } from 'express-session'

export interface SessionOptions {
  cookieName: string
  secret: string
  /** Set the cookie Secure, and only over HTTPS (as the load balancer tells, with trust proxy). */
  secure: boolean
  store: Store
}

/** The session's own data, without the cookie express-session keeps beside it, as one comparable string. */
const contentOf = (data: object): string => {
  const { cookie: _cookie, ...content } = data as { cookie?: unknown }
  return JSON.stringify(content)
}

/**
 * Sessions by express-session, kept in the database (shared by every app process) and ended there after
 * the idle time without a request (see DatabaseSessionStore), with no cookie until a session holds
 * something (a sign-in form's CSRF token, say). A second handler makes sure a changed session is stored before anything of the
 * response is sent: express-session stores it while the response is already on its way, so a redirect
 * could arrive before the flash message it leads to, and a store that fails could no longer be answered
 * with the error page.
 */
export function sessions(options: SessionOptions): RequestHandler[] {
  // A browser-session cookie: the browser forgets it when it closes, and the store ends the session after
  // the idle time without a request, renewing that on every request. Renewing the cookie too, on every response,
  // cost a sixth of the heatmap page's time (docs/benchmark.md) and bought nothing the store's expiry does not.
  const cookie = { httpOnly: true, sameSite: 'lax' as const, secure: options.secure, path: '/' }
  return [
    session({
      name: options.cookieName,
      secret: options.secret,
      store: options.store,
      cookie,
      rolling: false,
      resave: false,
      saveUninitialized: false,
    }),
    storeBeforeSending,
  ]
}

const EMPTY = '{}'

const storeBeforeSending: RequestHandler = (req, res, next) => {
  let id = req.sessionID
  let stored = contentOf(req.session)
  // A new id (a regenerated session) needs storing only once it holds something.
  const changed = () => {
    // express-session leaves no session on a request once it is destroyed.
    const current = req.session as object | undefined
    if (current === undefined) return false
    const content = contentOf(current)
    return req.sessionID === id ? content !== stored : content !== EMPTY
  }
  const end = res.end.bind(res) as (...args: unknown[]) => Response
  let failed = false
  res.end = function (...args: unknown[]) {
    // Once anything is sent, or once storing has failed and the error page is on its way, express-session
    // stores what is left as the response ends, as it always does.
    if (failed || res.headersSent || !changed()) return end(...args)
    req.session.save(error => {
      if (error) {
        // The error page goes instead, and express-session is left no session to try storing again.
        failed = true
        res.removeHeader('Location')
        ;(req as { session?: unknown }).session = undefined
        next(error)
        return
      }
      id = req.sessionID
      stored = contentOf(req.session)
      end(...args)
    })
    return res
  } as typeof res.end
  next()
}

const promised = (act: (done: (error?: unknown) => void) => void): Promise<void> =>
  new Promise((resolve, reject) => {
    act(error => {
      if (error === undefined || error === null) resolve()
      else reject(error instanceof Error ? error : new Error('The session store failed'))
    })
  })

/** A new id and no data: at sign-in, so an id planted before (session fixation) opens nothing after. */
export const regenerateSession = (req: Request): Promise<void> => promised(done => req.session.regenerate(done))

/** Stores the session now, not as the response ends. */
export const saveSession = (req: Request): Promise<void> => promised(done => req.session.save(done))

/** Ends the session: stored nowhere, and its cookie cleared with the flags it was set with. */
export async function endSession(req: Request, res: Response, cookieName: string): Promise<void> {
  const { cookie } = req.session
  await promised(done => req.session.destroy(done))
  res.clearCookie(cookieName, {
    path: cookie.path ?? '/',
    httpOnly: cookie.httpOnly ?? true,
    sameSite: 'lax',
    secure: cookie.secure === true,
  })
}
