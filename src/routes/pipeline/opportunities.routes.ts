import type { Request, Response } from 'express'
import type { FieldError } from '../../domain/errors'
import { CENTRAL_ROLES } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import { formErrors, orInvalid } from '../../presenters/form-errors'
import { paths, patterns } from '../../paths'
import { opportunitiesView } from '../../presenters/pipeline/opportunities.presenter'
import { allPlansView } from '../../presenters/pipeline/all-plans.presenter'
import { similarView } from '../../presenters/pipeline/similar.presenter'
import { opportunityBriefView } from '../../presenters/pipeline/opportunity-brief.presenter'
import { renderPage } from '../../middleware/render-page'
import { route, type RouteDefinition } from '../route-table'

const query = (req: Request) => req.query as Record<string, unknown>
const typed = (value: unknown): string => (typeof value === 'string' ? value : '')

/** The central roles' view of London's pipeline, and each borough's view of who plans the same. */
export function pipelineInsightRoutes(services: Services): RouteDefinition[] {
  const opportunitiesInvalid = (req: Request, res: Response) => (errors: FieldError[]) =>
    renderPage(
      res,
      'pipeline/opportunities/opportunities',
      {
        title: 'Opportunities to buy together',
        view: null,
        errors: formErrors(errors),
        windowMonths: typed(query(req).windowMonths),
      },
      400,
    )

  return [
    route('get', paths.pipelineOpportunities, CENTRAL_ROLES, async (req, res) => {
      const list = await orInvalid(
        () => services.opportunities.list(signedInUser(req), query(req)),
        opportunitiesInvalid(req, res),
      )
      if (!list) return
      await renderPage(res, 'pipeline/opportunities/opportunities', {
        title: 'Opportunities to buy together',
        view: opportunitiesView(list),
        windowMonths: String(list.months),
        scripts: [paths.chartJs],
      })
    }),

    route('get', patterns.pipelineOpportunity, CENTRAL_ROLES, async (req, res) => {
      const brief = await orInvalid(
        () => services.opportunities.brief(signedInUser(req), String(req.params.categoryKey), query(req)),
        opportunitiesInvalid(req, res),
      )
      if (!brief) return
      const view = opportunityBriefView(brief)
      await renderPage(res, 'pipeline/opportunities/brief', { title: `Opportunity brief: ${view.heading}`, view })
    }),

    route('get', paths.pipelineAll, CENTRAL_ROLES, async (req, res) => {
      const values = { category: typed(query(req).category), status: typed(query(req).status) }
      const plans = await orInvalid(
        () => services.opportunities.plans(signedInUser(req), query(req)),
        async errors => {
          const categories = await services.opportunities.categories()
          const shown = { title: 'All plans', view: allPlansView(categories, values, null), errors: formErrors(errors) }
          await renderPage(res, 'pipeline/opportunities/all', shown, 400)
        },
      )
      if (!plans) return
      await renderPage(res, 'pipeline/opportunities/all', {
        title: 'All plans',
        view: allPlansView(plans.categories, values, plans),
      })
    }),

    route('get', paths.pipelineCsv, CENTRAL_ROLES, async (req, res) => {
      const file = await services.opportunities.csv(signedInUser(req), query(req))
      res.attachment(file.filename).type(file.contentType).set('Cache-Control', 'no-store').send(file.body)
    }),

    route('get', paths.pipelineSimilar, ['respondent'], async (req, res) => {
      const sharing = await services.opportunities.sharing(signedInUser(req))
      await renderPage(res, 'pipeline/opportunities/similar', {
        title: 'Who else is planning the same',
        view: similarView(sharing),
      })
    }),
  ]
}
