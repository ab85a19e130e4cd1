import { CENTRAL_ROLES, ALL_ROLES } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import {
  withheldReason,
  type ConcentrationReport,
  type ProductScorecard,
} from '../../services/estate/estate-analysis.service'
import { ForbiddenError } from '../../domain/errors'
import { paths, patterns } from '../../paths'
import { route, type RouteDefinition } from '../route-table'

/** A scorecard as counts; authorities are named (GSS codes) only where the viewer may see them. */
export function scorecardJson(s: ProductScorecard) {
  return {
    product: {
      id: s.product.id,
      name: s.product.name,
      supplier: s.product.supplier,
      category: s.product.categoryKey,
    },
    standard: s.standard ? { key: s.standard.key, version: s.standard.version, title: s.standard.title } : null,
    minRaters: s.minRaters,
    authorities: s.card.authorities.length,
    raters: s.card.raters,
    organisations: [...new Set(s.named.map(e => e.organisation))].sort(),
    buyers: s.card.buyers,
    hosting: s.card.hosting,
    points: s.card.points.map(p => ({
      key: p.key,
      title: p.title,
      meets: p.meets,
      partly: p.partly,
      doesNotMeet: p.doesNotMeet,
      notAssessed: p.notAssessed,
      position: p.position,
    })),
    contractEnds: s.card.contractEnds,
  }
}

export const concentrationJson = (report: ConcentrationReport) =>
  report.concentrations.map(c => ({
    category: c.category.key,
    authorities: c.authorities,
    hhi: c.hhi,
    highlyConcentrated: c.highlyConcentrated,
    suppliers: c.suppliers.map(s => ({ id: s.supplierId, name: s.name, authorities: s.authorities, share: s.share })),
  }))

/** Declared before every /api/v1/estate/:id route, so "concentration" is never taken for an entry's id. */
export function apiEstateAnalysisRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', paths.api.estateConcentration, CENTRAL_ROLES, async (req, res) => {
      res.json(concentrationJson(await services.estateAnalysis.concentration(signedInUser(req), req.query)))
    }),

    route('get', patterns.api.productScorecard, ALL_ROLES, async (req, res) => {
      const outcome = await services.estateAnalysis.scorecard(signedInUser(req), String(req.params.id), req.query)
      // A merged product's scorecard is the product it joined: sent there, as the page is.
      if ('merged' in outcome) res.redirect(302, paths.api.productScorecard(outcome.merged))
      else if ('withheld' in outcome) throw new ForbiddenError(withheldReason(outcome.withheld.minimum))
      else res.json(scorecardJson(outcome.scorecard))
    }),
  ]
}
