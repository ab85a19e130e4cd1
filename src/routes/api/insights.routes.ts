import { patterns } from '../../paths'
import { ValidationError } from '../../domain/errors'
import { CENTRAL_ROLES } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import type { Heatmap } from '../../services/insights/insights.service'
import { badQuery } from './query-errors'
import { sendKeptJson } from '../kept-bodies'
import { route, type RouteDefinition } from '../route-table'
import { positiveId } from '../params'

/** Scores as the scoring rule gives them, unrounded: the page rounds for reading, the API does not. */
export const heatmapJson = (heatmap: Heatmap) => ({
  round: { id: heatmap.round.id, name: heatmap.round.name },
  level: heatmap.scope.level,
  basis: heatmap.query.basis,
  weakThreshold: heatmap.query.threshold,
  columns: heatmap.scope.columns.map(c => ({ key: c.key, title: c.title })),
  rows: heatmap.rows.map(r => ({
    gss: r.organisation.gss,
    name: r.organisation.name,
    state: r.state,
    moderated: r.moderated,
    overall: r.overall,
    cells: r.cells.map(c => c.score),
  })),
})

export function apiInsightsRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', patterns.api.heatmap, CENTRAL_ROLES, async (req, res) => {
      const id = Number(req.params.id)
      try {
        const heatmap = await services.insights.heatmap(signedInUser(req), positiveId(id), req.query)
        await sendKeptJson(res, heatmap.keptBody, `heatmap-json:${JSON.stringify(heatmap.query)}`, () =>
          heatmapJson(heatmap),
        )
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        badQuery(res, error.errors)
      }
    }),
  ]
}
