import type { Round } from '../../domain/assessment/round'
import type { Organisation } from '../../domain/organisation'
import type { Change, LeftOut, Presence, TrendRow } from '../../domain/insights/trend'
import type { RoundTrend } from '../../services/insights/trend.service'
import type { FormErrors } from '../form-errors'
import { paths } from '../../paths'
import { joinHtml, link, text, withHiddenText, type Html } from '../html'
import type { Table, TableCell, TableRow } from '../govuk-params'
import { element } from '../html'
import { trendMovements } from '../../domain/insights/trend-movement'
import { slopeChart } from './trend-chart.presenter'
import { trendSummary } from './trend-summary'
import { plural } from '../../domain/format/plurals'
import { longDate } from '../../domain/format/dates'

/**
 * Change is shaded on the heatmap's PuOr scale (public/scss/_insights.scss): purples for a rise, oranges
 * for a fall, darker the bigger it is, white for none. The edges are in levels of the 1 to 5 scale.
 */
const STEP_EDGES = [0.25, 0.5, 1, 2] as const

export interface ChangeCell {
  /** The change with its sign, to two decimals; or why there is none. */
  text: string
  /** ▲ or ▼, shown but not read out: `words` says the same to a screen reader. */
  arrow: string
  /** Said in place of the arrow, so direction never rests on colour or a symbol alone. */
  words: string
  /** Both scores, so every change can be traced back. */
  detail: string
  className: string
}

export interface TrendRowView {
  gss: string
  name: string
  /** The organisation's own page. */
  href: string | undefined
  /** null when the organisation did not hand in both assessments; `reason` then says which. */
  cells: ChangeCell[] | null
  /** Whether the organisation handed in both assessments, so its row has cells. */
  comparable: boolean
  reason: string
}

const two = (n: number) => n.toFixed(2)

/** Rounded first, so a change shown as +0.00 is shaded and described as no change. */
function shade(change: number): { className: string; arrow: ChangeCell['arrow']; words: string } {
  if (change === 0) return { className: 'app-heat--none', arrow: '', words: 'no change' }
  const step = 1 + STEP_EDGES.filter(edge => Math.abs(change) > edge).length
  return change > 0
    ? { className: `app-heat--above-${step}`, arrow: '▲', words: 'up' }
    : { className: `app-heat--below-${step}`, arrow: '▼', words: 'down' }
}

function changeCell(c: Change, names: { previous: string; current: string }): ChangeCell {
  if (c.previous === null || c.current === null || c.change === null) {
    const missing = c.previous === null ? names.previous : names.current
    return {
      text: 'Not comparable',
      arrow: '',
      words: '',
      detail: `No score in ${missing}`,
      className: 'app-heat--none',
    }
  }
  const rounded = Math.round(c.change * 100) / 100
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '±'
  return {
    text: `${sign}${two(Math.abs(rounded))}`,
    ...shade(rounded),
    detail: `${two(c.previous)} to ${two(c.current)}`,
  }
}

const PRESENCE: Record<Exclude<Presence, 'scored'>, string> = {
  absent: 'Not taking part in',
  not_scored: 'Not submitted in',
}

function reasonFor(row: TrendRow, against: Round, round: Round): string {
  const sides: [Presence, string][] = [
    [row.previousRound, against.name],
    [row.currentRound, round.name],
  ]
  return sides
    .flatMap(([presence, name]) => (presence === 'scored' ? [] : [`${PRESENCE[presence]} ${name}`]))
    .join('; ')
}

/** The legend: each shade with the changes it covers, as they are shown (to two decimals), falls first. */
export function changeLegend(): { className: string; arrow: string; text: string }[] {
  const edges = [0, ...STEP_EDGES]
  const range = (i: number) => {
    const from = (edges[i] ?? 0) + 0.01
    const to = edges[i + 1]
    return to === undefined ? `more than ${two(from - 0.01)}` : `${two(from)} to ${two(to)}`
  }
  const falls = edges.map((_, i) => ({ className: `app-heat--below-${i + 1}`, arrow: '▼', text: `Down ${range(i)}` }))
  const rises = edges.map((_, i) => ({ className: `app-heat--above-${i + 1}`, arrow: '▲', text: `Up ${range(i)}` }))
  return [...falls.reverse(), { className: 'app-heat--none', arrow: '', text: 'No change' }, ...rises]
}

const quoted = (prompt: string) => `“${prompt}”`

/** The questions left out of the comparison, each list already in words; `count` 0 when none is. */
export function leftOutView(leftOut: LeftOut) {
  const count = leftOut.split.length + leftOut.notComparable.length + leftOut.added.length + leftOut.removed.length
  return {
    count,
    none: count === 0,
    summaryText: `Questions left out of the comparison (${count})`,
    split: leftOut.split.map(
      s =>
        `${quoted(s.from.prompt)} became ${s.to.map(q => quoted(q.prompt)).join(' and ')}: each half asks something narrower, so neither is compared.`,
    ),
    notComparable: leftOut.notComparable.map(
      n => `${quoted(n.question.prompt)} keeps its key but asks something else now: ${n.reason}`,
    ),
    added: leftOut.added.map(q => quoted(q.prompt)),
    removed: leftOut.removed.map(q => quoted(q.prompt)),
    hasSplit: leftOut.split.length > 0,
    hasNotComparable: leftOut.notComparable.length > 0,
    hasAdded: leftOut.added.length > 0,
    hasRemoved: leftOut.removed.length > 0,
  }
}

/** The round picker: the rounds that can be compared with, the chosen one selected. */
function pickerView(result: RoundTrend, errors?: FormErrors) {
  const { round, against, candidates } = result
  return {
    hasCandidates: candidates.length > 0,
    noCandidates: `There is no earlier round on this questionnaire, with questions linked to this one, to compare ${round.name} with.`,
    action: paths.trend(round.id),
    label: `Compare ${round.name} with`,
    errorMessage: errors?.fields.against,
    items: candidates.map(r => ({
      value: r.id,
      text: `${r.name} (opened ${longDate(r.opensOn)})`,
      selected: Boolean(against && r.id === against.id),
    })),
  }
}

/** A change, its arrow hidden from screen readers and said in words instead, over the two scores. */
function changeHtml(cell: ChangeCell): Html {
  const arrow = cell.arrow ? [element('span', text(cell.arrow), { 'aria-hidden': 'true' }), text(' ')] : []
  const said = cell.words ? withHiddenText(cell.text, `(${cell.words})`) : text(cell.text)
  return joinHtml(
    [
      element('span', joinHtml([...arrow, said]), 'app-trend__change'),
      element('span', text(cell.detail), 'app-trend__detail'),
    ],
    text(' '),
  )
}

/** The trend as the GOV.UK table partial takes it: each organisation named by a link to its page. */
function trendTable(rows: TrendRowView[], columns: { title: string }[]): Table<TableRow> {
  return {
    head: [
      { text: 'Organisation' },
      ...columns.map((c): TableCell => ({ text: c.title, format: 'numeric', classes: 'app-heatmap__column' })),
    ],
    rows: rows.map(row => ({
      attributes: { 'data-gss': row.gss },
      cells: [
        {
          ...(row.href ? { html: link(row.href, row.name) } : { text: row.name }),
          header: true,
          classes: 'app-table__row-header app-heatmap__organisation',
        },
        ...(row.cells
          ? row.cells.map((c): TableCell => ({
              html: changeHtml(c),
              format: 'numeric',
              classes: `app-heat ${c.className}`,
            }))
          : [{ text: row.reason, classes: 'app-trend__reason', colspan: columns.length }]),
      ],
    })),
  }
}

/**
 * The trend page. `organisations` give each row's link to the organisation's page; a row whose
 * organisation is not among them is named without one.
 */
export function trendView(
  result: RoundTrend,
  organisations: readonly Pick<Organisation, 'gss' | 'slug'>[],
  errors?: FormErrors,
) {
  const { round, against, trend } = result
  const names = { previous: against?.name ?? '', current: round.name }
  const slugs = new Map(organisations.map(o => [o.gss, o.slug]))
  const rows: TrendRowView[] =
    trend && against
      ? trend.rows.map(row => {
          const both = row.previousRound === 'scored' && row.currentRound === 'scored'
          const slug = slugs.get(row.gss)
          return {
            gss: row.gss,
            name: row.name,
            href: slug === undefined ? undefined : paths.organisation(slug),
            comparable: both,
            cells: both ? [...row.dimensions, row.overall].map(c => changeCell(c, names)) : null,
            reason: both ? '' : reasonFor(row, against, round),
          }
        })
      : []
  const overall = trend?.rows.map(r => r.overall.change).filter((c): c is number => c !== null) ?? []
  const compared = overall.length
  const columns = trend ? [...trend.dimensions, { key: 'overall', title: 'Overall' }] : []
  const movements = trend ? trendMovements(trend) : []
  return {
    picker: pickerView(result, errors),
    /** Whether there is a comparison to show. */
    shown: Boolean(trend && against),
    againstName: against?.name ?? '',
    caption: `Change in final scores from ${against?.name ?? ''} to ${round.name}`,
    comparedText: `${plural(compared, 'organisation')} handed in both assessments`,
    leftOut: trend ? leftOutView(trend.leftOut) : null,
    columnCount: columns.length,
    round,
    against,
    candidates: result.candidates,
    trend,
    columns,
    rows,
    table: trendTable(rows, columns),
    /** The same changes drawn, overall first, and what they show in words. */
    chart: slopeChart(movements, names),
    summary: trendSummary(movements, names),
    legend: changeLegend(),
  }
}

export type TrendView = ReturnType<typeof trendView>
