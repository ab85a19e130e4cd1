import type { NextFunction, Request, Response } from 'express'
import { ALL_ROLES, CENTRAL_ROLES } from '../../domain/roles'
import type { FieldError } from '../../domain/errors'
import { signedInUser } from '../../middleware/require-access'
import { renderPage } from '../../middleware/render-page'
import type { Services } from '../../services'
import { formErrors, orInvalid } from '../../presenters/form-errors'
import { concentrationView } from '../../presenters/estate/concentration.presenter'
import { estateMapView } from '../../presenters/estate/estate-map.presenter'
import { productBriefView, scorecardView, withheldScorecardView } from '../../presenters/estate/scorecard.presenter'
import { paths, patterns } from '../../paths'
import { route, type RouteDefinition } from '../route-table'

const query = (req: Request) => req.query as Record<string, unknown>
/** What follows the path, kept when a merged product's address sends people on. */
const queryString = (req: Request) => {
  const at = req.originalUrl.indexOf('?')
  return at === -1 ? '' : req.originalUrl.slice(at)
}
/** `/estate/products/new` and the like belong to the catalogue: only a number is a product's id here. */
const numericId = (req: Request, next: NextFunction): string | undefined => {
  const id = String(req.params.id)
  if (/^\d+$/.test(id)) return id
  next()
  return undefined
}

/** London's views of its estate: a product's scorecard and brief, supplier concentration, the map. */
export function estateAnalysisRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', patterns.estateConcentration, CENTRAL_ROLES, async (req, res) => {
      const report = await orInvalid(
        () => services.estateAnalysis.concentration(signedInUser(req), query(req)),
        async errors => {
          const categories = await services.estateAnalysis.categories()
          const view = concentrationView({
            months: 24,
            window: { from: '', to: '' },
            categories,
            chosen: undefined,
            concentrations: [],
          })
          const months = query(req).windowMonths
          await renderPage(
            res,
            'estate/concentration',
            {
              title: 'Supplier concentration',
              view: { ...view, windowMonths: typeof months === 'string' ? months : '' },
              action: paths.estateConcentration(),
              errors: formErrors(errors),
            },
            400,
          )
        },
      )
      if (!report) return
      await renderPage(res, 'estate/concentration', {
        title: 'Supplier concentration',
        view: concentrationView(report),
        action: paths.estateConcentration(),
      })
    }),

    route('get', patterns.estateMap, CENTRAL_ROLES, async (req, res) => {
      const report = await orInvalid(
        () => services.estateAnalysis.map(signedInUser(req), { ...query(req) }),
        async errors => {
          const report = await services.estateAnalysis.map(signedInUser(req), {})
          await renderPage(
            res,
            'estate/map',
            {
              title: 'Who runs what',
              view: estateMapView(report),
              action: paths.estateMap(),
              errors: formErrors(errors),
            },
            400,
          )
        },
      )
      if (!report) return
      await renderPage(res, 'estate/map', {
        title: `Who runs what: ${report.category?.name ?? ''}`,
        view: estateMapView(report),
        action: paths.estateMap(),
      })
    }),

    ...productRoutes(services),
  ]
}

const scorecardInvalid = (res: Response) => (errors: FieldError[]) =>
  renderPage(res, 'estate/invalid', { title: 'Check the address', errors: formErrors(errors) }, 400)

/** A product's scorecard (anyone, within the disclosure rule) and its printable brief (LOTI). */
function productRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', patterns.productBrief, CENTRAL_ROLES, async (req, res, next) => {
      const id = numericId(req, next)
      if (id === undefined) return
      const outcome = await orInvalid(
        () => services.estateAnalysis.brief(signedInUser(req), id, query(req)),
        scorecardInvalid(res),
      )
      if (!outcome) return
      if ('merged' in outcome) {
        res.redirect(302, paths.productBrief(outcome.merged, queryString(req)))
        return
      }
      const view = productBriefView(outcome.brief)
      await renderPage(res, 'estate/brief', { title: `Product brief: ${view.heading}`, view })
    }),

    route('get', patterns.product, ALL_ROLES, async (req, res, next) => {
      const id = numericId(req, next)
      if (id === undefined) return
      const outcome = await orInvalid(
        () => services.estateAnalysis.scorecard(signedInUser(req), id, query(req)),
        scorecardInvalid(res),
      )
      if (!outcome) return
      if ('merged' in outcome) {
        res.redirect(302, paths.product(outcome.merged, queryString(req)))
        return
      }
      if ('withheld' in outcome) {
        const view = withheldScorecardView(outcome.withheld)
        await renderPage(res, 'estate/scorecard-withheld', { title: view.heading, view })
        return
      }
      const view = scorecardView(outcome.scorecard)
      await renderPage(res, 'estate/scorecard', { title: view.heading, view, scripts: [paths.chartJs] })
    }),
  ]
}
