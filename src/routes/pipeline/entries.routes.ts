import type { Request, Response } from 'express'
import { ValidationError } from '../../domain/errors'
import {
  ROUTES,
  ROUTE_LABELS,
  STATUSES,
  STATUS_LABELS,
  VALUE_BANDS,
  VALUE_BAND_LABELS,
} from '../../domain/pipeline/entry'
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
import { renderPage } from '../../middleware/render-page'
import { route, type RouteDefinition } from '../route-table'

const categoryName = (e: EntryView, names: Map<string, string>) => names.get(e.categoryKey) ?? e.categoryKey

export function pipelineEntryRoutes(services: Services): RouteDefinition[] {
  async function lists() {
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

  async function renderForm(req: Request, res: Response, locals: FormLocals, status = 200) {
    const { options } = await lists()
    const slug = slugFor(signedInUser(req), locals.organisation)
    await renderPage(
      res,
      'pipeline/entry-form',
      {
        title: locals.entry ? 'Change a pipeline entry' : 'Add a pipeline entry',
        options,
        slug,
        back: withOrganisation(paths.pipeline, slug),
        lists: { ROUTES, ROUTE_LABELS, STATUSES, STATUS_LABELS, VALUE_BANDS, VALUE_BAND_LABELS },
        ...locals,
      },
      status,
    )
  }

  async function renderDelete(
    req: Request,
    res: Response,
    entry: EntryView,
    locals: Record<string, unknown>,
    status = 200,
  ) {
    const { options, areaTitles } = await lists()
    const slug = slugFor(signedInUser(req), entry.organisation)
    await renderPage(
      res,
      'pipeline/delete',
      {
        title: 'Delete this pipeline entry?',
        entry,
        rows: summaryRows(entry, options.categories, areaTitles),
        back: withOrganisation(paths.pipeline, slug),
        ...locals,
      },
      status,
    )
  }

  return [
    route('get', paths.pipelineNew, WRITERS, async (req, res) => {
      if (sentToChooseOrganisation(req, res)) return
      const user = signedInUser(req)
      const ref = organisationRef(req)
      const organisation = await services.pipeline.writable(user, ref)
      await renderForm(req, res, { organisation, values: formValuesOf() })
    }),

    route('post', paths.pipelineNew, WRITERS, async (req, res) => {
      const user = signedInUser(req)
      const organisation = await services.pipeline.writable(user, organisationRef(req))
      const { values, raw } = postedEntry(req.body)
      try {
        await services.pipeline.create(user, { slug: organisation.slug }, raw)
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        return renderForm(req, res, { organisation, values, errors: entryFormErrors(error.errors, raw) }, 400)
      }
      const { options } = await lists()
      req.session.flash = {
        type: 'success',
        heading: `Entry added: ${options.categories.find(c => c.key === raw.categoryKey)?.name ?? ''}`,
      }
      res.redirect(withOrganisation(paths.pipeline, slugFor(user, organisation)))
    }),

    route('get', patterns.pipelineEntry, ALL_ROLES, async (req, res) => {
      const user = signedInUser(req)
      const entry = await services.pipeline.get(user, entryId(req))
      if (services.pipeline.mayWrite(user, entry.organisationId))
        return renderForm(req, res, { organisation: entry.organisation, entry, values: formValuesOf(entry) })
      const { options, areaTitles } = await lists()
      const names = new Map(options.categories.map(c => [c.key, c.name]))
      await renderPage(res, 'pipeline/entry', {
        title: `${entry.organisation.name}: ${categoryName(entry, names)}`,
        heading: categoryName(entry, names),
        entry,
        rows: summaryRows(entry, options.categories, areaTitles),
        back: withOrganisation(paths.pipeline, entry.organisation.slug),
      })
    }),

    route('post', patterns.pipelineEntry, WRITERS, async (req, res) => {
      const user = signedInUser(req)
      const entry = await services.pipeline.get(user, entryId(req))
      const { values, raw } = postedEntry(req.body)
      try {
        await services.pipeline.update(user, entry.id, raw, field(req.body, 'revision'))
      } catch (error) {
        if (error instanceof ValidationError) {
          const errors = entryFormErrors(error.errors, raw)
          return renderForm(req, res, { organisation: entry.organisation, entry, values, errors }, 400)
        }
        if (!(error instanceof EntryConflictError)) throw error
        const { options, areaTitles } = await lists()
        const message = 'Someone else changed this entry while you were editing it. Check what it says now, below.'
        // The form keeps this person's values and takes the current revision: saving again overwrites knowingly.
        return renderForm(
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
    }),

    route('get', patterns.pipelineDelete, WRITERS, async (req, res) => {
      const user = signedInUser(req)
      const entry = await services.pipeline.get(user, entryId(req))
      await services.pipeline.writable(user, { slug: entry.organisation.slug })
      await renderDelete(req, res, entry, {})
    }),

    route('post', patterns.pipelineDelete, WRITERS, async (req, res) => {
      const user = signedInUser(req)
      const entry = await services.pipeline.get(user, entryId(req))
      try {
        await services.pipeline.remove(user, entry.id, field(req.body, 'revision'))
      } catch (error) {
        if (!(error instanceof EntryConflictError)) throw error
        const message =
          'Someone else changed this entry since you opened this page. Check it is still the one to delete.'
        return renderDelete(
          req,
          res,
          error.current,
          { errors: { summary: [{ text: message, href: '#entry' }], fields: {} } },
          409,
        )
      }
      const { options } = await lists()
      const names = new Map(options.categories.map(c => [c.key, c.name]))
      req.session.flash = { type: 'success', heading: `Entry deleted: ${categoryName(entry, names)}` }
      res.redirect(withOrganisation(paths.pipeline, slugFor(user, entry.organisation)))
    }),
  ]
}
