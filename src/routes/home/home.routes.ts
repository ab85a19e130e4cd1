import { ALL_ROLES, CENTRAL_ROLES } from '../../domain/roles'
import type { Services } from '../../services'
import { paths, patterns } from '../../paths'
import { renderPage } from '../../middleware/render-page'
import { signedInUser } from '../../middleware/require-access'
import { adminHomeView } from '../../presenters/home/admin.presenter'
import { analystHomeView } from '../../presenters/home/analyst.presenter'
import { assessorHomeView } from '../../presenters/home/assessor.presenter'
import { respondentHomeView } from '../../presenters/home/respondent.presenter'
import { londonDate } from '../../domain/assessment/round'
import { organisationView, organisationsTableView } from '../../presenters/organisations/organisations.presenter'
import { route, type RouteDefinition } from '../route-table'

export function homeRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', paths.home, ALL_ROLES, async (req, res) => {
      const user = signedInUser(req)
      const title = 'Home'
      switch (user.role) {
        case 'respondent':
          return renderPage(res, 'home/respondent', {
            title,
            view: respondentHomeView(await services.home.forRespondent(user)),
          })
        case 'assessor':
          return renderPage(res, 'home/assessor', {
            title,
            view: assessorHomeView(await services.home.forAssessor(user)),
          })
        case 'analyst':
          return renderPage(res, 'home/analyst', {
            title,
            view: analystHomeView(await services.home.forAnalyst(user), londonDate(services.clock())),
          })
        case 'admin':
          return renderPage(res, 'home/admin', { title, view: adminHomeView(await services.home.forAdmin()) })
      }
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
