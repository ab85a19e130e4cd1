import type { Services } from '../services'
import type { RouteDefinition } from './route-table'

export function moderationRoutes(_services: Services): RouteDefinition[] {
  return []
}
