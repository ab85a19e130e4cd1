import type { Request, Response } from 'express'
import { ValidationError } from '../../domain/errors'
import type { Organisation } from '../../domain/organisation'
import { ALL_ROLES } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import { EntryConflictError, type EntryView } from '../../services/pipeline/pipeline.service'
import { field } from '../../presenters/form-errors'
import { paths, patterns } from '../../paths'
import { entryId, organisationRef, slugFor, WRITERS, sentToChooseOrganisation } from './pipeline-request'
import {
  entryFormErrors,
  formValuesOf,
  postedEntry,
  summaryRows,
  withOrganisation,
  type EntryFormValues,
} from '../../presenters/pipeline/pipeline.presenter'
import { entryFormView } from '../../presenters/pipeline/entry-form.presenter'
import { deleteEntryView, entryPageView } from '../../presenters/pipeline/entry.presenter'
import { renderPage } from '../../middleware/render-page'
import { route, type RouteDefinition } from '../route-table'

const categoryName = (e: EntryView, names: Map<string, string>) => names.get(e.categoryKey) ?? e.categoryKey

async function lists(services: Services) {
  const options = await services.pipeline.options()
  return { options, areaTitles: options.areaTitles }
}

interface FormLocals {
  organisation: Organisation
  values: EntryFormValues
  entry?: EntryView
  errors?: unknown
  conflict?: { rows: { key: string; value: string }[]; at: Date }
}

async function renderForm(services: Services, req: Request, res: Response, locals: FormLocals, status = 200) {
  const { options } = await lists(services)
  const slug = slugFor(signedInUser(req), locals.organisation)
  await renderPage(
    res,
    'pipeline/entry-form',
    {
      title: locals.entry ? 'Change a pipeline entry' : 'Add a pipeline entry',
      view: entryFormView({ ...locals, slug, options }),
      errors: locals.errors,
    },
    status,
  )
}

async function renderDelete(
  services: Services,
  req: Request,
  res: Response,
  entry: EntryView,
  locals: Record<string, unknown>,
  status = 200,
) {
  const { options, areaTitles } = await lists(services)
  const slug = slugFor(signedInUser(req), entry.organisation)
  await renderPage(
    res,
    'pipeline/delete',
    {
      title: 'Delete this pipeline entry?',
      view: deleteEntryView(entry, slug, summaryRows(entry, options.categories, areaTitles)),
      ...locals,
    },
    status,
  )
}

async function showNewForm(services: Services, req: Request, res: Response) {
  if (sentToChooseOrganisation(req, res)) return
  const user = signedInUser(req)
  const ref = organisationRef(req)
  const organisation = await services.pipeline.writable(user, ref)
  await renderForm(services, req, res, { organisation, values: formValuesOf() })
}

async function addEntry(services: Services, req: Request, res: Response) {
  const user = signedInUser(req)
  const organisation = await services.pipeline.writable(user, organisationRef(req))
  const { values, raw } = postedEntry(req.body)
  try {
    await services.pipeline.create(user, { slug: organisation.slug }, raw)
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    return renderForm(services, req, res, { organisation, values, errors: entryFormErrors(error.errors, raw) }, 400)
  }
  const { options } = await lists(services)
  req.session.flash = {
    type: 'success',
    heading: `Entry added: ${options.categories.find(c => c.key === raw.categoryKey)?.name ?? ''}`,
  }
  res.redirect(withOrganisation(paths.pipeline, slugFor(user, organisation)))
}

/** The entry's form for those who may change it; a read-only summary for everyone else who may see it. */
async function showEntry(services: Services, req: Request, res: Response) {
  const user = signedInUser(req)
  const entry = await services.pipeline.get(user, entryId(req))
  if (services.pipeline.mayWrite(user, entry.organisationId))
    return renderForm(services, req, res, { organisation: entry.organisation, entry, values: formValuesOf(entry) })
  const { options, areaTitles } = await lists(services)
  const names = new Map(options.categories.map(c => [c.key, c.name]))
  await renderPage(res, 'pipeline/entry', {
    title: `${entry.organisation.name}: ${categoryName(entry, names)}`,
    view: entryPageView(entry, categoryName(entry, names), summaryRows(entry, options.categories, areaTitles)),
  })
}

async function saveEntry(services: Services, req: Request, res: Response) {
  const user = signedInUser(req)
  const entry = await services.pipeline.get(user, entryId(req))
  const { values, raw } = postedEntry(req.body)
  try {
    await services.pipeline.update(user, entry.id, raw, field(req.body, 'revision'))
  } catch (error) {
    if (error instanceof ValidationError) {
      const errors = entryFormErrors(error.errors, raw)
      return renderForm(services, req, res, { organisation: entry.organisation, entry, values, errors }, 400)
    }
    if (!(error instanceof EntryConflictError)) throw error
    const { options, areaTitles } = await lists(services)
    const message = 'Someone else changed this entry while you were editing it. Check what it says now, below.'
    // The form keeps this person's values and takes the current revision: saving again overwrites knowingly.
    return renderForm(
      services,
      req,
      res,
      {
        organisation: entry.organisation,
        entry: { ...entry, revision: error.current.revision },
        values,
        errors: { summary: [{ text: message, href: '#conflict' }], fields: {} },
        conflict: { rows: summaryRows(error.current, options.categories, areaTitles), at: error.current.updatedAt },
      },
      409,
    )
  }
  req.session.flash = { type: 'success', heading: 'Entry saved' }
  res.redirect(withOrganisation(paths.pipeline, slugFor(user, entry.organisation)))
}

async function confirmDelete(services: Services, req: Request, res: Response) {
  const user = signedInUser(req)
  const entry = await services.pipeline.get(user, entryId(req))
  await services.pipeline.writable(user, { slug: entry.organisation.slug })
  await renderDelete(services, req, res, entry, {})
}

async function deleteEntry(services: Services, req: Request, res: Response) {
  const user = signedInUser(req)
  const entry = await services.pipeline.get(user, entryId(req))
  try {
    await services.pipeline.remove(user, entry.id, field(req.body, 'revision'))
  } catch (error) {
    if (!(error instanceof EntryConflictError)) throw error
    const message = 'Someone else changed this entry since you opened this page. Check it is still the one to delete.'
    return renderDelete(
      services,
      req,
      res,
      error.current,
      { errors: { summary: [{ text: message, href: '#entry' }], fields: {} } },
      409,
    )
  }
  const { options } = await lists(services)
  const names = new Map(options.categories.map(c => [c.key, c.name]))
  req.session.flash = { type: 'success', heading: `Entry deleted: ${categoryName(entry, names)}` }
  res.redirect(withOrganisation(paths.pipeline, slugFor(user, entry.organisation)))
}

export function pipelineEntryRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', paths.pipelineNew, WRITERS, (req, res) => showNewForm(services, req, res)),
    route('post', paths.pipelineNew, WRITERS, (req, res) => addEntry(services, req, res)),
    route('get', patterns.pipelineEntry, ALL_ROLES, (req, res) => showEntry(services, req, res)),
    route('post', patterns.pipelineEntry, WRITERS, (req, res) => saveEntry(services, req, res)),
    route('get', patterns.pipelineDelete, WRITERS, (req, res) => confirmDelete(services, req, res)),
    route('post', patterns.pipelineDelete, WRITERS, (req, res) => deleteEntry(services, req, res)),
  ]
}
