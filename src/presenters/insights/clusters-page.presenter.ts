import type { Clusters } from '../../services/insights/insights.service'
import { joinHtml, link, text, type Html } from '../html'
import { clustersView, type ClusterView, type MemberView, type PeerView } from './clusters.presenter'
import type { Table, TableRow } from '../govuk-params'
import { element } from '../html'
import { noun, plural } from '../../domain/format/plurals'

export interface ClusterCardView extends ClusterView {
  kind: 'shared' | 'geographic' | 'peer'
  /** Said after "One-page brief" to a screen reader, naming the cluster. */
  label: string
  /** The card's facts, as rows of the GOV.UK summary list; a list of organisations links each to its page. */
  facts: { key: { text: string }; value: { text: string } | { html: Html } }[]
  /** A peer group's mean score by dimension, as the GOV.UK table partial takes it. */
  profileTable: Table<TableRow> | null
}

type Fact = [string, string] | [string, { html: Html }]

const facts = (pairs: Fact[]) =>
  pairs.map(([key, value]) => ({ key: { text: key }, value: typeof value === 'object' ? value : { text: value } }))

/** Organisations one after another, each a link to its page, optionally after a count ("3: "). */
function organisationLinks(members: readonly MemberView[], before = ''): { html: Html } {
  const named = members.map(m => (m.href ? link(m.href, m.text) : text(m.text)))
  return { html: joinHtml([text(before), joinHtml(named, text(', '))]) }
}

/** A peer group's mean by dimension in one row, the weakest in bold and said to be the weakest. */
function profileTable(profile: PeerView['profile']): Table<TableRow> {
  return {
    head: profile.map(d => ({ text: d.title, format: 'numeric' })),
    rows: [
      profile.map(d =>
        d.weakest
          ? { html: joinHtml([element('strong', text(d.mean)), text(' (weakest)')]), format: 'numeric' }
          : { text: d.mean, format: 'numeric' },
      ),
    ],
  }
}

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
  const shared = view.shared.map((s): ClusterCardView => ({
    ...s,
    kind: 'shared',
    label: `${s.title}, shared weakness`,
    profileTable: null,
    facts: facts([
      ['Weak here', `${plural(s.count, 'organisation')}: ${s.share} of London’s ${view.totalOrganisations}`],
      ['Separate buyers', `${s.buyers}, when each partnership counts once`],
      ['Mean score', `${s.mean} out of 5`],
      ['Organisations', organisationLinks(s.members)],
    ]),
  }))
  const geographic = view.geographic.map((g): ClusterCardView => ({
    ...g,
    kind: 'geographic',
    label: `${g.title}, neighbours ${g.names.join(', ')}`,
    profileTable: null,
    facts: facts([
      ['Neighbouring organisations', organisationLinks(g.members, `${g.members.length}: `)],
      ['Mean score', `${g.mean} out of 5`],
    ]),
  }))
  const peers = view.peers.map((p): ClusterCardView => ({
    ...p,
    kind: 'peer',
    label: p.title,
    profileTable: profileTable(p.profile),
    facts: facts([
      ['Members', organisationLinks(p.members, `${p.members.length}: `)],
      ['Weakest dimension', p.weakest],
      ['Mean score', `${p.mean} out of 5, across dimensions`],
    ]),
  }))
  return {
    ...view,
    shared,
    geographic,
    peers,
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
      shared.length === 0
        ? `No ${view.columnNoun} has ${q.minSize} or more organisations below ${q.threshold}. Fewer organisations or a higher threshold finds smaller or milder clusters.`
        : undefined,
    noGeographic:
      geographic.length === 0
        ? `No two neighbouring organisations are weak on the same ${view.columnNoun}.`
        : undefined,
    noPeers: peers.length === 0,
    dimensionCount: view.dimensionTitles.length,
    profiledText: `${view.profiled} of the ${view.scored} counted organisations ${noun(view.profiled, 'has', 'have')} a score in every dimension${view.profiled < view.scored ? '; the others are left out rather than guessed at' : ''}`,
  }
}

export type ClustersPageView = ReturnType<typeof clustersPageView>
