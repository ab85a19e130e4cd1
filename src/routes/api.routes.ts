import { ALL_ROLES } from '../domain/roles'
import type { Services } from '../services'
import { paths } from './paths'
import { route, type RouteDefinition } from './route-table'

export function apiRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', paths.api.organisations, ALL_ROLES, async (_req, res) => {
      res.json(await services.organisations.listWithNeighbours())
    }),
  ]
}
