import { plural } from '../../domain/format/plurals'
import type { InvestmentPoint } from '../../domain/insights/investment'
import { quarterOf } from '../../domain/insights/investment'
import type { Distribution } from '../../domain/statistics'
import { paths } from '../../paths'
import type { InvestmentView } from '../../services/insights/investment.service'
import { rowHeader, type RowWithCells, type Table, type TableCell } from '../govuk-params'

/** The investment page, finished: views/insights/investment.ejs only prints it. */
export interface InvestmentPage {
  caption: string
  /** Why there is nothing to show, when there is not. */
  unavailable: string | null
  summary: string | null
  /** For the central roles: every authority's point, the chart's source, and London's quartiles. */
  london: { points: Table<RowWithCells>; attributes: Record<string, string>; quartiles: Table } | null
  /** For a respondent: its own figures against London's quartiles. */
  own: { name: string; table: Table; withheld: string | null } | null
  apiHref: string | null
}

const percent = (v: number | null) => (v === null ? 'Not answered' : `${(v * 100).toFixed(2)}%`)
const pounds = (v: number | null) => (v === null ? 'Not answered' : `£${v.toFixed(2)}`)
const scoreText = (v: number | null) => (v === null ? 'No score' : v.toFixed(2))
const QUARTERS = ['', 'Lowest quarter', 'Second quarter', 'Third quarter', 'Highest quarter']

const numeric = (text: string, value: number | null): TableCell => ({
  text,
  format: 'numeric',
  attributes: { 'data-value': value === null ? '' : String(value) },
})

function quartileRows(view: InvestmentView): TableCell[][] {
  const s = view.spread
  const row = (name: string, d: Distribution | null | undefined, words: (v: number | null) => string) => [
    rowHeader({ text: name }),
    ...[d?.lowerQuartile, d?.median, d?.upperQuartile].map(v => ({
      text: words(v ?? null),
      format: 'numeric' as const,
    })),
  ]
  return [
    row('Change spend, share of revenue budget', s?.changeSpendShare, percent),
    row('Change spend per resident', s?.changeSpendPerResident, pounds),
    row('Overall score', s?.overall, scoreText),
  ]
}

function summaryOf(view: InvestmentView): string | null {
  const share = view.spread?.changeSpendShare
  const perResident = view.spread?.changeSpendPerResident
  if (!share || !perResident) return null
  return `Across ${plural(share.count, 'authority', 'authorities')} that gave their figures, the median spend on digital change is ${percent(share.median)} of the revenue budget (${pounds(perResident.median)} per resident); the middle half spend from ${percent(share.lowerQuartile)} to ${percent(share.upperQuartile)}.`
}

function pointRow(p: InvestmentPoint, view: InvestmentView): RowWithCells {
  const quarter = quarterOf(p.changeSpendShare, view.spread?.changeSpendShare ?? null)
  return {
    attributes: { 'data-chart-row': true },
    cells: [
      rowHeader({ text: p.name }),
      numeric(percent(p.changeSpendShare), p.changeSpendShare === null ? null : p.changeSpendShare * 100),
      numeric(pounds(p.changeSpendPerResident), p.changeSpendPerResident),
      numeric(scoreText(p.overall), p.overall),
      { text: quarter ? (QUARTERS[quarter] ?? '') : '–' },
    ],
  }
}

function ownTable(own: InvestmentPoint, view: InvestmentView): Table {
  const s = view.spread
  const line = (
    name: string,
    value: number | null,
    d: Distribution | null | undefined,
    words: (v: number | null) => string,
  ): TableCell[] => {
    const quarter = quarterOf(value, d ?? null)
    return [
      rowHeader({ text: name }),
      { text: words(value), format: 'numeric' },
      ...[d?.lowerQuartile, d?.median, d?.upperQuartile].map(v => ({
        text: d ? words(v ?? null) : 'Not shown',
        format: 'numeric' as const,
      })),
      { text: quarter ? (QUARTERS[quarter] ?? '') : '–' },
    ]
  }
  return {
    head: [
      'Measure',
      'Your council',
      'London lower quartile',
      'London median',
      'London upper quartile',
      'Where you are',
    ].map((text, i) => ({ text, ...(i > 0 && i < 5 ? { format: 'numeric' as const } : {}) })),
    rows: [
      line('Change spend, share of revenue budget', own.changeSpendShare, s?.changeSpendShare, percent),
      line('Change spend per resident', own.changeSpendPerResident, s?.changeSpendPerResident, pounds),
      line('Overall score', own.overall, s?.overall, scoreText),
    ],
  }
}

export function investmentPage(view: InvestmentView, centralRole: boolean): InvestmentPage {
  const unavailable = view.asked
    ? null
    : `${view.round.name} uses a questionnaire that does not ask for spend on digital, so there is nothing to show.`
  const quartileHead = ['Measure', 'Lower quartile', 'Median', 'Upper quartile'].map((text, i) => ({
    text,
    ...(i > 0 ? { format: 'numeric' as const } : {}),
  }))
  const median = view.spread?.changeSpendShare?.median
  return {
    caption: view.round.name,
    unavailable,
    summary: unavailable ? null : summaryOf(view),
    london:
      centralRole && !unavailable
        ? {
            points: {
              head: [
                { text: 'Authority' },
                {
                  text: 'Change spend, share of revenue budget',
                  format: 'numeric',
                  attributes: { 'data-series': 'x' },
                },
                { text: 'Change spend per resident', format: 'numeric' },
                { text: 'Overall score', format: 'numeric', attributes: { 'data-series': 'y' } },
                { text: 'Quarter of London by share' },
              ],
              rows: view.points.map(p => pointRow(p, view)),
            },
            attributes: {
              id: 'investment-points',
              'data-chart': 'scatter',
              'data-chart-x-label': 'Change spend, % of revenue budget',
              'data-chart-y-label': 'Overall score',
              ...(median === undefined ? {} : { 'data-chart-x-median': String(median * 100) }),
              ...(view.spread?.overall ? { 'data-chart-y-median': String(view.spread.overall.median) } : {}),
            },
            quartiles: { head: quartileHead, rows: quartileRows(view) },
          }
        : null,
    own:
      !centralRole && view.own && !unavailable
        ? {
            name: view.own.name,
            table: ownTable(view.own, view),
            withheld: view.spread
              ? null
              : `London’s quartiles are shown once at least ${view.london.minimum} authorities have handed in their figures; ${view.london.count} have so far.`,
          }
        : null,
    apiHref: centralRole ? paths.api.investment(view.round.id) : null,
  }
}
