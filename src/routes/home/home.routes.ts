import { ALL_ROLES, CENTRAL_ROLES } from '../../domain/roles'
import type { Services } from '../../services'
import { paths, patterns } from '../../paths'
import { renderPage } from '../../middleware/render-page'
import { signedInUser } from '../../middleware/require-access'
import { respondentHomeView } from '../../presenters/home/respondent.presenter'
import { organisationView, organisationsTableView } from '../../presenters/organisations/organisations.presenter'
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
          view: respondentHomeView(organisation, assessments),
        })
      }
      const organisations = await services.organisations.list()
      await renderPage(res, 'home/central', { title: 'Home', view: organisationsTableView(organisations) })
    }),

    route('get', paths.organisations, CENTRAL_ROLES, async (_req, res) => {
      const organisations = await services.organisations.list()
      await renderPage(res, 'organisations/list', {
        title: 'Organisations',
        view: organisationsTableView(organisations),
      })
    }),

    route('get', patterns.organisation, ALL_ROLES, async (req, res) => {
      const user = signedInUser(req)
      const page = await services.organisations.page(user, String(req.params.slug))
      await renderPage(res, 'organisations/show', {
        title: page.organisation.name,
        view: organisationView(page, user.role),
      })
    }),
  ]
}
