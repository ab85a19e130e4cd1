import { patterns } from '../../paths'
import { ValidationError } from '../../domain/errors'
import { CENTRAL_ROLES } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import { formErrors } from '../../presenters/form-errors'
import { trendView } from '../../presenters/insights/trend.presenter'
import { renderPage } from '../../middleware/render-page'
import { route, type RouteDefinition } from '../route-table'
import { positiveId } from '../params'

const titleOf = (name: string) => `Change since an earlier round: ${name}`

export function insightsTrendRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', patterns.trend, CENTRAL_ROLES, async (req, res) => {
      const user = signedInUser(req)
      const id = positiveId(req.params.id)
      try {
        const [result, organisations] = await Promise.all([
          services.trends.compare(user, id, req.query.against),
          services.organisations.list(),
        ])
        await renderPage(res, 'insights/trend', {
          title: titleOf(result.round.name),
          view: trendView(result, organisations),
        })
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        // The round picker stays, beside the message, so choosing a round that can be compared is one step.
        const { round, candidates } = await services.trends.options(user, id)
        const errors = formErrors(error.errors)
        await renderPage(
          res,
          'insights/trend',
          {
            title: titleOf(round.name),
            view: trendView({ round, candidates, against: null, trend: null }, [], errors),
            errors,
          },
          400,
        )
      }
    }),
  ]
}
