import type { Difference } from '../../domain/insights'
import { rowHeader, type Table } from '../govuk-params'
import { formatScore } from '../scores'

/** SVG units: each dimension a label line over a bar, on a scale from 0 to 5. */
const WIDTH = 320
const BAR_MAX = 240
const ROW = 44
const TOP = 4
const AXIS = 20
const SCALE_MAX = 5

export interface ProfileBar {
  key: string
  title: string
  /** The group's mean, as the bar's text and the table print it. */
  value: string
  london: string
  labelY: number
  barY: number
  barWidth: number
  valueX: number
  valueY: number
  londonX: number
}

export interface ProfileChartView {
  id: string
  captionId: string
  /** What the chart shows, in a sentence, and where the group stands furthest from London. */
  summary: string
  svg: { width: number; height: number; barHeight: number; londonTop: number; londonBottom: number }
  bars: ProfileBar[]
  ticks: { x: number; label: string }[]
  axisY: number
  /** The same numbers: each dimension, the group's mean, London's, and the difference. */
  table: Table
}

const x = (score: number) => (Math.max(0, Math.min(score, SCALE_MAX)) / SCALE_MAX) * BAR_MAX

const signed = (d: number): string => (Math.abs(d) < 0.005 ? '0.00' : `${d > 0 ? '+' : '−'}${Math.abs(d).toFixed(2)}`)

function furthest(diffs: readonly Difference[]): string {
  const below = diffs.reduce<Difference | undefined>((m, d) => (!m || d.difference < m.difference ? d : m), undefined)
  const above = diffs.reduce<Difference | undefined>((m, d) => (!m || d.difference > m.difference ? d : m), undefined)
  if (!below || !above) return ''
  const parts = [
    ...(above.difference > 0 ? [`furthest above on ${above.title} (${signed(above.difference)})`] : []),
    ...(below.difference < 0 ? [`furthest below on ${below.title} (${signed(below.difference)})`] : []),
  ]
  return parts.length === 0
    ? ' It matches London’s mean everywhere.'
    : ` Against London’s mean it is ${parts.join(' and ')}.`
}

/** A peer group's mean profile as a bar per dimension, with London's mean marked by a line on each bar. */
export function profileChartView(id: string, diffs: readonly Difference[]): ProfileChartView {
  const bars = diffs.map((d, i): ProfileBar => {
    const top = TOP + i * ROW
    return {
      key: d.key,
      title: d.title,
      value: formatScore(d.score),
      london: formatScore(d.london),
      labelY: top + 14,
      barY: top + 20,
      barWidth: x(d.score),
      valueX: Math.max(x(d.score), x(d.london)) + 6,
      valueY: top + 34,
      londonX: x(d.london),
    }
  })
  const axisY = TOP + diffs.length * ROW + 4
  return {
    id,
    captionId: `${id}-caption`,
    summary: `The group’s mean score on each dimension (bars, out of 5), with London’s mean marked by a black line.${furthest(diffs)}`,
    svg: { width: WIDTH, height: axisY + AXIS, barHeight: 18, londonTop: -4, londonBottom: 22 },
    bars,
    ticks: [0, 1, 2, 3, 4, 5].map(v => ({ x: x(v), label: String(v) })),
    axisY,
    table: {
      head: [
        { text: 'Dimension' },
        { text: 'This group', format: 'numeric' },
        { text: 'London', format: 'numeric' },
        { text: 'Difference', format: 'numeric' },
      ],
      rows: diffs.map(d => [
        rowHeader({ text: d.title }),
        { text: formatScore(d.score), format: 'numeric' },
        { text: formatScore(d.london), format: 'numeric' },
        { text: signed(d.difference), format: 'numeric' },
      ]),
    },
  }
}
