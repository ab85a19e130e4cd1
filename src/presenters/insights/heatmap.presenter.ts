import { STATE_LABELS } from '../../domain/assessment/workflow'
import type { EmptyReason, HeatmapCell, HeatmapLevel } from '../../domain/insights/heatmap'
import { isWeak } from '../../domain/insights/score-table'
import type { Heatmap, HeatmapRow } from '../../services/insights/insights.service'
import { paths } from '../../paths'
import { shadeClass } from './heat-scale'
import { insightQueryString } from './insight-query'

export interface CellView {
  /** What the cell shows, and what the CSV holds. */
  text: string
  /** Said instead of `text` by a screen reader, where the visible words are an abbreviation. */
  spoken?: string
  weak: boolean
  className: string
  /** Every class on the cell: its shade, and the weak frame where it is weak. */
  classes: string
}

/** A cell with its classes worked out, so the partial only prints them. */
export const heatCell = (cell: Omit<CellView, 'classes'>): CellView => ({
  ...cell,
  classes: `${cell.className}${cell.weak ? ' app-heat--weak' : ''}`,
})

export interface ColumnView {
  key: string
  /** The column header: a dimension's or theme's title, or a question's short name. */
  label: string
  /** A question's full prompt, shown on hovering over or focusing its header, which it describes. */
  prompt?: string
  /** The id of the prompt in the header. */
  promptId?: string
  /** Where the header drills down to, if anywhere. */
  href?: string
}

export interface RowView {
  name: string
  gss: string
  /** The organisation's own page. */
  href: string
  /** Whether the assessment was handed in, so its row has scores. */
  scored: boolean
  /** The assessment's state in full words, as the CSV gives it. */
  status: string
  /** Its state in a word or two, as the table gives it where it is not the usual one. */
  state: string
  /** The score of what the columns divide: the overall, or the dimension's or theme's. */
  overall: CellView
  cells: CellView[]
}

const REASONS: Record<EmptyReason, { text: string; spoken?: string }> = {
  not_submitted: { text: 'Not submitted' },
  not_applicable: { text: 'N/A', spoken: 'Not applicable' },
  not_answered: { text: 'Not answered' },
}

/** A question scores a level, so it shows as one; dimensions and themes are means, to two decimals. */
const scoreText = (score: number, level: HeatmapLevel | 'overall') =>
  level === 'question' && Number.isInteger(score) ? String(score) : score.toFixed(2)

export function cellView(cell: HeatmapCell, level: HeatmapLevel | 'overall', threshold: number): CellView {
  if (cell.score === null) {
    const reason = REASONS[cell.reason ?? 'not_answered']
    return heatCell({ ...reason, weak: false, className: shadeClass(null, threshold) })
  }
  return heatCell({
    text: scoreText(cell.score, level),
    weak: isWeak(cell.score, threshold),
    className: shadeClass(cell.score, threshold),
  })
}

function overallView(row: HeatmapRow, threshold: number): CellView {
  if (!row.scored) return cellView({ score: null, reason: 'not_submitted' }, 'overall', threshold)
  if (row.parentScore === null) {
    return heatCell({ text: 'No score', weak: false, className: shadeClass(null, threshold) })
  }
  return cellView({ score: row.parentScore }, 'overall', threshold)
}

/** The heading of the score beside the names: the overall, or the dimension or theme the columns divide. */
export const overallTitle = (heatmap: Pick<Heatmap, 'scope'>): string =>
  heatmap.scope.parent ? `${heatmap.scope.parent.title} overall` : 'Overall'

/** The assessment's state in words, saying whether its scores are moderated or not counted at all. */
export function statusText(row: HeatmapRow): string {
  if (!row.scored) return `Not submitted (${STATE_LABELS[row.state].toLowerCase()})`
  if (row.moderated) return 'Moderated'
  return row.state === 'in_moderation' ? 'In moderation' : 'Submitted, not yet moderated'
}

/** "leadership.strategy.digital-strategy" → "Digital strategy": a short name a narrow header can hold. */
export const shortName = (key: string): string => {
  const last = (key.split('.').pop() ?? key).replace(/-/g, ' ')
  return last.charAt(0).toUpperCase() + last.slice(1)
}

export function rowViews(heatmap: Heatmap): RowView[] {
  const { query, scope } = heatmap
  return heatmap.rows.map(row => ({
    name: row.organisation.name,
    gss: row.organisation.gss,
    href: paths.organisation(row.organisation.slug),
    scored: row.scored,
    status: statusText(row),
    state: STATE_LABELS[row.state],
    overall: overallView(row, query.threshold),
    cells: row.cells.map(cell => cellView(cell, scope.level, query.threshold)),
  }))
}

/** The query string of this view with some controls changed. */
export const viewQuery = (heatmap: Heatmap, changes: Parameters<typeof insightQueryString>[2] = {}): string =>
  insightQueryString(heatmap.query, { threshold: heatmap.definition.weakThreshold }, changes)

export function columnViews(heatmap: Heatmap): ColumnView[] {
  const { round, scope } = heatmap
  const drill = (level: HeatmapLevel, parent: string) => paths.heatmap(round.id, viewQuery(heatmap, { level, parent }))
  return scope.columns.map(column => {
    if (scope.level === 'dimension') return { key: column.key, label: column.title, href: drill('theme', column.key) }
    if (scope.level === 'theme') return { key: column.key, label: column.title, href: drill('question', column.key) }
    return {
      key: column.key,
      label: shortName(column.key),
      prompt: column.title,
      promptId: `prompt-${column.key.replace(/[^a-z0-9-]/gi, '_')}`,
    }
  })
}

/** The way back up from a drilled-down view; the last crumb is where the analyst is. */
export function breadcrumbs(heatmap: Heatmap): { text: string; href?: string }[] {
  const { round, scope } = heatmap
  const to = (level: HeatmapLevel, parent?: string) => paths.heatmap(round.id, viewQuery(heatmap, { level, parent }))
  if (scope.level === 'dimension') return [{ text: 'All dimensions' }]
  const top = { text: 'All dimensions', href: to('dimension') }
  if (scope.level === 'theme') return [top, { text: scope.parent?.title ?? '' }]
  const dimension = scope.grandparent
  return [
    top,
    { text: dimension?.title ?? '', href: dimension ? to('theme', dimension.key) : undefined },
    { text: scope.parent?.title ?? '' },
  ]
}

/** Exactly the table the page shows, as header and rows of text, for the CSV download. */
export function heatmapTable(heatmap: Heatmap): { headers: string[]; rows: string[][] } {
  const columns = columnViews(heatmap)
  return {
    headers: [
      'Organisation',
      'Status',
      overallTitle(heatmap),
      ...columns.map(c => (c.prompt ? `${c.label}: ${c.prompt}` : c.label)),
    ],
    rows: rowViews(heatmap).map(r => [r.name, r.status, r.overall.text, ...r.cells.map(c => c.text)]),
  }
}
