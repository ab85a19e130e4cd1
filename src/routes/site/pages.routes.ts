import { paths } from '../../paths'
import { renderPage } from '../../middleware/render-page'
import { route, type RouteDefinition } from '../route-table'

export function pageRoutes(): RouteDefinition[] {
  return [
    route('get', paths.accessibility, 'public', async (_req, res) => {
      await renderPage(res, 'site/accessibility', { title: 'Accessibility statement' })
    }),
  ]
}
