import type { Access, Role } from '../../src/domain/roles'
import { routeTable } from '../../src/routes'
import { healthRoutes } from '../../src/routes/site/health.routes'
import type { Method } from '../../src/routes/route-table'

export interface RouteSummary {
  method: Method
  path: string
  access: Access
}

/**
 * Every route the app serves, in the order it matches them, read from the route table itself: a route
 * added there is walked by every test that uses this list. Handlers are not needed, so no services are built.
 */
export function allRoutes(): RouteSummary[] {
  return [...healthRoutes(null as never), ...routeTable(null as never, null as never)].map(r => ({
    method: r.method,
    path: r.path,
    access: r.access,
  }))
}

export const isStateChanging = (route: RouteSummary): boolean => route.method !== 'get'

export const allows = (route: RouteSummary, role: Role): boolean =>
  route.access === 'public' || route.access.includes(role)

export const describeRoute = (route: RouteSummary): string => `${route.method.toUpperCase()} ${route.path}`
