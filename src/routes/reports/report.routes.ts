import { ALL_ROLES, isCentralRole, type Role } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import { paths, patterns } from '../../paths'
import { renderPage } from '../../middleware/render-page'
import { boroughReportView } from '../../presenters/reports/borough.presenter'
import { route, type RouteDefinition } from '../route-table'

/** Where a reader came from: the team its assessment, a moderator its moderation, an analyst the authority's page. */
function backFrom(role: Role, id: number, slug: string): string {
  if (role === 'respondent') return paths.assessment(id)
  if (role === 'analyst') return paths.organisation(slug)
  return paths.moderation(id)
}

export function reportRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', patterns.assessmentReport, ALL_ROLES, async (req, res) => {
      const user = signedInUser(req)
      const id = Number(req.params.id)
      const report = await services.reports.forAssessment(user, id)
      await renderPage(res, 'reports/borough', {
        title: `${report.organisation.name}: ${report.round.name} report`,
        view: boroughReportView(report, {
          backLink: backFrom(user.role, id, report.organisation.slug),
          isCentral: isCentralRole(user.role),
        }),
        scripts: [paths.chartJs],
      })
    }),
  ]
}
