import { ValidationError } from '../../domain/errors'
import { CENTRAL_ROLES } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import type { EstateDecision } from '../../domain/estate/decisions'
import type { OpportunityList } from '../../services/pipeline/opportunity.service'
import { paths } from '../../paths'
import { route, type RouteDefinition } from '../route-table'

/** The registered contracts of a category ending in the window; null where none does. */
const estateJson = (decision: EstateDecision | undefined) =>
  decision
    ? {
        organisations: decision.organisations,
        buyers: decision.buyers,
        earliest: decision.earliest,
        latest: decision.latest,
        worstPoint: decision.worstPoint ?? null,
      }
    : null

/**
 * Category keys and GSS codes, the identifiers other systems hold; names and the maturity join ride along.
 * Categories with plans come first; then those where only registered contracts end, with no plan behind them.
 */
export function opportunitiesJson(list: OpportunityList) {
  const maturity = list.maturity
  const planned = list.opportunities.map(({ opportunity: o, weakness }) => ({
    category: o.category.key,
    categoryName: o.category.name,
    organisations: o.organisations,
    entries: o.entries.length,
    buyers: o.buyers,
    earliest: o.earliest,
    latest: o.latest,
    contractEndsByQuarter: o.contractEndsByQuarter,
    estateContractsEnding: list.estate.get(o.category.key)?.organisations.length ?? 0,
    estate: estateJson(list.estate.get(o.category.key)),
    weakness: maturity
      ? weakness.map(w => ({
          area: w.area,
          title: w.title,
          organisations: w.organisations,
          weak: w.weak,
          unscored: w.unscored,
          round: { id: maturity.round.id, name: maturity.round.name },
          threshold: maturity.threshold,
        }))
      : [],
  }))
  const unplanned = list.unplanned.map(({ category, decision }) => ({
    category: category.key,
    categoryName: category.name,
    organisations: [],
    entries: 0,
    buyers: 0,
    earliest: decision.earliest,
    latest: decision.latest,
    contractEndsByQuarter: list.quarters.map(quarter => ({ quarter, count: 0 })),
    estateContractsEnding: decision.organisations.length,
    estate: estateJson(decision),
    weakness: [],
  }))
  return [...planned, ...unplanned]
}

export function apiOpportunityRoutes(services: Services): RouteDefinition[] {
  return [
    // Declared before any /api/v1/pipeline/:id route, so "opportunities" is never taken for an entry's id.
    route('get', paths.api.pipelineOpportunities, CENTRAL_ROLES, async (req, res) => {
      try {
        res.json(opportunitiesJson(await services.opportunities.list(signedInUser(req), req.query)))
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        res.status(400).json({
          error: 'bad_request',
          message: error.errors.map(e => `${e.field}: ${e.message}`).join('; '),
          errors: error.errors.map(e => ({ field: e.field, message: e.message })),
        })
      }
    }),
  ]
}
