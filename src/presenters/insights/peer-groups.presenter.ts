import {
  differences,
  londonMeanProfile,
  notableDifferences,
  peerGroupNames,
  profileName,
  separateOutliers,
  type Difference,
  type Dimension,
} from '../../domain/insights'
import type { Clusters } from '../../services/insights/insights.service'
import { joinHtml, text, type Html } from '../html'
import { formatScore } from '../scores'
import type { ClusterLinks } from './cluster-links'
import { organisationLinks, type MemberView } from './cluster-columns.presenter'
import { profileChartView, type ProfileChartView } from './peer-profile-chart.presenter'

export interface PeerGroupView {
  /** The group's number as the brief knows it. */
  number: number
  name: string
  headingId: string
  /** "3 organisations: Camden, Hackney and Sutton", each a link. */
  members: Html
  count: number
  mean: string
  brief: string
  chart: ProfileChartView
}

export interface OutlierView {
  gss: string
  /** The authority, a link to its page, and how it differs from London, in a sentence. */
  html: Html
}

const has = (n: number, one: string, many: string) => (n === 1 ? one : many)

const against = (d: Difference) => `${d.title} ${formatScore(d.score)} against London’s ${formatScore(d.london)}`

/** How an outlier differs, in words: its name, and each dimension a margin away from London's mean. */
function outlierText(diffs: readonly Difference[]): string {
  const notable = notableDifferences(diffs)
  if (notable.length === 0) return 'close to London’s mean on every dimension'
  return `${profileName(diffs).replace(/^[A-Z](?=[a-z])/, c => c.toLowerCase())} (${notable.map(against).join('; ')})`
}

/**
 * Peer groups of two or more, each named from its profile against London's mean with that profile drawn,
 * and the organisations in a group of their own as outliers, each with how it differs.
 */
export function peerGroupsView(
  clusters: Clusters,
  dimensions: readonly Dimension[],
  links: ClusterLinks,
  members: (codes: readonly string[]) => MemberView[],
) {
  const london = londonMeanProfile(
    clusters.peerGroups,
    dimensions.map(d => d.key),
  )
  const { peers, outliers } = separateOutliers(clusters.peerGroups)
  const names = peerGroupNames(
    peers.map(p => p.group),
    london,
    dimensions,
  )
  const groups = peers.map(({ number, group }, i): PeerGroupView => {
    const count = group.organisations.length
    return {
      number,
      name: names[i] ?? '',
      headingId: `peer-${number}`,
      members: joinHtml([
        text(`${count} ${has(count, 'organisation', 'organisations')}: `),
        organisationLinks(members(group.organisations)),
      ]),
      count,
      mean: formatScore(group.meanScore),
      brief: links.brief({ kind: 'peer', group: number }),
      chart: profileChartView(`peer-${number}-chart`, differences(group.meanProfile, london, dimensions)),
    }
  })
  const outlierViews = outliers.map(({ group }): OutlierView => {
    const gss = group.organisations[0] ?? ''
    const [member] = members([gss])
    const diffs = differences(group.meanProfile, london, dimensions)
    return {
      gss,
      html: joinHtml([organisationLinks(member ? [member] : []), text(`: ${outlierText(diffs)}.`)]),
    }
  })
  return { groups, outliers: outlierViews }
}

/** The name the clusters page gives peer group `number`, for its brief; a group of one is an outlier. */
export function peerGroupName(clusters: Clusters, dimensions: readonly Dimension[], number: number): string {
  const london = londonMeanProfile(
    clusters.peerGroups,
    dimensions.map(d => d.key),
  )
  const { peers } = separateOutliers(clusters.peerGroups)
  const names = peerGroupNames(
    peers.map(p => p.group),
    london,
    dimensions,
  )
  const at = peers.findIndex(p => p.number === number)
  return at === -1 ? 'Outlier' : `Peer group “${names[at] ?? ''}”`
}

export type PeerGroupsView = ReturnType<typeof peerGroupsView>
