import type { ClusterBrief } from '../../services/insights/cluster-brief.service'
import { paths } from '../../paths'
import { joinHtml, link, text } from '../html'
import { formatScore } from '../scores'
import { clusterLinks } from './cluster-links'
import { listed, weakestDimensions } from './clusters.presenter'
import { peerGroupName } from './peer-groups.presenter'
import type { Table, TableCell, TableRow } from '../govuk-params'
import { element } from '../html'
import { plural } from '../../domain/format/plurals'

const KIND_LABELS = { shared: 'Shared weakness', geographic: 'Geographic cluster', peer: 'Peer group' } as const

const formatLevel = (value: number): string => (Number.isInteger(value) ? String(value) : value.toFixed(1))

/** The brief's view model: every figure already in words, so the printed page reads on its own. */
export function clusterBriefView(brief: ClusterBrief) {
  const { clusters, focus, selector } = brief
  const { round, query, definition } = clusters.heatmap
  const links = clusterLinks(round.id, query, definition.weakThreshold)
  const levelName = new Map(definition.scale.levels.map(l => [l.value as number, l.name]))
  const named = (level: number) => `level ${level} (${levelName.get(level) ?? ''})`
  // A maturity question's score is its level, which means more to a reader as a name than as 2.00.
  const levelsAtFocus = focus.level === 'question' && brief.steps.length > 0
  const scoreText = (score: number | null) =>
    score === null ? 'No score' : levelsAtFocus ? `Level ${score} (${levelName.get(score) ?? ''})` : formatScore(score)
  const count = brief.members.length
  // A question's prompt is a sentence: as a heading it would read badly, so the heading names its theme.
  const focusName =
    focus.level === 'question' ? `one question in ${clusters.heatmap.scope.parent?.title ?? 'a theme'}` : focus.title
  const weakest = brief.peer && weakestDimensions(brief.peer.meanProfile, definition.dimensions)
  const weakestTitles = definition.dimensions.filter(d => weakest?.marked.has(d.key)).map(d => d.title)

  return {
    kind:
      selector.kind === 'peer'
        ? peerGroupName(clusters, definition.dimensions, selector.group)
        : KIND_LABELS[selector.kind],
    heading:
      selector.kind === 'peer'
        ? `${plural(count, 'organisation')} with like profiles${weakest?.marked.size ? `, weakest in ${listed(weakestTitles)}` : ''}`
        : `${count} ${selector.kind === 'geographic' ? 'neighbouring ' : ''}organisations weak together on ${focusName}`,
    /** Said when a tie means the brief's dimension was picked as the first of several. */
    focusNote:
      weakest && weakestTitles.length !== 1
        ? `${weakestTitles.length === 0 ? weakest.text : `${listed(weakestTitles)} are tied`}. The next level up is shown for ${focus.title}, the first of them.`
        : undefined,
    focusNoun: focus.level,
    focusTitle: focus.title,
    threshold: query.threshold,
    basis:
      query.basis === 'final'
        ? 'final scores: an assessor’s moderated level where there is one, the organisation’s own elsewhere'
        : 'self-assessed scores, before moderation',
    partnershipFilter: clusters.heatmap.partnership?.name,
    scoreHeading: levelsAtFocus ? 'Level' : focus.level === 'question' ? 'Score' : `Score on ${focus.title}`,
    members: brief.members.map(m => ({
      name: m.organisation.name,
      gss: m.organisation.gss,
      href: paths.organisation(m.organisation.slug),
      score: scoreText(m.score),
      profile: m.profile.map(formatScore),
    })),
    count,
    buyers: brief.buyers,
    mean: formatScore(brief.meanScore),
    partnerships: brief.partnerships.map(p => ({ name: p.name, members: listed(p.members.map(m => m.name)) })),
    steps: brief.steps.map(s => ({
      prompt: s.question.prompt,
      themeTitle: s.themeTitle,
      median: s.median === null ? 'None of them has a level' : formatLevel(s.median),
      spread: [
        ...s.tally.map(t => `${t.count} at ${named(t.level)}`),
        ...(s.without > 0 ? [`${s.without} without a level`] : []),
      ].join(', '),
      next: s.next && {
        heading: `Level ${s.next.level} (${levelName.get(s.next.level) ?? ''})`,
        text: s.next.descriptor,
      },
      atTop: s.median !== null && s.next === null,
    })),
    /** A scored choice question has options, not levels: there is no descriptor to point to. */
    noDescriptors: brief.steps.length === 0,
    dimensions: definition.dimensions.map(d => d.title),
    peerMeans: brief.peer && definition.dimensions.map(d => formatScore(brief.peer?.meanProfile[d.key])),
    clustersHref: links.clusters(),
    heatmapHref: selector.kind === 'peer' ? links.heatmapOfProfiles() : links.heatmapOf(focus.key),
  }
}

type BriefView = ReturnType<typeof clusterBriefView>

/**
 * The members table as the GOV.UK table partial takes it, each member named by a link to its page: a
 * peer group shows whole profiles and the group mean.
 */
function membersTable(view: BriefView): Table<TableRow> & { caption: string } {
  const rowHeader = (cell: TableCell): TableCell => ({ ...cell, header: true, classes: 'app-table__row-header' })
  const member = (m: BriefView['members'][number]) => rowHeader({ html: link(m.href, m.name) })
  const numeric = (text: string): TableCell => ({ text, format: 'numeric' })
  if (view.peerMeans) {
    const rows: TableRow[] = view.members.map(m => [member(m), { text: m.gss }, ...m.profile.map(numeric)])
    rows.push({
      classes: 'app-score-total',
      cells: [{ ...rowHeader({ text: 'Group mean' }), colspan: 2 }, ...view.peerMeans.map(numeric)],
    })
    return {
      caption: 'Members and their scores by dimension',
      head: [{ text: 'Organisation' }, { text: 'GSS code' }, ...view.dimensions.map(numeric)],
      rows,
    }
  }
  return {
    caption: 'Members, weakest first',
    head: [{ text: 'Organisation' }, { text: 'GSS code' }, numeric(view.scoreHeading)],
    rows: view.members.map((m): TableRow => [member(m), { text: m.gss }, numeric(m.score)]),
  }
}

/** The next level up, question by question: the question with its theme, the group's median, the next level. */
function stepsTable(view: BriefView): Table<TableRow> {
  return {
    head: [
      { text: 'Question', classes: 'app-brief__question' },
      { text: 'Median level', classes: 'app-brief__median' },
      { text: 'Next level' },
    ],
    rows: view.steps.map((s): TableCell[] => [
      {
        html: joinHtml([
          text(s.prompt),
          element('span', text(s.themeTitle), 'govuk-body-s app-secondary-text app-brief__theme'),
        ]),
        header: true,
        classes: 'app-table__row-header',
      },
      {
        html: joinHtml([
          element('strong', text(s.median)),
          ...(s.spread ? [element('span', text(s.spread), 'govuk-body-s app-brief__spread')] : []),
        ]),
      },
      s.next
        ? { html: joinHtml([element('strong', text(`${s.next.heading}:`)), text(s.next.text)], text(' ')) }
        : { text: s.atTop ? 'The group is at the top level already.' : 'None of them has a level for this question.' },
    ]),
  }
}

/** The brief page: the view model with every sentence, table and link text finished for the template. */
export function briefPageView(brief: ClusterBrief) {
  const view = clusterBriefView(brief)
  return {
    ...view,
    caption: `${brief.clusters.heatmap.round.name}: ${view.kind.toLowerCase()}`,
    membersTable: membersTable(view),
    stepsTable: stepsTable(view),
    buyersText: plural(view.buyers, 'separate buyer'),
    hasPartnerships: view.partnerships.length > 0,
    focusSuffix: view.peerMeans && !view.focusNote ? ', the group’s weakest dimension' : '',
    stepsIntro:
      view.steps.length === 1 && view.focusNoun === 'question'
        ? 'Where the group stands on this question, and what the level above its median looks like.'
        : `For each maturity question under ${view.focusTitle}: where the group stands (its median level) and what the level above the median looks like.`,
    heatmapText: `See ${view.peerMeans ? 'all dimensions' : view.focusTitle} on the heatmap`,
  }
}

export type ClusterBriefView = ReturnType<typeof briefPageView>
