import type { Request, RequestHandler, Response } from 'express'
import { DEFAULT_EXPIRY_DAYS, EXPIRY_CHOICES, TOKEN_NAME_MAX_LENGTH } from '../../domain/api-token'
import { ValidationError } from '../../domain/errors'
import { ALL_ROLES } from '../../domain/roles'
import { csrfToken } from '../../middleware/csrf'
import { regenerateSession, saveSession } from '../../middleware/web-session'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import { field, formErrors, type FormErrors } from '../../presenters/form-errors'
import { accountView } from '../../presenters/account/account.presenter'
import { tokenCreatedView } from '../../presenters/account/tokens.presenter'
import { ownTokenRevokeView } from '../../presenters/admin/token-revoke.presenter'
import { paths, patterns } from '../../paths'
import { renderPage } from '../../middleware/render-page'
import { route, type RouteDefinition } from '../route-table'
import { positiveId } from '../params'
import { plural } from '../../domain/format/plurals'

const tokenId = (req: Request): number => positiveId(req.params.id)

async function renderAccount(
  services: Services,
  req: Request,
  res: Response,
  form: { values: Record<string, string>; errors?: FormErrors } = { values: {} },
  status = 200,
) {
  const user = signedInUser(req)
  const [organisation, tokens] = await Promise.all([
    services.organisations.ownOrganisation(user),
    services.tokens.list(user),
  ])
  await renderPage(
    res,
    'account/show',
    {
      title: 'Your account',
      view: accountView({
        user,
        organisation,
        tokens,
        expiresInDays: form.values.expiresInDays,
        expiryChoices: EXPIRY_CHOICES,
        defaultExpiry: DEFAULT_EXPIRY_DAYS,
        nameMaxLength: TOKEN_NAME_MAX_LENGTH,
      }),
      ...form,
    },
    status,
  )
}

function showAccount(services: Services): RequestHandler {
  return async (req, res) => {
    await renderAccount(services, req, res)
  }
}

const showPasswordForm: RequestHandler = async (_req, res) => {
  await renderPage(res, 'account/password', { title: 'Change your password' })
}

function changePassword(services: Services): RequestHandler {
  return async (req, res) => {
    const user = signedInUser(req)
    const form = {
      currentPassword: field(req.body, 'currentPassword'),
      password: field(req.body, 'password'),
      confirmPassword: field(req.body, 'confirmPassword'),
    }
    let result
    try {
      result = await services.users.changePassword(user, form, req.ip ?? 'unknown')
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      return renderPage(
        res,
        'account/password',
        { title: 'Change your password', errors: formErrors(error.errors) },
        400,
      )
    }
    if (result.outcome === 'throttled') {
      res.set('Retry-After', String(result.retryAfterSeconds))
      const minutes = Math.ceil(result.retryAfterSeconds / 60)
      const message = `Too many wrong passwords. Try again in ${plural(minutes, 'minute')}.`
      return renderPage(
        res,
        'account/password',
        { title: 'Change your password', errors: formErrors([{ field: 'currentPassword', message }]) },
        429,
      )
    }
    // Every session of the person has ended; this browser carries on under a new id.
    await regenerateSession(req)
    req.session.userId = user.id
    csrfToken(req)
    req.session.flash = {
      type: 'success',
      heading: 'Your password has been changed',
      body: 'Every other browser you were signed in on has been signed out, and your personal access tokens no longer work.',
    }
    await saveSession(req)
    res.redirect(paths.account)
  }
}

// The secret is shown on this response and nowhere else: not stored, not carried through a redirect.
function createToken(services: Services): RequestHandler {
  return async (req, res) => {
    const values = { name: field(req.body, 'name'), expiresInDays: field(req.body, 'expiresInDays') }
    try {
      const { secret, token } = await services.tokens.create(signedInUser(req), values)
      res.set('Cache-Control', 'no-store')
      await renderPage(res, 'account/token-created', { title: 'Token created', secret, view: tokenCreatedView(token) })
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      await renderAccount(services, req, res, { values, errors: formErrors(error.errors) }, 400)
    }
  }
}

// What revoking does, and a way back, before anything happens.
function confirmRevokeToken(services: Services): RequestHandler {
  return async (req, res) => {
    const user = signedInUser(req)
    const token = await services.tokens.findForUser(user.id, tokenId(req))
    await renderPage(res, 'admin/token-revoke', {
      title: `Revoke the token “${token.name}”`,
      view: ownTokenRevokeView(user, token),
    })
  }
}

function revokeToken(services: Services): RequestHandler {
  return async (req, res) => {
    const token = await services.tokens.revoke(signedInUser(req), tokenId(req))
    req.session.flash = {
      type: 'success',
      heading: `Token “${token.name}” revoked`,
      body: 'Anything still using it will be refused from now on.',
    }
    res.redirect(paths.account)
  }
}

/** Your account: the signed-in person's own details, password and tokens, in the order they are matched. */
export function accountRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', paths.account, ALL_ROLES, showAccount(services)),
    route('get', paths.accountPassword, ALL_ROLES, showPasswordForm),
    route('post', paths.accountPassword, ALL_ROLES, changePassword(services)),
    route('post', paths.accountTokens, ALL_ROLES, createToken(services)),
    route('get', patterns.accountTokenRevoke, ALL_ROLES, confirmRevokeToken(services)),
    route('post', patterns.accountTokenRevoke, ALL_ROLES, revokeToken(services)),
  ]
}
