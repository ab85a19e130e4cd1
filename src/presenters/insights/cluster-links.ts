import type { HeatmapLevel } from '../../domain/insights/heatmap'
import type { InsightQuery } from '../../domain/insights/query'
import type { BriefSelector } from '../../services/insights/cluster-brief.service'
import { paths } from '../../paths'
import { insightQueryString } from './insight-query'

type Changes = Parameters<typeof insightQueryString>[2]

const BELOW: Record<HeatmapLevel, HeatmapLevel | null> = { dimension: 'theme', theme: 'question', question: null }

/** Links from a cluster to the heatmap and the brief, carrying the analyst's controls with them. */
export function clusterLinks(roundId: number, query: InsightQuery, threshold: number) {
  const qs = (changes: Changes = {}) => insightQueryString(query, { threshold }, changes)
  const selectorQuery = (selector: BriefSelector): string => {
    const params = new URLSearchParams({ kind: selector.kind })
    if (selector.kind === 'peer') params.set('group', String(selector.group))
    else params.set('key', selector.key)
    if (selector.kind === 'geographic') params.set('member', selector.member)
    const base = qs()
    return `${base}${base === '' ? '?' : '&'}${params.toString()}`
  }
  return {
    clusters: (changes: Changes = {}) => paths.clusters(roundId, qs(changes)),
    heatmap: () => paths.heatmap(roundId, qs()),
    api: () => `${paths.api.clusters(roundId)}${qs()}`,
    /** The heatmap opened on a column, so what lies under it shows; a question column has nothing under it. */
    heatmapOf(key: string): string {
      const below = BELOW[query.level]
      return paths.heatmap(roundId, qs(below ? { level: below, parent: key } : {}))
    },
    /** Whole profiles, ordered so like organisations sit together, as peer groups are made. */
    heatmapOfProfiles: () => paths.heatmap(roundId, qs({ level: 'dimension', parent: undefined, order: 'similarity' })),
    brief: (selector: BriefSelector) => paths.clusterBrief(roundId, selectorQuery(selector)),
    clustersBelow(key: string): string | null {
      const below = BELOW[query.level]
      return below ? paths.clusters(roundId, qs({ level: below, parent: key })) : null
    },
  }
}

export type ClusterLinks = ReturnType<typeof clusterLinks>
