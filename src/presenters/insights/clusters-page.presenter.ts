import type { Clusters } from '../../services/insights/insights.service'
import { clustersView } from './clusters.presenter'
import { noun, plural } from '../../domain/format/plurals'

/** How many organisations count, how many are left out, and among whom, as one clause. */
function countedText(clusters: Clusters, scored: number, notScored: number): string {
  const counted = `${plural(scored, 'organisation has', 'organisations have')} handed in an assessment and ${noun(scored, 'is', 'are')} counted`
  const left =
    notScored > 0
      ? `; ${plural(notScored, 'more has', 'more have')} not handed in yet and ${noun(notScored, 'is', 'are')} left out`
      : ''
  const among = clusters.heatmap.partnership ? `, among the members of ${clusters.heatmap.partnership.name} only` : ''
  return `${counted}${left}${among}`
}

/** The clusters page: the view model with every sentence, card and fact finished for the template. */
export function clustersPageView(clusters: Clusters) {
  const view = clustersView(clusters)
  const q = clusters.heatmap.query
  const peerCount = view.peers.groups.length
  const outlierCount = view.peers.outliers.length
  return {
    ...view,
    threshold: q.threshold,
    minSize: q.minSize,
    k: q.k,
    basisText:
      q.basis === 'final'
        ? 'final: an assessor’s moderated level where there is one, the organisation’s own elsewhere'
        : 'self-assessed, before moderation',
    countedText: countedText(clusters, view.scored, view.notScored),
    hasCrumbs: view.crumbs.length > 0,
    hasDrill: view.drill.length > 0,
    noShared:
      clusters.sharedWeakness.length === 0
        ? `No ${view.columnNoun} has ${q.minSize} or more organisations below ${q.threshold}. Fewer organisations or a higher threshold finds smaller or milder clusters.`
        : undefined,
    noGeographic:
      clusters.geographic.length === 0
        ? `No two neighbouring organisations are weak on the same ${view.columnNoun}.`
        : undefined,
    noPeers: clusters.peerGroups.length === 0,
    hasOutliers: outlierCount > 0,
    /** How many groups and outliers there are, in words, after the groups were made. */
    peersText: `${plural(peerCount, 'group')} of two or more${outlierCount > 0 ? `, and ${plural(outlierCount, 'organisation')} like no other, listed as ${noun(outlierCount, 'an outlier', 'outliers')} below` : ''}`,
    dimensionCount: view.dimensionTitles.length,
    profiledText: `${view.profiled} of the ${view.scored} counted organisations ${noun(view.profiled, 'has', 'have')} a score in every dimension${view.profiled < view.scored ? '; the others are left out rather than guessed at' : ''}`,
  }
}

export type ClustersPageView = ReturnType<typeof clustersPageView>
