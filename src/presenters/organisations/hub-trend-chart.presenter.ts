import { columnCentres, labelLines, scoreAxis, unit, type ScoreTick } from '../chart-axis'
import { formatScore } from '../scores'
import { seriesSummary, type HubScores, type ScoreSeries } from './hub-trend.presenter'

/**
 * The organisation's scores drawn: a small line chart per series (overall, then each dimension), the
 * rounds left to right, oldest first, a dot at each score with its value printed above it. One line a
 * panel, in black, so nothing rests on colour; a round with no score leaves a gap in the line.
 */
const WIDTH = 300
const HEIGHT = 222
const TOP = 32
const BOTTOM = 172
const PLOT_LEFT = 32
const PLOT_RIGHT = WIDTH - 8
const AXIS = scoreAxis(TOP, BOTTOM)
/** Below this many units a column's value labels would run into their neighbours', so the table carries them. */
const ROOM_FOR_VALUES = 40
/** About how many units a character of a 13-unit label takes. */
const CHARACTER = 7.2

export interface LinePointView {
  round: string
  cx: number
  cy: number
  value: string
  /** Where its value is printed, just above the dot. */
  labelY: number
  title: string
}

export interface LinePanelView {
  key: string
  title: string
  id: string
  captionId: string
  summary: string
  /** The line through the points, broken where a round has no score; empty with fewer than two in a row. */
  path: string
  points: LinePointView[]
}

export interface LineChartView {
  width: number
  height: number
  top: number
  bottom: number
  left: number
  tickX: number
  gridLeft: number
  ticks: ScoreTick[]
  showValues: boolean
  /** Each round's name under its column. */
  rounds: { x: number; y: number; lines: { text: string; dy: number }[] }[]
  panels: LinePanelView[]
}

function panelOf(series: ScoreSeries, rounds: readonly string[], xs: readonly number[]): LinePanelView {
  const id = `scores-${series.key.replace(/[^A-Za-z0-9-]/g, '-')}`
  const points = series.scores.flatMap((score, i): LinePointView[] => {
    const round = rounds[i] ?? ''
    const cx = xs[i] ?? 0
    return score === null
      ? []
      : [
          {
            round,
            cx,
            cy: AXIS.y(score),
            value: formatScore(score),
            labelY: unit(AXIS.y(score) - 11),
            title: `${round}: ${formatScore(score)}`,
          },
        ]
  })
  const path = series.scores
    .map((score, i) => (score === null ? null : `${unit(xs[i] ?? 0)} ${AXIS.y(score)}`))
    .map((at, i, all) => (at === null ? '' : `${i > 0 && all[i - 1] !== null ? 'L' : 'M'}${at}`))
    .join('')
  return {
    key: series.key,
    title: series.title,
    id,
    captionId: `${id}-caption`,
    summary: seriesSummary(series, rounds),
    path: path.includes('L') ? path : '',
    points,
  }
}

export function hubTrendChart(scores: HubScores): LineChartView {
  const xs = columnCentres(PLOT_LEFT, PLOT_RIGHT, scores.rounds.length)
  const band = (PLOT_RIGHT - PLOT_LEFT) / Math.max(scores.rounds.length, 1)
  const perLine = Math.max(6, Math.floor(band / CHARACTER))
  return {
    width: WIDTH,
    height: HEIGHT,
    top: TOP,
    bottom: BOTTOM,
    left: PLOT_LEFT - 4,
    tickX: 16,
    gridLeft: 22,
    ticks: AXIS.ticks,
    showValues: band >= ROOM_FOR_VALUES,
    rounds: scores.rounds.map((name, i) => ({ x: xs[i] ?? 0, y: BOTTOM + 20, lines: labelLines(name, perLine, 14) })),
    panels: scores.series.map(s => panelOf(s, scores.rounds, xs)),
  }
}
