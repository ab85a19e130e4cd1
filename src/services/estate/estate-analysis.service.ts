import type { Repositories } from '../../data'
import type { Clock } from '../clock'
import type { DateWindow } from '../../domain/pipeline/window'
import { estateDecisions, estateViews } from './estate-views.service'
import { productScorecards } from './product-scorecard.service'

export type { ProductBrief, ProductScorecard, ScorecardOutcome, WithheldScorecard } from './product-scorecard.service'
export { withheldReason } from './product-scorecard.service'
export type {
  CategoryConcentration,
  ConcentrationReport,
  EstateDecision,
  EstateMapReport,
} from './estate-views.service'

/** London's views of its estate: scorecards and briefs, concentration, the map, and the decisions coming up. */
export function estateAnalysisService(repos: Repositories, clock: Clock, options: { disclosureMinimum: number }) {
  return {
    ...productScorecards(repos, clock, options),
    ...estateViews(repos, clock),
    decisions: (window: DateWindow) => estateDecisions(repos, window),
  }
}

export type EstateAnalysisService = ReturnType<typeof estateAnalysisService>
