import { patterns } from '../../paths'
import { CENTRAL_ROLES } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import { route, type RouteDefinition } from '../route-table'
import { positiveId } from '../params'

/** Every handed-in authority, by name; a share is a fraction (0.012 is 1.2%), spend per resident in pounds. */
export function apiInvestmentRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', patterns.api.investment, CENTRAL_ROLES, async (req, res) => {
      const view = await services.investment(signedInUser(req), positiveId(req.params.id))
      res.json(view.points)
    }),
  ]
}
