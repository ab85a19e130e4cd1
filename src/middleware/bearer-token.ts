import { Router, type RequestHandler, type Response } from 'express'
import type { TokenService } from '../services/account/token.service'

/** Tokens are for the API only: on a page, an Authorization header signs no one in. */
const TOKEN_PATHS = '/api/v1/'

function refuse(res: Response, message: string): void {
  res
    .status(401)
    .set('WWW-Authenticate', 'Bearer realm="api", error="invalid_token"')
    .json({ error: 'unauthorized', message })
}

/**
 * An API request with an Authorization header is authenticated by that header alone, never by a cookie
 * it may also carry: a token that does not work is refused, rather than quietly falling back to a session.
 */
export function bearerTokens(tokens: TokenService): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('authorization')
    if (header === undefined || !req.path.startsWith(TOKEN_PATHS)) {
      next()
      return
    }
    const secret = /^Bearer +(\S+) *$/i.exec(header)?.[1]
    if (!secret) {
      refuse(res, 'Send a personal access token as “Authorization: Bearer ldm_…”')
      return
    }
    const user = await tokens.authenticate(secret)
    if (!user) {
      refuse(res, 'This token is not valid: it is wrong, expired or revoked. Make a new one on your account page.')
      return
    }
    req.user = user
    req.authenticatedBy = 'token'
    next()
  }
}

/**
 * The session, its user and CSRF checking, for requests from a browser. A token request skips them all: it
 * reads no cookie, makes no session, and needs no CSRF token, since no browser attaches its header on its own.
 */
export function browserOnly(...handlers: RequestHandler[]): RequestHandler {
  const chain = Router()
  chain.use(...handlers)
  return (req, res, next) => {
    if (req.authenticatedBy === 'token') next()
    else chain(req, res, next)
  }
}
