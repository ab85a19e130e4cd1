import { STATE_LABELS } from '../../domain/assessment/workflow'
import { ALL_ROLES, CENTRAL_ROLES } from '../../domain/roles'
import type { Services } from '../../services'
import { paths, patterns } from '../../paths'
import { renderPage } from '../../middleware/render-page'
import { signedInUser } from '../../middleware/require-access'
import { route, type RouteDefinition } from '../route-table'

export function homeRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', paths.home, ALL_ROLES, async (req, res) => {
      const user = signedInUser(req)
      if (user.role === 'respondent') {
        const [organisation, assessments] = await Promise.all([
          services.organisations.ownOrganisation(user),
          services.assessments.list(user),
        ])
        return renderPage(res, 'home/respondent', {
          title: 'Home',
          organisation,
          assessments,
          stateLabels: STATE_LABELS,
        })
      }
      const organisations = await services.organisations.list()
      await renderPage(res, 'home/central', { title: 'Home', organisations })
    }),

    route('get', paths.organisations, CENTRAL_ROLES, async (_req, res) => {
      const organisations = await services.organisations.list()
      await renderPage(res, 'organisations/list', { title: 'Organisations', organisations })
    }),

    route('get', patterns.organisation, ALL_ROLES, async (req, res) => {
      const page = await services.organisations.page(signedInUser(req), String(req.params.slug))
      await renderPage(res, 'organisations/show', { title: page.organisation.name, ...page })
    }),
  ]
}
