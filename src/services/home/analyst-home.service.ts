import { roundProgress, type Stage } from '../../domain/home/round-progress'
import type { GeographicCluster, SharedWeakness } from '../../domain/insights'
import type { InsightQuery } from '../../domain/insights/query'
import type { Organisation } from '../../domain/organisation'
import type { User } from '../../domain/user'
import type { Round, RoundStatus } from '../../domain/assessment/round'
import type { OpportunityDetail } from '../pipeline/opportunity.service'
import { estateHeadline, type EstateHeadline } from './estate-home'
import type { HomeDeps } from './home-deps'

/** How many of each the headline shows; each list links to the whole. */
export const HEADLINE_SIZE = 3

export interface RoundProgress {
  round: Round & { status: RoundStatus }
  stages: Record<Stage, Organisation[]>
}

export interface AnalystHome {
  /** Every open round, newest first, with its authorities by stage. */
  open: RoundProgress[]
  /** The newest closed round's largest shared weaknesses and geographic clusters; undefined before one closes. */
  headline:
    | {
        round: { id: number; name: string }
        /** The clusters page's own default controls, so links open the same view. */
        query: InsightQuery
        sharedWeakness: SharedWeakness[]
        sharedWeaknessCount: number
        geographic: GeographicCluster[]
        geographicCount: number
        organisationsByGss: Map<string, Organisation>
      }
    | undefined
  /** The pipeline's largest joint-buying opportunities in its default window. */
  opportunities: OpportunityDetail[]
  opportunitiesCount: number
  opportunityMonths: number
  /** Categories where registered contracts end in that window but nobody has an open plan. */
  unplannedCount: number
  estate: EstateHeadline
}

const largestFirst = <T extends { organisations: readonly string[] }>(list: readonly T[]): T[] =>
  [...list].sort((a, b) => b.organisations.length - a.organisations.length)

/** An analyst's morning: open rounds' progress, the last closed round's headline, joint buying ahead. */
export function analystHome({ repos, clock, assessments, insights, opportunities }: HomeDeps) {
  return async function forAnalyst(user: User): Promise<AnalystHome> {
    const listed = await assessments.list(user)
    const rounds = new Map<number, RoundProgress['round']>()
    for (const a of listed) rounds.set(a.round.id, a.round)
    const newestFirst = [...rounds.values()].sort((a, b) => b.opensOn.localeCompare(a.opensOn) || b.id - a.id)
    const open = newestFirst
      .filter(r => r.status === 'open')
      .map(round => {
        const inRound = listed
          .filter(a => a.round.id === round.id)
          .map(a => ({ ...a.organisation, state: a.assessment.state }))
          .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
        return { round, stages: roundProgress(inRound) }
      })
    const closed = newestFirst.find(r => r.status === 'closed')
    const [clusters, pipeline, organisations, estate] = await Promise.all([
      closed ? insights.clusters(user, closed.id, {}) : undefined,
      opportunities.list(user, {}),
      repos.organisations.list(),
      estateHeadline(repos, clock),
    ])
    return {
      open,
      headline:
        closed && clusters
          ? {
              round: { id: closed.id, name: closed.name },
              query: clusters.heatmap.query,
              sharedWeakness: largestFirst(clusters.sharedWeakness).slice(0, HEADLINE_SIZE),
              sharedWeaknessCount: clusters.sharedWeakness.length,
              geographic: largestFirst(clusters.geographic).slice(0, HEADLINE_SIZE),
              geographicCount: clusters.geographic.length,
              organisationsByGss: new Map(organisations.map(o => [o.gss, o])),
            }
          : undefined,
      opportunities: [...pipeline.opportunities]
        .sort((a, b) => b.opportunity.buyers - a.opportunity.buyers)
        .slice(0, HEADLINE_SIZE),
      opportunitiesCount: pipeline.opportunities.length,
      opportunityMonths: pipeline.months,
      unplannedCount: pipeline.unplanned.length,
      estate,
    }
  }
}
