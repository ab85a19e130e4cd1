import { patterns } from '../../paths'
import { ValidationError } from '../../domain/errors'
import { CENTRAL_ROLES } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import type { Clusters } from '../../services/insights/insights.service'
import { sendKeptJson } from '../kept-bodies'
import { route, type RouteDefinition } from '../route-table'
import { positiveId } from '../params'

export function clustersJson(clusters: Clusters) {
  const { round, query, scope } = clusters.heatmap
  return {
    round: round.id,
    level: query.level,
    ...(scope.parent ? { parent: scope.parent.key } : {}),
    basis: query.basis,
    threshold: query.threshold,
    minSize: query.minSize,
    k: query.k,
    ...(query.partnershipId === undefined ? {} : { partnership: query.partnershipId }),
    totalOrganisations: clusters.totalOrganisations,
    /** Organisations with a score in every dimension: the only ones peer groups place. */
    profiled: clusters.profiled,
    sharedWeakness: clusters.sharedWeakness.map(s => ({
      key: s.key,
      title: s.title,
      organisations: s.organisations,
      meanScore: s.meanScore,
      buyers: s.buyers,
      share: s.share,
    })),
    geographic: clusters.geographic.map(g => ({
      key: g.key,
      title: g.title,
      organisations: g.organisations,
      meanScore: g.meanScore,
    })),
    peerGroups: clusters.peerGroups.map(p => ({
      organisations: p.organisations,
      meanProfile: p.meanProfile,
      weakestDimension: p.weakestDimension,
      meanScore: p.meanScore,
    })),
  }
}

export function apiClusterRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', patterns.api.clusters, CENTRAL_ROLES, async (req, res) => {
      const id = Number(req.params.id)
      try {
        const clusters = await services.insights.clusters(signedInUser(req), positiveId(id), req.query)
        const key = `clusters-json:${JSON.stringify(clusters.heatmap.query)}`
        await sendKeptJson(res, clusters.heatmap.keptBody, key, () => clustersJson(clusters))
      } catch (error) {
        // A query parameter is not a request body: a bad one is a bad request, not unprocessable content.
        if (!(error instanceof ValidationError)) throw error
        res.status(400).json({
          error: 'bad_request',
          message: error.message,
          errors: error.errors.map(e => ({ parameter: e.field, message: e.message })),
        })
      }
    }),
  ]
}
