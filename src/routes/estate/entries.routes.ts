import type { Request, Response } from 'express'
import { ValidationError } from '../../domain/errors'
import type { Organisation } from '../../domain/organisation'
import { ALL_ROLES } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import { renderPage } from '../../middleware/render-page'
import type { Services } from '../../services'
import { EstateConflictError, type EstateEntryView } from '../../services/estate/estate.service'
import { field, type FormErrors } from '../../presenters/form-errors'
import {
  estateFormErrors,
  estateFormValuesOf,
  estateFormView,
  postedEstateEntry,
  type EstateFormValues,
} from '../../presenters/estate/estate-form.presenter'
import { estateDeleteView, estateEntryPageView, estateSummaryRows } from '../../presenters/estate/entry.presenter'
import { paths, patterns } from '../../paths'
import { route, type RouteDefinition } from '../route-table'
import { digitsOnly, entryId, organisationRef, slugFor, WRITERS } from './estate-request'

interface FormLocals {
  organisation: Organisation
  values: EstateFormValues
  entry?: EstateEntryView
  errors?: FormErrors
  conflict?: EstateEntryView
}

/** Where the register this person came from is: their own, or the authority's page for central roles. */
const registerOf = (req: Request, organisation: Organisation) => {
  const slug = slugFor(signedInUser(req), organisation)
  return slug ? paths.estateOrganisation(slug) : paths.estate
}

async function formView(services: Services, req: Request, locals: FormLocals) {
  const options = await services.estate.options()
  return estateFormView({
    organisation: locals.organisation,
    slug: locals.entry ? undefined : slugFor(signedInUser(req), locals.organisation),
    values: locals.values,
    entry: locals.entry,
    conflict: locals.conflict && { rows: estateSummaryRows(locals.conflict, false), at: locals.conflict.updatedAt },
    ...options,
  })
}

async function renderNew(services: Services, req: Request, res: Response, locals: FormLocals, status = 200) {
  await renderPage(
    res,
    'estate/new',
    { title: 'Add a system', view: await formView(services, req, locals), errors: locals.errors },
    status,
  )
}

/** The entry's page: its summary and ratings for everyone who may see it, and the form for those who may change it. */
async function renderEntry(services: Services, req: Request, res: Response, locals: FormLocals, status = 200) {
  const user = signedInUser(req)
  const entry = locals.entry as EstateEntryView
  const canWrite = services.estate.mayWrite(user, entry.organisationId)
  const back = registerOf(req, entry.organisation)
  const [standards, summaries] = await Promise.all([
    services.estate.publishedStandards(),
    services.estate.ratingSummaries(entry.id),
  ])
  const view = estateEntryPageView(entry, canWrite, back, standards, summaries)
  await renderPage(
    res,
    'estate/entry',
    {
      title: view.heading,
      view,
      form: canWrite ? await formView(services, req, locals) : null,
      errors: locals.errors,
    },
    status,
  )
}

async function addEntry(services: Services, req: Request, res: Response) {
  const user = signedInUser(req)
  const organisation = await services.estate.writable(user, organisationRef(req))
  const { values, raw } = postedEstateEntry(req.body)
  try {
    await services.estate.create(user, { slug: organisation.slug }, raw)
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    return renderNew(services, req, res, { organisation, values, errors: estateFormErrors(error.errors, raw) }, 400)
  }
  req.session.flash = { type: 'success', heading: 'System added to the register' }
  res.redirect(registerOf(req, organisation))
}

async function saveEntry(services: Services, req: Request, res: Response) {
  const user = signedInUser(req)
  const entry = await services.estate.get(user, entryId(req))
  await services.estate.writable(user, { slug: entry.organisation.slug })
  const { values, raw } = postedEstateEntry(req.body)
  const organisation = entry.organisation
  try {
    await services.estate.update(user, entry.id, raw, field(req.body, 'revision'))
  } catch (error) {
    if (error instanceof ValidationError) {
      const errors = estateFormErrors(error.errors, raw)
      return renderEntry(services, req, res, { organisation, entry, values, errors }, 400)
    }
    if (!(error instanceof EstateConflictError)) throw error
    const message = 'Someone else changed this system while you were editing it. Check what it says now, below.'
    // The form keeps this person's values and takes the current revision: saving again overwrites knowingly.
    return renderEntry(
      services,
      req,
      res,
      {
        organisation,
        entry: { ...error.current, revision: error.current.revision },
        values,
        errors: { summary: [{ text: message, href: '#conflict' }], fields: {} },
        conflict: error.current,
      },
      409,
    )
  }
  req.session.flash = { type: 'success', heading: 'System saved' }
  res.redirect(registerOf(req, organisation))
}

async function renderDelete(res: Response, entry: EstateEntryView, errors?: FormErrors, status = 200) {
  await renderPage(
    res,
    'estate/delete',
    { title: 'Remove this system from the register?', view: estateDeleteView(entry), errors },
    status,
  )
}

async function deleteEntry(services: Services, req: Request, res: Response) {
  const user = signedInUser(req)
  const entry = await services.estate.get(user, entryId(req))
  try {
    await services.estate.remove(user, entry.id, field(req.body, 'revision'))
  } catch (error) {
    if (!(error instanceof EstateConflictError)) throw error
    const text = 'Someone else changed this system since you opened this page. Check it is still the one to remove.'
    return renderDelete(res, error.current, { summary: [{ text, href: '#entry' }], fields: {} }, 409)
  }
  req.session.flash = { type: 'success', heading: `System removed: ${entry.product.name}` }
  res.redirect(registerOf(req, entry.organisation))
}

export function estateEntryRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', patterns.estateNew, WRITERS, async (req, res) => {
      const user = signedInUser(req)
      const ref = organisationRef(req)
      // An administrator says for which authority by choosing it first.
      if (!ref && user.role === 'admin') {
        res.redirect(paths.estate)
        return
      }
      const organisation = await services.estate.writable(user, ref)
      await renderNew(services, req, res, { organisation, values: estateFormValuesOf() })
    }),
    route('post', patterns.estateNew, WRITERS, (req, res) => addEntry(services, req, res)),
    route('get', patterns.estateEntry, ALL_ROLES, digitsOnly, async (req, res) => {
      const entry = await services.estate.get(signedInUser(req), entryId(req))
      await renderEntry(services, req, res, {
        organisation: entry.organisation,
        entry,
        values: estateFormValuesOf(entry),
      })
    }),
    route('post', patterns.estateEntry, WRITERS, digitsOnly, (req, res) => saveEntry(services, req, res)),
    route('get', patterns.estateDelete, WRITERS, digitsOnly, async (req, res) => {
      const user = signedInUser(req)
      const entry = await services.estate.get(user, entryId(req))
      await services.estate.writable(user, { slug: entry.organisation.slug })
      await renderDelete(res, entry)
    }),
    route('post', patterns.estateDelete, WRITERS, digitsOnly, (req, res) => deleteEntry(services, req, res)),
  ]
}
