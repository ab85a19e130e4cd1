import type { Repositories } from '../../data'
import type { AssessmentService } from '../assessments/assessment.service'
import type { Clock } from '../clock'
import type { CalibrationService } from '../moderation/calibration.service'
import type { InsightsService } from '../insights/insights.service'
import type { OpportunityService } from '../pipeline/opportunity.service'

/** The homes read across the service: they gather what other use cases already work out. */
export interface HomeDeps {
  repos: Repositories
  clock: Clock
  assessments: Pick<AssessmentService, 'list'>
  calibration: CalibrationService
  insights: Pick<InsightsService, 'clusters'>
  opportunities: Pick<OpportunityService, 'list'>
}
