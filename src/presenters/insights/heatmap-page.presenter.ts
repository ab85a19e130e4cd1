import type { Round } from '../../domain/assessment/round'
import type { Heatmap } from '../../services/insights/insights.service'
import type { FormErrors } from '../form-errors'
import { paths } from '../../paths'
import { legendBands, type Band } from './heat-scale'
import { breadcrumbs, columnViews, overallTitle, rowViews, viewQuery } from './heatmap.presenter'
import { heatmapTableView, stateSummary } from './heatmap-table.presenter'
import { treeView } from './similarity-tree.presenter'

const LEVEL_WORDS = { dimension: 'dimension', theme: 'theme', question: 'question' } as const
const orderWords = (order: Heatmap['query']['order'], overall: string): string =>
  ({
    name: 'by name',
    overall: `by ${overall === 'Overall' ? 'overall score' : overall}, weakest first`,
    similarity: 'by similarity, so organisations with like profiles sit together',
  })[order]

const typed = (raw: Record<string, unknown>, name: string): string => {
  const value = raw[name]
  return typeof value === 'string' ? value : ''
}

export interface ItemView {
  value: string | number
  text: string
  selected?: boolean
}

export interface RadioGroupView {
  name: string
  legend: string
  value: string
  errorMessage?: string
  items: ItemView[]
}

export interface HeatLegendView {
  /** The threshold to two decimals, as the legend's headings say it. */
  threshold: string
  hasBelow: boolean
  below: Band[]
  above: Band[]
}

/** The colour legend at a threshold: the weak shades, then the rest. */
export const heatLegend = (threshold: number): HeatLegendView => {
  const bands = legendBands(threshold)
  const below = bands.filter(b => b.side === 'below')
  return {
    threshold: threshold.toFixed(2),
    hasBelow: below.length > 0,
    below,
    above: bands.filter(b => b.side === 'above'),
  }
}

const radios = (name: string, legend: string, value: string, errors: FormErrors, options: [string, string][]) => ({
  name,
  legend,
  value,
  errorMessage: errors.fields[name],
  items: options.map(([v, text]) => ({ value: v, text })),
})

/** The controls' choices, items and messages, so the form only prints them. */
function controlsView(heatmap: Heatmap, rounds: Pick<Round, 'id' | 'name'>[], errors: FormErrors) {
  const { query } = heatmap
  const overall = overallTitle(heatmap)
  const partnershipId = heatmap.partnership?.id
  return {
    roundItems: rounds.map((r): ItemView => ({ value: r.id, text: r.name })),
    partnershipItems: [
      { value: '', text: 'All organisations' },
      ...heatmap.partnerships.map((p): ItemView => ({ value: p.id, text: p.name, selected: p.id === partnershipId })),
    ],
    thresholdHint: `From 1 to 5 (questionnaire: ${heatmap.definition.weakThreshold})`,
    errorMessages: { partnership: errors.fields.partnership, threshold: errors.fields.threshold },
    radioGroups: [
      radios('basis', 'Scores', query.basis, errors, [
        ['final', 'Final (moderated)'],
        ['self', 'Self-assessed'],
      ]),
      radios('order', 'Row order', query.order, errors, [
        ['name', 'Name'],
        ['overall', overall === 'Overall' ? 'Overall score' : overall],
        ['similarity', 'Similarity'],
      ]),
    ] satisfies RadioGroupView[],
  }
}

/** Everything the heatmap page shows, worked out once so the template only lays it out. */
export function heatmapPageView(
  heatmap: Heatmap,
  rounds: Pick<Round, 'id' | 'name'>[],
  raw: Record<string, unknown>,
  errors: FormErrors,
) {
  const { round, query, scope } = heatmap
  const qs = viewQuery(heatmap)
  const scored = heatmap.rows.filter(r => r.scored).length
  const where = scope.parent ? ` in ${scope.parent.title}` : ''
  const who = heatmap.partnership ? `${heatmap.partnership.name} members` : 'organisations'
  const levelWord = LEVEL_WORDS[scope.level]
  const columns = columnViews(heatmap)
  const rows = rowViews(heatmap)
  const overall = overallTitle(heatmap)
  const tree =
    heatmap.tree &&
    treeView(
      heatmap.tree,
      rows.map(r => r.name),
    )
  return {
    round,
    rounds,
    partnerships: heatmap.partnerships,
    form: {
      basis: query.basis,
      // A rejected threshold is shown back as typed, so the analyst can see and correct it.
      threshold: errors.fields.threshold ? typed(raw, 'threshold') : String(query.threshold),
      order: query.order,
      partnershipId: heatmap.partnership?.id,
      level: scope.level,
      parent: scope.parent?.key,
      /** A drilled-down view keeps its level and parent when the form is sent. */
      drilled: scope.level !== 'dimension',
    },
    controls: controlsView(heatmap, rounds, errors),
    legend: heatLegend(query.threshold),
    defaultThreshold: heatmap.definition.weakThreshold,
    levelWord,
    /** The table's classes beside the partial's own govuk-table. */
    tableClasses: `app-heatmap app-heatmap--${levelWord}`,
    /** How to drill down, where there is a level below. */
    drillHint:
      levelWord === 'question'
        ? undefined
        : `Select a ${levelWord}’s name at the top of its column to see its ${levelWord === 'dimension' ? 'themes' : 'questions'}.`,
    hasRows: heatmap.rows.length > 0,
    noRows: `No organisations take part in ${round.name}${heatmap.partnership ? ' from this partnership' : ''}.`,
    heading: scope.parent ? scope.parent.title : 'All dimensions',
    // Short, so it stays in view above a table that scrolls sideways; the counts and order go beside it.
    caption: `${query.basis === 'final' ? 'Final' : 'Self-assessed'} scores by ${LEVEL_WORDS[scope.level]}${where}`,
    summary: `${heatmap.rows.length} ${who}, ${scored} scored, ordered ${orderWords(query.order, overall)}.`,
    states: stateSummary(rows),
    /** What the first score column is, where it is not the overall. */
    overallNote:
      overall === 'Overall'
        ? undefined
        : `“${overall}” is each organisation’s score for ${scope.parent?.title ?? ''} as a whole.`,
    treeSummary: tree?.summary,
    breadcrumbs: breadcrumbs(heatmap),
    columns,
    table: heatmapTableView(columns, rows, { overallTitle: overall, tree }),
    links: {
      csv: paths.heatmapCsv(round.id, qs),
      clusters: paths.clusters(round.id, qs),
      map: paths.londonMap(round.id, qs),
      trend: paths.trend(round.id, qs),
      capabilityGaps: paths.capabilityGaps(round.id),
      investment: paths.investment(round.id),
      /** Every answer of the round, for the central roles that see this page (the exports' own rule). */
      exportCsv: paths.roundExportCsv(round.id),
      exportXlsx: paths.roundExportXlsx(round.id),
    },
  }
}

export type HeatmapPageView = ReturnType<typeof heatmapPageView>
