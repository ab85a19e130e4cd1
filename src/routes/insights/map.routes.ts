import { CENTRAL_ROLES } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import { controlErrors, heatmapForPage } from './heatmap-page'
import { patterns } from '../../paths'
import { mapPageView } from '../../presenters/insights/map-page.presenter'
import { renderPage } from '../../middleware/render-page'
import { route, type RouteDefinition } from '../route-table'
import { positiveId } from '../params'

export function insightsMapRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', patterns.londonMap, CENTRAL_ROLES, async (req, res) => {
      // The map has two controls of its own; the heatmap's others (level, order, partnership) do not apply.
      const raw = { basis: req.query.basis, threshold: req.query.threshold }
      const [page, organisations] = await Promise.all([
        heatmapForPage(services.insights, signedInUser(req), positiveId(req.params.id), raw),
        services.organisations.list(),
      ])
      const { heatmap } = page
      const errors = controlErrors(page.problems)
      await renderPage(
        res,
        'insights/map',
        {
          title: `London map: ${heatmap.round.name}`,
          view: mapPageView(heatmap, organisations, raw.threshold, errors),
          errors,
        },
        page.status,
      )
    }),
  ]
}
