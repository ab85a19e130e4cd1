import type { PeerGroup } from '../../domain/insights'
import type { HeatmapLevel, HeatmapScope } from '../../domain/insights/heatmap'
import type { Clusters } from '../../services/insights/insights.service'
import { paths } from '../../paths'
import { formatScore } from '../scores'
import { clusterLinks, type ClusterLinks } from './cluster-links'

export interface LinkView {
  text: string
  href: string
}

export interface MemberView {
  text: string
  href: string | undefined
}

export interface ClusterView {
  title: string
  names: string[]
  /** The same organisations, each with its own page where it is known. */
  members: MemberView[]
  mean: string
  heatmap: LinkView
  brief: string
}

export interface SharedView extends ClusterView {
  count: number
  share: string
  buyers: number
}

export interface PeerView extends ClusterView {
  number: number
  profile: { title: string; mean: string; weakest: boolean }[]
  weakest: string
}

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

/** A peer group, numbered from 1 as the page lists them, with its mean profile and weakest dimensions. */
function peerView(
  p: PeerGroup,
  i: number,
  { names, members }: Named,
  dimensions: readonly { key: string; title: string }[],
  links: ClusterLinks,
): PeerView {
  const weakest = weakestDimensions(p.meanProfile, dimensions)
  return {
    number: i + 1,
    title: `Peer group ${i + 1}`,
    names: names(p.organisations),
    members: members(p.organisations),
    mean: formatScore(p.meanScore),
    profile: dimensions.map(d => ({
      title: d.title,
      mean: formatScore(p.meanProfile[d.key]),
      weakest: weakest.marked.has(d.key),
    })),
    weakest: weakest.text,
    heatmap: { text: 'All dimensions on the heatmap, like profiles together', href: links.heatmapOfProfiles() },
    brief: links.brief({ kind: 'peer', group: i + 1 }),
  }
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
  const naming = named(clusters)
  const { names, members } = naming
  const heatmapLink = (key: string, title: string): LinkView => ({
    text: heatmapLinkText(scope, title),
    href: links.heatmapOf(key),
  })
  const dimensions = definition.dimensions

  const shared: SharedView[] = clusters.sharedWeakness.map(s => ({
    title: s.title,
    names: names(s.organisations),
    members: members(s.organisations),
    count: s.organisations.length,
    share: percent(s.share),
    buyers: s.buyers,
    mean: formatScore(s.meanScore),
    heatmap: heatmapLink(s.key, s.title),
    brief: links.brief({ kind: 'shared', key: s.key }),
  }))
  const geographic: ClusterView[] = clusters.geographic.map(g => ({
    title: g.title,
    names: names(g.organisations),
    members: members(g.organisations),
    mean: formatScore(g.meanScore),
    heatmap: heatmapLink(g.key, g.title),
    brief: links.brief({ kind: 'geographic', key: g.key, member: g.organisations[0] ?? '' }),
  }))
  const peers = clusters.peerGroups.map((p, i) => peerView(p, i, naming, dimensions, links))
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
    shared,
    geographic,
    peers,
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
