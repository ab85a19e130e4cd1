import { STATE_LABELS } from '../domain/assessment/workflow'
import { ALL_ROLES, isCentralRole } from '../domain/roles'
import { signedInUser } from '../middleware/require-access'
import type { Services } from '../services'
import { paths } from './paths'
import { renderPage } from './render'
import { route, type RouteDefinition } from './route-table'

/** Scores to two decimals, as the README's worked example gives them; a missing one says so. */
export const formatScore = (value: number | null | undefined): string =>
  value === null || value === undefined ? 'No score' : value.toFixed(2)

export const formatChange = (value: number | null): string =>
  value === null ? 'Not comparable' : `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value).toFixed(2)}`

export const formatCoverage = (value: number): string => `${Math.round(value * 100)}%`

export function reportRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', '/assessments/:id/report', ALL_ROLES, async (req, res) => {
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
