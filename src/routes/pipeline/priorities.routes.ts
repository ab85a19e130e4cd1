import type { Request, Response } from 'express'
import { ValidationError } from '../../domain/errors'
import { priorityField } from '../../domain/pipeline/priorities'
import type { Organisation } from '../../domain/organisation'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import { field, formErrors } from '../../presenters/form-errors'
import { paths } from '../../paths'
import { organisationRef, slugFor, WRITERS, sentToChooseOrganisation } from './pipeline-request'
import { withOrganisation } from '../../presenters/pipeline/pipeline.presenter'
import { prioritiesView, RANKS } from '../../presenters/pipeline/priorities.presenter'
import { renderPage } from '../../middleware/render-page'
import { route, type RouteDefinition } from '../route-table'
import { plural } from '../../domain/format/plurals'

export function pipelinePriorityRoutes(services: Services): RouteDefinition[] {
  async function renderForm(
    req: Request,
    res: Response,
    organisation: Organisation,
    values: string[],
    errors?: unknown,
    status = 200,
  ) {
    const user = signedInUser(req)
    const slug = slugFor(user, organisation)
    await renderPage(
      res,
      'pipeline/priorities',
      {
        title:
          user.role === 'respondent'
            ? 'Your service improvement priorities'
            : `${organisation.name}: service improvement priorities`,
        view: prioritiesView(organisation, slug, (await services.pipeline.options()).serviceAreas, values),
        errors,
      },
      status,
    )
  }

  return [
    route('get', paths.pipelinePriorities, WRITERS, async (req, res) => {
      if (sentToChooseOrganisation(req, res)) return
      const user = signedInUser(req)
      const ref = organisationRef(req)
      const organisation = await services.pipeline.writable(user, ref)
      const { priorities } = await services.pipeline.priorities(user, ref)
      await renderForm(
        req,
        res,
        organisation,
        RANKS.map(rank => priorities.find(p => p.rank === rank)?.serviceArea ?? ''),
      )
    }),

    route('post', paths.pipelinePriorities, WRITERS, async (req, res) => {
      const user = signedInUser(req)
      const organisation = await services.pipeline.writable(user, organisationRef(req))
      const values = RANKS.map(rank => field(req.body, priorityField(rank)))
      try {
        await services.pipeline.replacePriorities(user, { slug: organisation.slug }, values)
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        return renderForm(req, res, organisation, values, formErrors(error.errors), 400)
      }
      const chosen = values.filter(v => v.trim() !== '').length
      req.session.flash = {
        type: 'success',
        heading: 'Priorities saved',
        body:
          chosen === 0
            ? 'You have no priorities recorded.'
            : `${plural(chosen, 'ranked priority', 'ranked priorities')}.`,
      }
      res.redirect(`${withOrganisation(paths.pipeline, slugFor(user, organisation))}#priorities`)
    }),
  ]
}
