import type { Request, RequestHandler, Response } from 'express'
import { ALL_ROLES } from '../../domain/roles'
import { NotFoundError, ValidationError } from '../../domain/errors'
import { csrfToken } from '../../middleware/csrf'
import { endSession, regenerateSession, saveSession } from '../../middleware/web-session'
import type { Services } from '../../services'
import { field, formErrors } from '../../presenters/form-errors'
import { paths, safeReturnPath, patterns } from '../../paths'
import { renderPage } from '../../middleware/render-page'
import { route, type RouteDefinition } from '../route-table'
import { plural } from '../../domain/format/plurals'

const SESSION_COOKIE = 'ldm.sid'

function tooManyAttempts(retryAfterSeconds: number): string {
  const wait =
    retryAfterSeconds > 90 ? plural(Math.ceil(retryAfterSeconds / 60), 'minute') : plural(retryAfterSeconds, 'second')
  return `Too many failed attempts. Try again in ${wait}.`
}

async function renderLogin(req: Request, res: Response, status: number, locals: Record<string, unknown>) {
  await renderPage(res, 'account/sign-in', { csrfToken: csrfToken(req), returnTo: '', email: '', ...locals }, status)
}

const showSignIn: RequestHandler = async (req, res) => {
  if (req.user) {
    res.redirect(paths.home)
    return
  }
  await renderLogin(req, res, 200, {
    returnTo: safeReturnPath(req.query.returnTo),
    timedOut: req.query.timeout === '1',
    signedOut: req.query.signedOut === '1',
  })
}

function signIn(services: Services): RequestHandler {
  return async (req, res) => {
    const email = field(req.body, 'email').trim()
    const password = field(req.body, 'password')
    const returnTo = safeReturnPath(field(req.body, 'returnTo'))
    const missing = [
      ...(email === '' ? [{ field: 'email', message: 'Enter your email address' }] : []),
      ...(password === '' ? [{ field: 'password', message: 'Enter your password' }] : []),
    ]
    if (missing.length > 0) return renderLogin(req, res, 400, { errors: formErrors(missing), email, returnTo })
    if (email.length > 254 || password.length > 1024) {
      return renderLogin(req, res, 400, {
        errors: formErrors([{ field: 'email', message: 'Enter a correct email address and password' }]),
        returnTo,
      })
    }

    const result = await services.auth.signIn(email, password, req.ip ?? 'unknown')
    switch (result.outcome) {
      case 'throttled':
        res.set('Retry-After', String(result.retryAfterSeconds))
        return renderLogin(req, res, 429, {
          errors: formErrors([{ field: 'email', message: tooManyAttempts(result.retryAfterSeconds) }]),
          email,
          returnTo,
        })
      case 'invalid':
        return renderLogin(req, res, 401, {
          errors: formErrors([{ field: 'email', message: 'Enter a correct email address and password' }]),
          email,
          returnTo,
        })
      case 'disabled':
        return renderLogin(req, res, 403, {
          errors: formErrors([
            { field: 'email', message: 'This account has been disabled. Ask your administrator to enable it.' },
          ]),
          email,
          returnTo,
        })
      case 'signed-in':
        // A new session id at sign-in, so an id planted before sign-in (session fixation) is worthless.
        await regenerateSession(req)
        req.session.userId = result.user.id
        csrfToken(req)
        await saveSession(req)
        res.redirect(returnTo)
        return
    }
  }
}

const signOut: RequestHandler = async (req, res) => {
  // Its cookie is cleared with the flags it was set with, so even the emptied one is HttpOnly and Secure.
  await endSession(req, res, SESSION_COOKIE)
  res.redirect(`${paths.login}?signedOut=1`)
}

// The timeout warning's "Stay signed in": the request itself renews the session.
const keepAlive: RequestHandler = (_req, res) => {
  res.status(204).end()
}

function showInvitation(services: Services): RequestHandler {
  return async (req, res) => {
    const user = await services.users.findInvitation(String(req.params.token))
    if (!user)
      throw new NotFoundError(
        'This invitation link has expired or has already been used. Ask your administrator for a new one.',
      )
    await renderPage(res, 'account/set-password', { invitee: user, csrfToken: csrfToken(req) })
  }
}

function acceptInvitation(services: Services): RequestHandler {
  return async (req, res) => {
    const token = String(req.params.token)
    try {
      await services.users.acceptInvitation(token, field(req.body, 'password'), field(req.body, 'confirmPassword'))
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      const invitee = await services.users.findInvitation(token)
      return renderPage(
        res,
        'account/set-password',
        { invitee, csrfToken: csrfToken(req), errors: formErrors(error.errors) },
        400,
      )
    }
    req.session.flash = {
      type: 'success',
      heading: 'Your password has been set',
      body: 'Sign in with your email address and new password.',
    }
    res.redirect(paths.login)
  }
}

/** Signing in and out, and setting a password through an invitation, in the order they are matched. */
export function authRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', paths.login, 'public', showSignIn),
    route('post', paths.login, 'public', signIn(services)),
    route('post', paths.logout, 'public', signOut),
    route('post', paths.keepAlive, ALL_ROLES, keepAlive),
    route('get', patterns.invitation, 'public', showInvitation(services)),
    route('post', patterns.invitation, 'public', acceptInvitation(services)),
  ]
}

export { SESSION_COOKIE }
