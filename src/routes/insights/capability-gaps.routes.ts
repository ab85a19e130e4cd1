import { patterns } from '../../paths'
import { CENTRAL_ROLES } from '../../domain/roles'
import type { Services } from '../../services'
import { capabilityGapsPage } from '../../presenters/insights/capability-gaps.presenter'
import { renderPage } from '../../middleware/render-page'
import { route, type RouteDefinition } from '../route-table'
import { positiveId } from '../params'

export function insightsCapabilityGapRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', patterns.capabilityGaps, CENTRAL_ROLES, async (req, res) => {
      const view = await services.capabilityGaps(positiveId(req.params.id))
      await renderPage(res, 'insights/capability-gaps', {
        title: `Capability gaps: ${view.round.name}`,
        view: capabilityGapsPage(view),
      })
    }),
  ]
}
