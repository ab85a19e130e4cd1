import { byBritishName } from '../../domain/names'
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors'
import {
  geographicClusters,
  peerGroups,
  sharedWeakness,
  similarityOrder,
  type GeographicCluster,
  type PeerGroup,
  type SharedWeakness,
} from '../../domain/insights'
import { heatmapRow, heatmapScope, type HeatmapCell, type HeatmapScope } from '../../domain/insights/heatmap'
import { parseInsightQuery, type InsightQuery } from '../../domain/insights/query'
import type { Round } from '../../domain/assessment/round'
import type { AssessmentState } from '../../domain/assessment/workflow'
import type { Organisation } from '../../domain/organisation'
import type { QuestionnaireDefinition } from '../../domain/questionnaire/definition'
import { isCentralRole } from '../../domain/roles'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { Partnership } from '../../data/partnership.repository'
import type { QuestionnaireService } from '../admin/questionnaire.service'
import { loadRoundResults, moderatedLevels, type RoundResults } from './round-results'

export interface HeatmapRow {
  organisation: Organisation
  state: AssessmentState
  /** Whether the row counts: only handed-in assessments are scored. */
  scored: boolean
  moderated: boolean
  overall: number | null
  cells: HeatmapCell[]
}

export interface Heatmap {
  round: Round
  /** Every round, newest first, for choosing another. */
  rounds: Round[]
  definition: QuestionnaireDefinition
  query: InsightQuery
  scope: HeatmapScope
  partnership: Partnership | undefined
  partnerships: Partnership[]
  rows: HeatmapRow[]
  /** The round's memo (see loadRoundResults), for work derived from these rows. */
  memo: RoundResults['memo']
  memoAsync: RoundResults['memoAsync']
  keptBody: RoundResults['keptBody']
}

export interface Clusters {
  heatmap: Heatmap
  sharedWeakness: SharedWeakness[]
  geographic: GeographicCluster[]
  peerGroups: PeerGroup[]
  /** Organisations with a score in every dimension: the only ones peer groups can place. */
  profiled: number
  totalOrganisations: number
}

const byName = (a: HeatmapRow, b: HeatmapRow) => byBritishName(a.organisation.name, b.organisation.name)

/** Cross-borough views for the central roles: heatmaps and the clusters of weak performance behind them. */
export function insightsService(repos: Repositories, questionnaires: QuestionnaireService) {
  function central(user: User) {
    if (!isCentralRole(user.role))
      throw new ForbiddenError('Only LOTI analysts, assessors and admins see London’s named figures')
  }

  async function heatmap(user: User, roundId: number, raw: Record<string, unknown>): Promise<Heatmap> {
    central(user)
    const { round, rounds, definition, results, partnerships, memo, memoAsync, keptBody } = await loadRoundResults(
      repos,
      questionnaires,
      roundId,
    )
    const parsed = parseInsightQuery(raw, { threshold: definition.weakThreshold })
    if (!parsed.value) throw new ValidationError(parsed.errors)
    const query = parsed.value
    const scope = heatmapScope(definition, query.level, query.parent)
    if (!scope) {
      const expected = query.level === 'theme' ? 'dimension' : 'theme'
      throw new NotFoundError(`There is no ${expected} "${query.parent ?? ''}" in this round’s questionnaire`)
    }
    const partnership = partnerships.find(p => p.id === query.partnershipId)
    if (query.partnershipId !== undefined && !partnership) throw new NotFoundError('There is no such partnership')
    const members = partnership && new Set(partnership.memberIds)

    // Scored once per round, basis and level while the round's data stays the same; then reused.
    const scored = memo(`heatmap:${query.basis}:${scope.level}:${scope.parent?.key ?? ''}`, () => {
      const byAssessment = new Map<number, Pick<HeatmapRow, 'overall' | 'cells'>>()
      for (const r of results.filter(result => result.scored)) {
        const input = { answers: r.answers, moderatedLevels: moderatedLevels(r) }
        byAssessment.set(r.assessment.id, heatmapRow(definition, scope, input, query.basis))
      }
      return byAssessment
    })
    // Rows depend on the basis, the level, the partnership and the order, not the threshold: built once
    // per choice of those while the round's data stands (tens of milliseconds at 10,000 organisations).
    const rowsKey = `rows:${query.basis}:${scope.level}:${scope.parent?.key ?? ''}:${query.partnershipId ?? ''}:${query.order}`
    const ordered = memo(rowsKey, () => {
      // Results come in name order, and filtering keeps it.
      const rows = results
        .filter(r => !members || members.has(r.organisation.id))
        .map((r): HeatmapRow => {
          const base = { organisation: r.organisation, state: r.assessment.state, scored: r.scored }
          const moderated = r.assessment.state === 'moderated'
          if (!r.scored) {
            const empty = { score: null, reason: 'not_submitted' as const }
            return { ...base, moderated, overall: null, cells: scope.columns.map(() => empty) }
          }
          return { ...base, moderated, ...(scored.get(r.assessment.id) ?? { overall: null, cells: [] }) }
        })
      return order(rows, query, key =>
        memo(`order:${query.basis}:${scope.level}:${scope.parent?.key ?? ''}:${query.partnershipId ?? ''}:${key}`, () =>
          similarityOrder(rows.map(r => r.cells.map(c => c.score))),
        ),
      )
    })
    return {
      round,
      rounds,
      definition,
      query,
      scope,
      partnership,
      partnerships,
      rows: ordered,
      memo,
      memoAsync,
      keptBody,
    }
  }

  function order(rows: HeatmapRow[], query: InsightQuery, similarity: (key: string) => number[]): HeatmapRow[] {
    if (query.order === 'overall') {
      // Weakest first, as that is what the view is for; rows without a score last, by name.
      return [...rows].sort((a, b) => (a.overall ?? Infinity) - (b.overall ?? Infinity) || byName(a, b))
    }
    if (query.order === 'similarity') return similarity('similarity').flatMap(i => rows.slice(i, i + 1))
    return rows
  }

  return {
    heatmap,

    async clusters(user: User, roundId: number, raw: Record<string, unknown>): Promise<Clusters> {
      const map = await heatmap(user, roundId, raw)
      const { query, scope } = map
      const scored = map.rows.filter(r => r.scored)
      const tooMany = (name: 'minSize' | 'k') =>
        query[name] > Math.max(scored.length, 1)
          ? [
              {
                field: name,
                message: `${name} must be no more than the ${scored.length} scored organisations, not "${query[name]}"`,
              },
            ]
          : []
      const errors = [...tooMany('minSize'), ...tooMany('k')]
      if (errors.length > 0) throw new ValidationError(errors)

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
        }
      })
    },
  }
}

export type InsightsService = ReturnType<typeof insightsService>
