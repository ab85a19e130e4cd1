import type { Repositories } from '../../data'
import type { Clock } from '../clock'
import { estateViews } from './estate-views.service'
import { productScorecards } from './product-scorecard.service'

export type { ProductBrief, ProductScorecard, ScorecardOutcome, WithheldScorecard } from './product-scorecard.service'
export { withheldReason } from './product-scorecard.service'
export type { EstateDecision } from '../../domain/estate/decisions'
export type { CategoryConcentration, ConcentrationReport, EstateMapReport } from './estate-views.service'

/** London's views of its estate: scorecards and briefs, concentration and the map. */
export function estateAnalysisService(repos: Repositories, clock: Clock, options: { disclosureMinimum: number }) {
  return {
    ...productScorecards(repos, clock, options),
    ...estateViews(repos, clock),
  }
}

export type EstateAnalysisService = ReturnType<typeof estateAnalysisService>
