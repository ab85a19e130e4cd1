import path from 'node:path'
import { PROJECT_ROOT } from '../../project-root'
import { paths } from '../../paths'
import { route, type RouteDefinition } from '../route-table'

const OPENAPI_FILE = path.join(PROJECT_ROOT, 'docs', 'openapi.json')

/**
 * Public: it describes the API's shape and holds no data, and a client author or a code generator should
 * be able to read it before they have an account or a token.
 */
export function apiDocsRoutes(): RouteDefinition[] {
  return [
    route('get', paths.api.openapi, 'public', (_req, res) => {
      res.sendFile(OPENAPI_FILE, { maxAge: '5m' })
    }),
  ]
}
