import { STATE_LABELS } from '../../domain/assessment/workflow'
import { ALL_ROLES, isCentralRole } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import { paths, patterns } from '../../paths'
import { renderPage } from '../../middleware/render-page'
import { formatChange, formatCoverage, formatScore } from '../../presenters/scores'
import { route, type RouteDefinition } from '../route-table'

export function reportRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', patterns.assessmentReport, ALL_ROLES, async (req, res) => {
      const user = signedInUser(req)
      const id = Number(req.params.id)
      const report = await services.reports.forAssessment(user, id)
      await renderPage(res, 'reports/borough', {
        title: `${report.organisation.name}: ${report.round.name} report`,
        report,
        stateLabels: STATE_LABELS,
        formatScore,
        formatChange,
        formatCoverage,
        backLink: user.role === 'respondent' ? paths.assessment(id) : paths.moderation(id),
        isCentral: isCentralRole(user.role),
        scripts: [paths.chartJs],
      })
    }),
  ]
}
