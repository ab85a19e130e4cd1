import { ValidationError } from '../../domain/errors'
import {
  geographicClusters,
  peerGroups,
  sharedWeakness,
  type GeographicCluster,
  type PeerGroup,
  type SharedWeakness,
} from '../../domain/insights'
import type { Organisation } from '../../domain/organisation'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { Heatmap } from './build-heatmap.service'

export interface Clusters {
  heatmap: Heatmap
  sharedWeakness: SharedWeakness[]
  geographic: GeographicCluster[]
  peerGroups: PeerGroup[]
  /** Organisations with a score in every dimension: the only ones peer groups can place. */
  profiled: number
  totalOrganisations: number
  /** Every authority with its tile, taking part or not, so the clusters can be drawn on the London map. */
  organisations: Organisation[]
}

type HeatmapOf = (user: User, roundId: number, raw: Record<string, unknown>) => Promise<Heatmap>

/**
 * A minimum size or number of peer groups left unsaid takes its default only where there are enough
 * organisations: a round with two scored opens on groups of two, not on an error about settings no one
 * chose. Returns the query with those filled in, or undefined when the defaults fit.
 */
function fittedDefaults(raw: Record<string, unknown>, map: Heatmap, scored: number) {
  const fitted = { ...raw }
  for (const name of ['minSize', 'k'] as const)
    if (raw[name] === undefined && map.query[name] > scored) fitted[name] = String(Math.max(scored, 1))
  return Object.keys(fitted).length > Object.keys(raw).length ? fitted : undefined
}

/** Refuses a minimum size or a number of peer groups larger than the organisations there are to group. */
function checkSizes(map: Heatmap, scored: number) {
  const { query } = map
  const tooMany = (name: 'minSize' | 'k') =>
    query[name] > Math.max(scored, 1)
      ? [
          {
            field: name,
            message: `${name} must be no more than the ${scored} scored organisations, not "${query[name]}"`,
          },
        ]
      : []
  const errors = [...tooMany('minSize'), ...tooMany('k')]
  if (errors.length > 0) throw new ValidationError(errors)
}

/** The clusters of weak performance behind a heatmap: shared weaknesses, geographic clusters and peer groups. */
export async function findClusters(
  repos: Repositories,
  heatmap: HeatmapOf,
  user: User,
  roundId: number,
  raw: Record<string, unknown>,
): Promise<Clusters> {
  const map = await heatmap(user, roundId, raw)
  const { query, scope } = map
  const scored = map.rows.filter(r => r.scored)
  const fitted = fittedDefaults(raw, map, scored.length)
  if (fitted) return findClusters(repos, heatmap, user, roundId, fitted)
  checkSizes(map, scored.length)

  // Worked out once per view while the round's data stands: at 10,000 organisations it takes seconds.
  return map.memoAsync(`clusters:${JSON.stringify(query)}`, async (): Promise<Clusters> => {
    // Reference data, read once per round version rather than on every request.
    const [organisations, neighbours] = await Promise.all([
      map.memoAsync('organisations', () => repos.organisations.list()),
      map.memoAsync('neighbours', () => repos.organisations.neighbourMap()),
    ])
    const gssOf = new Map(organisations.map(o => [o.id, o.gss]))
    const partnerships = map.partnerships.map(p => p.memberIds.map(id => gssOf.get(id) ?? ''))
    const rows = scored.map(r => ({ gss: r.organisation.gss, cells: r.cells.map(c => c.score) }))

    // Peer groups compare whole profiles, whatever level the heatmap is at.
    const dimensionMap =
      scope.level === 'dimension'
        ? map
        : await heatmap(user, roundId, { ...raw, level: 'dimension', parent: undefined, order: 'name' })
    const profiles = dimensionMap.rows
      .filter(r => r.scored)
      .map(r => ({ gss: r.organisation.gss, profile: r.cells.map(c => c.score) }))
    const complete = profiles.filter(p => p.profile.every(s => s !== null))
    const dimensionKeys = dimensionMap.scope.columns.map(c => c.key)

    return {
      heatmap: map,
      sharedWeakness: sharedWeakness(scope.columns, rows, {
        threshold: query.threshold,
        minSize: query.minSize,
        partnerships,
        totalOrganisations: Math.max(organisations.length, rows.length),
      }),
      geographic: geographicClusters(scope.columns, rows, { threshold: query.threshold, neighbours }),
      // Clustering thousands of profiles takes seconds: done once per round version, basis, filter and k.
      peerGroups: map.memo(`peers:${query.basis}:${query.partnershipId ?? ''}:${query.k}`, () =>
        complete.length === 0 ? [] : peerGroups(complete, dimensionKeys, Math.min(query.k, complete.length)),
      ),
      profiled: complete.length,
      totalOrganisations: organisations.length,
      organisations,
    }
  })
}
