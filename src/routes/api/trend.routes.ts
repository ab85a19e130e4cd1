import { patterns } from '../../paths'
import type { Round } from '../../domain/assessment/round'
import { ValidationError } from '../../domain/errors'
import type { Trend } from '../../domain/insights/trend'
import { CENTRAL_ROLES } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import { badQuery } from './query-errors'
import { route, type RouteDefinition } from '../route-table'
import { positiveId } from '../params'

/** Scores as the scoring rule gives them, unrounded, as the heatmap API does: the page rounds for reading. */
export const trendJson = (round: Round, against: Round, trend: Trend) => ({
  round: { id: round.id, name: round.name },
  against: { id: against.id, name: against.name },
  comparableQuestions: trend.comparableQuestions,
  notComparable: trend.leftOut.notComparable.map(n => ({ question: n.question.key, reason: n.reason })),
  dimensions: trend.dimensions.map(d => ({ key: d.key, title: d.title })),
  rows: trend.rows.map(r => ({
    gss: r.gss,
    name: r.name,
    dimensions: r.dimensions.map(d => ({ key: d.key, previous: d.previous, current: d.current, change: d.change })),
    overall: { previous: r.overall.previous, current: r.overall.current, change: r.overall.change },
  })),
})

// A query parameter is not part of a JSON body, so errors name the parameter, as the heatmap API's do.
export function apiTrendRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', patterns.api.trend, CENTRAL_ROLES, async (req, res) => {
      const id = Number(req.params.id)
      try {
        const result = await services.trends.compare(signedInUser(req), positiveId(id), req.query.against)
        const { round, against, trend } = result
        if (!against || !trend) {
          const message = `There is no earlier round on this questionnaire to compare ${round.name} with; name one with against=ROUND_ID`
          badQuery(res, [{ field: 'against', message }])
          return
        }
        res.json(trendJson(round, against, trend))
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        badQuery(res, error.errors)
      }
    }),
  ]
}
