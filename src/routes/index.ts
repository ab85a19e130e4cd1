import type { Services } from '../services'
import { adminPartnershipRoutes } from './admin-partnerships.routes'
import { adminQuestionnaireRoutes } from './admin-questionnaires.routes'
import { adminRoundRoutes } from './admin-rounds.routes'
import { adminUserRoutes } from './admin-users.routes'
import { apiAssessmentRoutes } from './api-assessments.routes'
import { apiCalibrationRoutes } from './api-calibration.routes'
import { apiRoundRoutes } from './api-rounds.routes'
import { assessmentRoutes } from './assessments.routes'
import { apiRoutes } from './api.routes'
import { authRoutes } from './auth.routes'
import { calibrationRoutes } from './calibration.routes'
import { exportRoutes } from './exports.routes'
import { homeRoutes } from './home.routes'
import { moderationRoutes } from './moderation.routes'
import { pageRoutes } from './pages.routes'
import { reportRoutes } from './report.routes'
import type { RouteDefinition } from './route-table'

/** Every route the app serves, with the roles each allows: the security tests walk this same list. */
export function routeTable(services: Services): RouteDefinition[] {
  return [
    ...authRoutes(services),
    ...homeRoutes(services),
    ...adminUserRoutes(services),
    ...adminPartnershipRoutes(services),
    ...adminQuestionnaireRoutes(services),
    ...adminRoundRoutes(services),
    ...assessmentRoutes(services),
    ...moderationRoutes(services),
    ...reportRoutes(services),
    ...exportRoutes(services),
    ...calibrationRoutes(services),
    ...apiRoundRoutes(services),
    ...apiCalibrationRoutes(services),
    ...apiAssessmentRoutes(services),
    ...apiRoutes(services),
    ...pageRoutes(),
  ]
}
