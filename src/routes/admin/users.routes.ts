import type { Request, RequestHandler, Response } from 'express'
import { ValidationError } from '../../domain/errors'
import type { User } from '../../domain/user'
import type { Services } from '../../services'
import type { UserForm } from '../../services/admin/user.service'
import { field, formErrors } from '../../presenters/form-errors'
import { disableCheckView } from '../../presenters/admin/check.presenter'
import { invitationView } from '../../presenters/admin/invitation.presenter'
import { tokenRevokeView } from '../../presenters/admin/token-revoke.presenter'
import { userFormView } from '../../presenters/admin/user-form.presenter'
import { usersView } from '../../presenters/admin/users.presenter'
import { absoluteUrl, paths, patterns } from '../../paths'
import { renderPage } from '../../middleware/render-page'
import { signedInUser } from '../../middleware/require-access'
import { route, type RouteDefinition, type Site } from '../route-table'
import { positiveId } from '../params'

const ADMIN = ['admin'] as const

function userForm(body: unknown): UserForm {
  return {
    email: field(body, 'email'),
    name: field(body, 'name'),
    role: field(body, 'role'),
    organisation: field(body, 'organisation'),
  }
}

const userId = (req: Request): number => positiveId(req.params.id)
const tokenId = (req: Request): number => positiveId(req.params.tokenId)

/** The invite form, or with `editing` the form that changes that user, and what else can be done to them. */
async function renderForm(
  services: Services,
  req: Request,
  res: Response,
  locals: Record<string, unknown>,
  { editing, status = 200 }: { editing?: User; status?: number } = {},
) {
  const organisations = await services.organisations.list()
  const tokens = editing && { user: editing, tokens: await services.tokens.listForUser(editing.id) }
  const view = userFormView({ organisations, currentUserId: signedInUser(req).id, editing: tokens })
  await renderPage(res, 'admin/user-form', { view, ...locals }, status)
}

// Never from the request's Host header, which whoever sends the request chooses.
const invitationUrl = (site: Site, token: string): string => absoluteUrl(site.publicUrl, paths.invitation(token))

function listUsers(services: Services): RequestHandler {
  return async (_req, res) => {
    await renderPage(res, 'admin/users', { title: 'Users', view: usersView(await services.users.list()) })
  }
}

function showInviteForm(services: Services): RequestHandler {
  return async (req, res) => {
    await renderForm(services, req, res, { title: 'Invite a user', values: {}, action: paths.admin.newUser })
  }
}

function inviteUser(services: Services, site: Site): RequestHandler {
  return async (req, res) => {
    const form = userForm(req.body)
    try {
      const { token, expiresAt, userId: id } = await services.users.invite(form, signedInUser(req).id)
      const user = await services.users.get(id)
      await renderPage(res, 'admin/invitation', {
        title: 'User invited',
        view: invitationView(user, expiresAt),
        link: invitationUrl(site, token),
      })
      return
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      await renderForm(
        services,
        req,
        res,
        { title: 'Invite a user', values: form, action: paths.admin.newUser, errors: formErrors(error.errors) },
        { status: 400 },
      )
    }
  }
}

function showUser(services: Services): RequestHandler {
  return async (req, res) => {
    const user = await services.users.get(userId(req))
    const organisation =
      user.organisationId === null
        ? undefined
        : (await services.organisations.list()).find(o => o.id === user.organisationId)
    await renderForm(
      services,
      req,
      res,
      {
        title: `Change ${user.name}`,
        values: { ...user, organisation: organisation?.slug ?? '' },
        action: paths.admin.user(user.id),
      },
      { editing: user },
    )
  }
}

// What revoking does, and a way back, before anything happens.
function confirmTokenRevoke(services: Services): RequestHandler {
  return async (req, res) => {
    const owner = await services.users.get(userId(req))
    const token = await services.tokens.findForUser(owner.id, tokenId(req))
    await renderPage(res, 'admin/token-revoke', {
      title: `Revoke the token “${token.name}”`,
      view: tokenRevokeView(owner, token),
    })
  }
}

function revokeToken(services: Services): RequestHandler {
  return async (req, res) => {
    const owner = await services.users.get(userId(req))
    const token = await services.tokens.revokeForUser(signedInUser(req), owner.id, tokenId(req))
    req.session.flash = {
      type: 'success',
      heading: `Token “${token.name}” revoked`,
      body: `Anything using it for ${owner.name} is refused from now on.`,
    }
    res.redirect(paths.admin.user(owner.id))
  }
}

function updateUser(services: Services): RequestHandler {
  return async (req, res) => {
    const id = userId(req)
    const form = userForm(req.body)
    try {
      await services.users.update(id, form, signedInUser(req).id)
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      const user = await services.users.get(id)
      return renderForm(
        services,
        req,
        res,
        { title: `Change ${user.name}`, values: form, action: paths.admin.user(id), errors: formErrors(error.errors) },
        { editing: user, status: 400 },
      )
    }
    req.session.flash = { type: 'success', heading: 'User details saved' }
    res.redirect(paths.admin.users)
  }
}

// What disabling does, and a way back, before anything happens.
function confirmDisable(services: Services): RequestHandler {
  return async (req, res) => {
    const user = await services.users.get(userId(req))
    await renderPage(res, 'admin/check', { title: `Disable ${user.name}’s account`, view: disableCheckView(user) })
  }
}

function disableUser(services: Services): RequestHandler {
  return async (req, res) => {
    await services.users.setDisabled(userId(req), true, signedInUser(req).id)
    req.session.flash = {
      type: 'success',
      heading: 'User disabled',
      body: 'They have been signed out and cannot sign in.',
    }
    res.redirect(paths.admin.users)
  }
}

function enableUser(services: Services): RequestHandler {
  return async (req, res) => {
    await services.users.setDisabled(userId(req), false, signedInUser(req).id)
    req.session.flash = { type: 'success', heading: 'User enabled' }
    res.redirect(paths.admin.users)
  }
}

function reissueInvitation(services: Services, site: Site): RequestHandler {
  return async (req, res) => {
    const user = await services.users.get(userId(req))
    const { token, expiresAt } = await services.users.reissueInvitation(user.id, signedInUser(req).id)
    await renderPage(res, 'admin/invitation', {
      title: user.hasPassword ? 'Password reset link' : 'New invitation link',
      view: invitationView(user, expiresAt),
      link: invitationUrl(site, token),
    })
  }
}

/** Every admin page about users, in the order they are matched. */
export function adminUserRoutes(services: Services, site: Site): RouteDefinition[] {
  return [
    route('get', paths.admin.users, ADMIN, listUsers(services)),
    route('get', paths.admin.newUser, ADMIN, showInviteForm(services)),
    route('post', paths.admin.newUser, ADMIN, inviteUser(services, site)),
    route('get', patterns.admin.user, ADMIN, showUser(services)),
    route('get', patterns.admin.userTokenRevoke, ADMIN, confirmTokenRevoke(services)),
    route('post', patterns.admin.userTokenRevoke, ADMIN, revokeToken(services)),
    route('post', patterns.admin.user, ADMIN, updateUser(services)),
    route('get', patterns.admin.userDisable, ADMIN, confirmDisable(services)),
    route('post', patterns.admin.userDisable, ADMIN, disableUser(services)),
    route('post', patterns.admin.userEnable, ADMIN, enableUser(services)),
    route('post', patterns.admin.userInvitation, ADMIN, reissueInvitation(services, site)),
  ]
}
