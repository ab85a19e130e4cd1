import type { Services } from '../services'
import { accountRoutes } from './account/account.routes'
import { adminPartnershipRoutes } from './admin/partnerships.routes'
import { adminQuestionnaireRoutes } from './admin/questionnaires.routes'
import { adminStandardRoutes } from './admin/standards.routes'
import { adminRoundRoutes } from './admin/rounds.routes'
import { adminUserRoutes } from './admin/users.routes'
import { apiAssessmentRoutes } from './api/assessments.routes'
import { apiCalibrationRoutes } from './api/calibration.routes'
import { apiClusterRoutes } from './api/clusters.routes'
import { apiEstateRoutes } from './api/estate.routes'
import { apiDocsRoutes } from './api/docs.routes'
import { apiEstateAnalysisRoutes } from './api/estate-analysis.routes'
import { estateAnalysisRoutes } from './estate/analysis.routes'
import { apiInsightsRoutes } from './api/insights.routes'
import { apiOpportunityRoutes } from './api/opportunities.routes'
import { apiPipelineRoutes } from './api/pipeline.routes'
import { apiProductRoutes } from './api/products.routes'
import { apiRoundRoutes } from './api/rounds.routes'
import { apiStandardRoutes } from './api/standards.routes'
import { apiTrendRoutes } from './api/trend.routes'
import { apiCapabilityGapRoutes } from './api/capability-gaps.routes'
import { apiInvestmentRoutes } from './api/investment.routes'
import { assessmentRoutes } from './assessments/assessments.routes'
import { apiRoutes } from './api/reference.routes'
import { authRoutes } from './account/sign-in.routes'
import { calibrationRoutes } from './moderation/calibration.routes'
import { estateRoutes } from './estate/estate.routes'
import { exportRoutes } from './reports/exports.routes'
import { homeRoutes } from './home/home.routes'
import { insightsClusterRoutes } from './insights/clusters.routes'
import { insightsMapRoutes } from './insights/map.routes'
import { insightsTrendRoutes } from './insights/trend.routes'
import { insightsCapabilityGapRoutes } from './insights/capability-gaps.routes'
import { insightsInvestmentRoutes } from './insights/investment.routes'
import { insightsRoutes } from './insights/insights.routes'
import { moderationRoutes } from './moderation/moderation.routes'
import { pageRoutes } from './site/pages.routes'
import { productRoutes } from './estate/products.routes'
import { pipelineInsightRoutes } from './pipeline/opportunities.routes'
import { pipelineRoutes } from './pipeline/pipeline.routes'
import { ratingRoutes } from './estate/ratings.routes'
import { reportRoutes } from './reports/report.routes'
import { standardRoutes } from './estate/standards.routes'
import type { RouteDefinition, Site } from './route-table'

/** Every route the app serves, with the roles each allows: the security tests walk this same list. */
export function routeTable(services: Services, site: Site): RouteDefinition[] {
  return [
    ...authRoutes(services),
    ...homeRoutes(services),
    ...accountRoutes(services),
    ...adminUserRoutes(services, site),
    ...adminPartnershipRoutes(services),
    ...adminQuestionnaireRoutes(services),
    ...adminRoundRoutes(services),
    ...adminStandardRoutes(services),
    ...assessmentRoutes(services),
    ...moderationRoutes(services),
    ...reportRoutes(services),
    ...exportRoutes(services),
    ...calibrationRoutes(services),
    ...insightsRoutes(services),
    ...insightsClusterRoutes(services),
    ...insightsMapRoutes(services),
    ...insightsTrendRoutes(services),
    ...insightsCapabilityGapRoutes(services),
    ...insightsInvestmentRoutes(services),
    // The catalogue's fixed addresses (/estate/products/new) before the scorecard's /estate/products/:id.
    ...productRoutes(services),
    // Before the estate's own pages and API, so no :id there can take "concentration" or "map".
    ...estateAnalysisRoutes(services),
    ...apiEstateAnalysisRoutes(services),
    // Before the pipeline's own pages and API, so none of their parameters can take "opportunities", "all" or "similar".
    ...pipelineInsightRoutes(services),
    ...pipelineRoutes(services),
    ...estateRoutes(services),
    ...apiRoundRoutes(services),
    ...apiCalibrationRoutes(services),
    ...apiInsightsRoutes(services),
    ...apiClusterRoutes(services),
    ...apiTrendRoutes(services),
    ...apiCapabilityGapRoutes(services),
    ...apiInvestmentRoutes(services),
    ...apiOpportunityRoutes(services),
    ...apiPipelineRoutes(services),
    ...apiEstateRoutes(services),
    ...apiProductRoutes(services),
    ...apiAssessmentRoutes(services),
    ...standardRoutes(services),
    ...ratingRoutes(services),
    ...apiStandardRoutes(services),
    ...apiRoutes(services),
    ...apiDocsRoutes(),
    ...pageRoutes(),
  ]
}
