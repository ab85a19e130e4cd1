import { paths, patterns } from '../../paths'
import { ALL_ROLES, isCentralRole } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import { investmentPage } from '../../presenters/insights/investment.presenter'
import { renderPage } from '../../middleware/render-page'
import { route, type RouteDefinition } from '../route-table'
import { positiveId } from '../params'

/** Everyone may open it: the service shows a respondent only its own council against London. */
export function insightsInvestmentRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', patterns.investment, ALL_ROLES, async (req, res) => {
      const user = signedInUser(req)
      const view = await services.investment(user, positiveId(req.params.id))
      await renderPage(res, 'insights/investment', {
        title: `Investment in digital and maturity: ${view.round.name}`,
        view: investmentPage(view, isCentralRole(user.role)),
        scripts: [paths.chartJs],
      })
    }),
  ]
}
