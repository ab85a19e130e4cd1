import type { Request, RequestHandler, Response } from 'express'
import { ValidationError } from '../../domain/errors'
import type { Services } from '../../services'
import type { PartnershipForm } from '../../services/admin/partnership.service'
import { field, formErrors } from '../../presenters/form-errors'
import { paths, patterns } from '../../paths'
import { renderPage } from '../../middleware/render-page'
import { partnershipFormView, partnershipsView } from '../../presenters/admin/partnerships.presenter'
import { signedInUser } from '../../middleware/require-access'
import { route, type RouteDefinition } from '../route-table'
import { positiveId } from '../params'

const ADMIN = ['admin'] as const

function partnershipForm(body: unknown): PartnershipForm {
  const members = body && typeof body === 'object' ? (body as Record<string, unknown>).members : undefined
  return { name: field(body, 'name'), description: field(body, 'description'), members }
}

function formValues(form: PartnershipForm) {
  const members = Array.isArray(form.members) ? form.members : form.members === undefined ? [] : [form.members]
  return { name: form.name, description: form.description, members: members.filter(m => typeof m === 'string') }
}

const partnershipId = (req: Request): number => positiveId(req.params.id)

async function renderForm(
  services: Services,
  res: Response,
  { editing, ...locals }: Record<string, unknown> & { editing?: { id: number } },
  status = 200,
) {
  const view = partnershipFormView(await services.organisations.list(), editing)
  await renderPage(res, 'admin/partnership-form', { view, ...locals }, status)
}

function listPartnerships(services: Services): RequestHandler {
  return async (_req, res) => {
    await renderPage(res, 'admin/partnerships', {
      title: 'Partnerships',
      view: partnershipsView(await services.partnerships.list()),
    })
  }
}

function showNewForm(services: Services): RequestHandler {
  return async (_req, res) => {
    await renderForm(services, res, {
      title: 'Add a partnership',
      values: { members: [] },
      action: paths.admin.newPartnership,
    })
  }
}

function createPartnership(services: Services): RequestHandler {
  return async (req, res) => {
    const form = partnershipForm(req.body)
    try {
      await services.partnerships.create(form, signedInUser(req).id)
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      return renderForm(
        services,
        res,
        {
          title: 'Add a partnership',
          values: formValues(form),
          action: paths.admin.newPartnership,
          errors: formErrors(error.errors),
        },
        400,
      )
    }
    req.session.flash = { type: 'success', heading: 'Partnership added' }
    res.redirect(paths.admin.partnerships)
  }
}

function showPartnership(services: Services): RequestHandler {
  return async (req, res) => {
    const p = await services.partnerships.get(partnershipId(req))
    await renderForm(services, res, {
      title: `Change ${p.name}`,
      editing: p,
      values: { name: p.name, description: p.description, members: p.members.map(m => m.slug) },
      action: paths.admin.partnership(p.id),
    })
  }
}

function updatePartnership(services: Services): RequestHandler {
  return async (req, res) => {
    const id = partnershipId(req)
    const form = partnershipForm(req.body)
    try {
      await services.partnerships.update(id, form, signedInUser(req).id)
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      const p = await services.partnerships.get(id)
      return renderForm(
        services,
        res,
        {
          title: `Change ${p.name}`,
          editing: p,
          values: formValues(form),
          action: paths.admin.partnership(id),
          errors: formErrors(error.errors),
        },
        400,
      )
    }
    req.session.flash = { type: 'success', heading: 'Partnership saved' }
    res.redirect(paths.admin.partnerships)
  }
}

function removePartnership(services: Services): RequestHandler {
  return async (req, res) => {
    await services.partnerships.remove(partnershipId(req), signedInUser(req).id)
    req.session.flash = { type: 'success', heading: 'Partnership removed' }
    res.redirect(paths.admin.partnerships)
  }
}

/** Every admin page about partnerships, in the order they are matched. */
export function adminPartnershipRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', paths.admin.partnerships, ADMIN, listPartnerships(services)),
    route('get', paths.admin.newPartnership, ADMIN, showNewForm(services)),
    route('post', paths.admin.newPartnership, ADMIN, createPartnership(services)),
    route('get', patterns.admin.partnership, ADMIN, showPartnership(services)),
    route('post', patterns.admin.partnership, ADMIN, updatePartnership(services)),
    route('post', patterns.admin.partnershipDelete, ADMIN, removePartnership(services)),
  ]
}
