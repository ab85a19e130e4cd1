import { CENTRAL_ROLES } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import { controlErrors, heatmapForPage } from './heatmap-page'
import { paths, patterns } from '../../paths'
import { insightQueryString } from '../../presenters/insights/insight-query'
import { londonMapView } from '../../presenters/insights/london-map.presenter'
import { heatCellHtml } from '../../presenters/insights/heat-cell-html'
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
      const defaults = { threshold: heatmap.definition.weakThreshold }
      await renderPage(
        res,
        'insights/map',
        {
          title: `London map: ${heatmap.round.name}`,
          heatmap,
          view: londonMapView(heatmap, organisations),
          heatCellHtml,
          links: {
            heatmap: paths.heatmap(heatmap.round.id, insightQueryString(heatmap.query, defaults)),
            clusters: paths.clusters(heatmap.round.id, insightQueryString(heatmap.query, defaults)),
            trend: paths.trend(heatmap.round.id),
          },
          // A wrong threshold stays in its box beside its message, so the analyst can see what to fix.
          threshold:
            errors.fields.threshold && typeof raw.threshold === 'string'
              ? raw.threshold
              : String(heatmap.query.threshold),
          defaultThreshold: defaults.threshold,
          errors,
        },
        page.status,
      )
    }),
  ]
}
