import { patterns } from '../../paths'
import { CENTRAL_ROLES } from '../../domain/roles'
import type { Services } from '../../services'
import { route, type RouteDefinition } from '../route-table'
import { positiveId } from '../params'

/** Most lacking first; `lacking` is GSS codes, as every list of authorities in the API is. */
export function apiCapabilityGapRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', patterns.api.capabilityGaps, CENTRAL_ROLES, async (req, res) => {
      const view = await services.capabilityGaps(positiveId(req.params.id))
      res.json(
        view.gaps.map(g => ({
          area: g.area,
          question: g.question,
          capability: g.capability,
          label: g.label,
          answered: g.answered,
          lacking: g.lacking,
          buyers: g.buyers,
          systems: g.systems.map(s => ({ name: s.name, authorities: s.authorities, contractsEndBy: s.contractsEndBy })),
        })),
      )
    }),
  ]
}
