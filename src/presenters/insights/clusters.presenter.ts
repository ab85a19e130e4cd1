import type { HeatmapLevel, HeatmapScope } from '../../domain/insights/heatmap'
import type { Clusters } from '../../services/insights/insights.service'
import { paths } from '../../paths'
import { formatScore } from '../scores'
import { clusterLinks, type ClusterLinks } from './cluster-links'
import { columnViews, type LinkView, type MemberView } from './cluster-columns.presenter'
import { peerGroupsView } from './peer-groups.presenter'

const PLURAL: Record<HeatmapLevel, string> = { dimension: 'dimensions', theme: 'themes', question: 'questions' }

export const percent = (share: number): string => `${Math.round(share * 100)}%`

export const listed = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`

/**
 * The lowest dimensions of a mean profile in words. The domain names the first on a tie; a reader told
 * "Leadership" is weakest when every dimension scores 4.00 would be misled, so ties are said as ties.
 */
export function weakestDimensions(
  meanProfile: Readonly<Record<string, number>>,
  dimensions: readonly { key: string; title: string }[],
): { text: string; marked: Set<string> } {
  const means = dimensions.map(d => meanProfile[d.key] ?? Infinity)
  const low = Math.min(...means)
  const tied = dimensions.filter((_, i) => Math.abs((means[i] as number) - low) < 1e-9)
  if (tied.length === dimensions.length && tied.length > 1)
    return { text: `None stands out: every dimension averages ${formatScore(low)}`, marked: new Set() }
  return {
    text: tied.length === 1 ? (tied[0]?.title ?? '') : `${listed(tied.map(d => d.title))}, tied`,
    marked: new Set(tied.map(d => d.key)),
  }
}

/** What a cluster's heatmap link says: the heatmap opens on what lies under the cluster's column. */
function heatmapLinkText(scope: HeatmapScope, title: string): string {
  return scope.level === 'dimension'
    ? `${title} on the heatmap, theme by theme`
    : scope.level === 'theme'
      ? `${title} on the heatmap, question by question`
      : `The questions of ${scope.parent?.title ?? 'this theme'} on the heatmap`
}

/** Names for GSS codes, and links to each organisation's page. */
interface Named {
  names: (codes: readonly string[]) => string[]
  members: (codes: readonly string[]) => MemberView[]
}

function named(clusters: Clusters): Named {
  const byCode = new Map(clusters.heatmap.rows.map(r => [r.organisation.gss, r.organisation]))
  return {
    names: codes => codes.map(code => byCode.get(code)?.name ?? code),
    members: codes =>
      codes.map(code => {
        const o = byCode.get(code)
        return o ? { text: o.name, href: paths.organisation(o.slug) } : { text: code, href: undefined }
      }),
  }
}

/** Links up the hierarchy from the current level, and down into each column that has a level under it. */
function navigation(scope: HeatmapScope, links: ClusterLinks) {
  const crumbs: LinkView[] = []
  if (scope.level !== 'dimension')
    crumbs.push({ text: 'All dimensions', href: links.clusters({ level: 'dimension', parent: undefined }) })
  if (scope.grandparent)
    crumbs.push({
      text: scope.grandparent.title,
      href: links.clusters({ level: 'theme', parent: scope.grandparent.key }),
    })
  const drill = scope.columns.flatMap(c => {
    const href = links.clustersBelow(c.key)
    return href ? [{ text: c.title, href }] : []
  })
  return { crumbs, drill }
}

/** The clusters page's view model: names for codes, formatted figures and every link, so the view only lays out. */
export function clustersView(clusters: Clusters) {
  const { heatmap } = clusters
  const { round, query, scope, definition } = heatmap
  const links = clusterLinks(round.id, query, definition.weakThreshold)
  const { members } = named(clusters)
  const heatmapLink = (key: string, title: string): LinkView => ({
    text: heatmapLinkText(scope, title),
    href: links.heatmapOf(key),
  })
  const dimensions = definition.dimensions

  const columns = columnViews({ clusters, links, members, heatmapLink, columnNoun: scope.level })
  const peers = peerGroupsView(clusters, dimensions, links, members)
  const { crumbs, drill } = navigation(scope, links)
  const scored = heatmap.rows.filter(r => r.scored).length

  return {
    columnNoun: scope.level,
    columnsNoun: PLURAL[scope.level],
    /** Where the columns come from, as a reader would say it. */
    where: scope.parent ? `the ${PLURAL[scope.level]} of ${scope.parent.title}` : `the ${dimensions.length} dimensions`,
    current: scope.parent?.title ?? 'All dimensions',
    crumbs,
    drill,
    drillNoun: scope.level === 'dimension' ? 'themes' : 'questions',
    columns,
    peers,
    peersHeatmap: { text: 'All dimensions on the heatmap, like profiles together', href: links.heatmapOfProfiles() },
    scored,
    notScored: heatmap.rows.length - scored,
    profiled: clusters.profiled,
    totalOrganisations: clusters.totalOrganisations,
    dimensionTitles: dimensions.map(d => d.title),
    heatmapHref: links.heatmap(),
    apiHref: links.api(),
  }
}

export type ClustersView = ReturnType<typeof clustersView>
