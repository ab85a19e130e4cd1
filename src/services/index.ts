import { capabilityGapsService } from './insights/capability-gaps.service'
import { investmentService } from './insights/investment.service'
import type { Repositories } from '../data'
import { assessmentService } from './assessments/assessment.service'
import { authService } from './account/auth.service'
import { catalogueService } from './estate/catalogue.service'
import { calibrationService } from './moderation/calibration.service'
import { clusterBriefService } from './insights/cluster-brief.service'
import { systemClock, type Clock } from './clock'
import { estateService } from './estate/estate.service'
import { estateAnalysisService } from './estate/estate-analysis.service'
import { exportService } from './reports/export.service'
import { homeService } from './home/home.service'
import { insightsService } from './insights/insights.service'
import { moderationService } from './moderation/moderation.service'
import { opportunityService } from './pipeline/opportunity.service'
import { organisationService } from './organisations/organisation.service'
import { partnershipService } from './admin/partnership.service'
import { pipelineService } from './pipeline/pipeline.service'
import { rateSystemService } from './estate/rate-system.service'
import { standardService } from './estate/standard.service'
import { questionnaireService } from './admin/questionnaire.service'
import { reportService } from './reports/report.service'
import { roundChoiceService } from './insights/round-choice.service'
import { roundService } from './admin/round.service'
import { seedService } from './demo/seed.service'
import { trendService } from './insights/trend.service'
import { tokenService } from './account/token.service'
import { userService } from './admin/user.service'

export interface ServiceOptions {
  /** The fewest organisations behind any London figure a respondent sees. */
  disclosureMinimum: number
}

export function createServices(
  repos: Repositories,
  clock: Clock = systemClock,
  options: ServiceOptions = { disclosureMinimum: 5 },
) {
  const questionnaires = questionnaireService(repos, clock)
  const assessments = assessmentService(repos, questionnaires, clock)
  const calibration = calibrationService(repos, questionnaires)
  const insights = insightsService(repos, questionnaires)
  const opportunities = opportunityService(repos, questionnaires, clock)
  return {
    assessments,
    auth: authService(repos, clock),
    calibration,
    catalogue: catalogueService(repos, clock),
    capabilityGaps: capabilityGapsService(repos, questionnaires),
    clusterBriefs: clusterBriefService(repos, questionnaires),
    exports: exportService(repos, questionnaires, clock),
    health: { check: () => repos.database.ping() },
    home: homeService({ repos, clock, assessments, calibration, insights, opportunities }),
    insights,
    investment: investmentService(repos, questionnaires, options),
    insightRounds: roundChoiceService(repos, clock, options.disclosureMinimum),
    moderation: moderationService(repos, questionnaires, clock),
    opportunities,
    organisations: organisationService(repos, questionnaires, clock),
    partnerships: partnershipService(repos),
    pipeline: pipelineService(repos, questionnaires, clock),
    questionnaires,
    reports: reportService(repos, questionnaires, options),
    rounds: roundService(repos, clock),
    seed: seedService(repos, questionnaires, clock),
    sessions: repos.sessions,
    trends: trendService(repos, questionnaires, { minimum: options.disclosureMinimum, clock }),
    tokens: tokenService(repos, clock),
    users: userService(repos, clock),
    estate: estateService(repos, clock),
    estateAnalysis: estateAnalysisService(repos, clock, options),
    standards: standardService(repos, clock),
    ratings: rateSystemService(repos, clock),
    clock,
  }
}

export type Services = ReturnType<typeof createServices>
