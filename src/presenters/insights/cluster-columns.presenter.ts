import type { GeographicCluster, SharedWeakness } from '../../domain/insights'
import type { Clusters } from '../../services/insights/insights.service'
import { joinHtml, link, text, type Html } from '../html'
import { formatScore } from '../scores'
import type { Table, TableRow } from '../govuk-params'
import type { ClusterLinks } from './cluster-links'
import { clusterLetter, clusterMapView, type ClusterMapView } from './cluster-map.presenter'

export interface MemberView {
  text: string
  href: string | undefined
}

export interface LinkView {
  text: string
  href: string
}

/** Everything about one weak column under its one heading: who is weak there, and which neighbours together. */
export interface ColumnView {
  key: string
  title: string
  headingId: string
  shared: { text: string; organisations: Html; brief: string; label: string } | undefined
  geographic: { map: ClusterMapView; table: Table<TableRow>; caption: string } | undefined
  /** Said when the column has a shared weakness but no two weak neighbours. */
  noNeighbours: string | undefined
  heatmap: LinkView
}

export interface ColumnContext {
  clusters: Clusters
  links: ClusterLinks
  members: (codes: readonly string[]) => MemberView[]
  heatmapLink: (key: string, title: string) => LinkView
  columnNoun: string
}

const percent = (share: number): string => `${Math.round(share * 100)}%`

/** Organisations one after another, each a link to its page. */
export function organisationLinks(members: readonly MemberView[]): Html {
  return joinHtml(
    members.map(m => (m.href ? link(m.href, m.text) : text(m.text))),
    text(', '),
  )
}

function sharedView(s: SharedWeakness, ctx: ColumnContext): ColumnView['shared'] {
  const total = ctx.clusters.totalOrganisations
  const count = s.organisations.length
  return {
    label: `${s.title}, shared weakness`,
    brief: ctx.links.brief({ kind: 'shared', key: s.key }),
    text: `${count} organisations are weak here, ${percent(s.share)} of London’s ${total}: ${s.buyers} separate ${s.buyers === 1 ? 'buyer' : 'buyers'} when each partnership counts once, with a mean score of ${formatScore(s.meanScore)} out of 5.`,
    organisations: organisationLinks(ctx.members(s.organisations)),
  }
}

/** The column's map and the table that names what it marks: one row a cluster, under the map's letter. */
function geographicView(column: { key: string; title: string }, found: GeographicCluster[], ctx: ColumnContext) {
  const map = clusterMapView(column, found, ctx.clusters.organisations)
  const table: Table<TableRow> = {
    head: [
      { text: 'Cluster' },
      { text: 'Neighbouring organisations' },
      { text: 'Mean score', format: 'numeric' },
      { text: 'Brief' },
    ],
    rows: found.map((g, i) => ({
      attributes: { 'data-cluster-letter': clusterLetter(i) },
      cells: [
        { text: clusterLetter(i), header: true },
        { html: organisationLinks(ctx.members(g.organisations)) },
        { text: formatScore(g.meanScore), format: 'numeric' },
        {
          html: link(
            ctx.links.brief({ kind: 'geographic', key: g.key, member: g.organisations[0] ?? '' }),
            'Brief',
            `for a collective response: ${column.title}, neighbours in cluster ${clusterLetter(i)}`,
          ),
        },
      ],
    })),
  }
  return { map, table, caption: `The clusters on the map of ${column.title}` }
}

/**
 * One view per column with a shared weakness or a geographic cluster: the columns with a shared weakness
 * first, the most weak first, then the rest in questionnaire order.
 */
export function columnViews(ctx: ColumnContext): ColumnView[] {
  const { clusters } = ctx
  const keys = [
    ...clusters.sharedWeakness.map(s => s.key),
    ...clusters.heatmap.scope.columns.map(c => c.key).filter(k => clusters.geographic.some(g => g.key === k)),
  ].filter((key, i, all) => all.indexOf(key) === i)
  return keys.flatMap(key => {
    const column = clusters.heatmap.scope.columns.find(c => c.key === key)
    if (!column) return []
    const shared = clusters.sharedWeakness.find(s => s.key === key)
    const found = clusters.geographic.filter(g => g.key === key)
    return [
      {
        key,
        title: column.title,
        headingId: `column-${key.replace(/[^A-Za-z0-9-]/g, '-')}`,
        shared: shared && sharedView(shared, ctx),
        geographic: found.length > 0 ? geographicView(column, found, ctx) : undefined,
        noNeighbours:
          found.length === 0 ? `No two neighbouring organisations are weak together on ${column.title}.` : undefined,
        heatmap: ctx.heatmapLink(key, column.title),
      },
    ]
  })
}
