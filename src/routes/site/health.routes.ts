import type { Services } from '../../services'
import { paths } from '../../paths'
import { route, type RouteDefinition } from '../route-table'

const TIMEOUT_MS = 2000

/** Load balancers ask this; it answers 503 quickly when the database is away instead of hanging. */
export function healthRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', paths.health, 'public', async (_req, res) => {
      let timer: NodeJS.Timeout | undefined
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('database check timed out')), TIMEOUT_MS)
      })
      try {
        await Promise.race([services.health.check(), timeout])
        res.set('Cache-Control', 'no-store').json({ status: 'ok' })
      } catch {
        res.status(503).set('Cache-Control', 'no-store').json({ status: 'unavailable', database: 'unreachable' })
      } finally {
        clearTimeout(timer)
      }
    }),
  ]
}
