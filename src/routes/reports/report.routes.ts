import { ALL_ROLES, isCentralRole } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import { paths, patterns } from '../../paths'
import { renderPage } from '../../middleware/render-page'
import { boroughReportView } from '../../presenters/reports/borough.presenter'
import { route, type RouteDefinition } from '../route-table'

export function reportRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', patterns.assessmentReport, ALL_ROLES, async (req, res) => {
      const user = signedInUser(req)
      const id = Number(req.params.id)
      const report = await services.reports.forAssessment(user, id)
      await renderPage(res, 'reports/borough', {
        title: `${report.organisation.name}: ${report.round.name} report`,
        view: boroughReportView(report, {
          backLink: user.role === 'respondent' ? paths.assessment(id) : paths.moderation(id),
          isCentral: isCentralRole(user.role),
        }),
        scripts: [paths.chartJs],
      })
    }),
  ]
}
