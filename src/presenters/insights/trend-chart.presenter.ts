import type { Direction, Movement } from '../../domain/insights/trend-movement'
import { labelLines, scoreAxis, unit, type ScoreTick } from '../chart-axis'
import { changeInWords, formatScore } from '../scores'
import { movementSummary } from './trend-summary'

/**
 * The trend drawn: a slope panel per column (overall, then each dimension), the earlier round on the
 * left and the later on the right, a line per organisation that handed in both. Which way a line went is
 * told three ways: its colour, its stroke (solid up, dashed down, dotted level) and the marker at its end
 * (▲, ▼ or ●). London's median is the thick black line, its two values printed at its ends.
 */
const WIDTH = 212
const HEIGHT = 242
const LEFT = 70
const RIGHT = 166
const TOP = 54
const BOTTOM = 228
const AXIS = scoreAxis(TOP, BOTTOM)
const MARKER = 4.5

export interface SlopeLineView {
  gss: string
  x1: number
  y1: number
  x2: number
  y2: number
  direction: Direction
  /** The line's end marker: a triangle up or down, or a dot, as a path. */
  marker: string
  /** Its two scores and the change, as the table gives them: the tooltip. */
  title: string
}

export interface SlopePanelView {
  key: string
  title: string
  id: string
  captionId: string
  /** What the panel shows, in a sentence: its accessible description beside the title. */
  summary: string
  lines: SlopeLineView[]
  /** How many organisations share a line, printed on it, where more than one does. */
  shared: { x: number; y: number; count: string }[]
  median: { y1: number; y2: number; previous: string; current: string; title: string } | null
}

export interface SlopeChartView {
  width: number
  height: number
  /** The two rounds' upright axes, and the score axis's ends. */
  left: number
  right: number
  top: number
  bottom: number
  /** Where the score labels end, and where the grid lines start just after them. */
  tickX: number
  gridLeft: number
  /** Where the median's values are printed: just outside each end. */
  labelLeft: number
  labelRight: number
  ticks: ScoreTick[]
  /** Each round's name, over its side of every panel. */
  headings: { x: number; lines: { text: string; dy: number }[] }[]
  panels: SlopePanelView[]
}

const triangle = (x: number, y: number, up: boolean) => {
  const tip = up ? -MARKER : MARKER
  return `M${unit(x)} ${unit(y + tip)}L${unit(x + MARKER)} ${unit(y - tip * 0.8)}L${unit(x - MARKER)} ${unit(y - tip * 0.8)}Z`
}
const dot = (x: number, y: number, r: number) =>
  `M${unit(x - r)} ${unit(y)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`

const markerOf = (direction: Direction, y: number) =>
  direction === 'same' ? dot(RIGHT, y, MARKER - 1) : triangle(RIGHT, y, direction === 'rose')

/** Where along a line its count may sit, tried in turn until it clears the counts already placed. */
const ALONG = [0.5, 0.25, 0.75, 0.12, 0.88] as const
/** How far apart two counts' centres must be, across or up and down, not to overlap. */
const CLEAR_ACROSS = 20
const CLEAR_DOWN = 12

/**
 * Lines with the same two scores (as printed) lie on top of each other, so each bundle of more than one
 * says how many it holds, at its middle or, if another count is there, further along its line.
 */
function sharedCounts(slopes: Movement['slopes']): SlopePanelView['shared'] {
  const bundles = new Map<string, { previous: number; current: number; count: number }>()
  for (const s of slopes) {
    const key = `${formatScore(s.previous)} ${formatScore(s.current)}`
    const bundle = bundles.get(key) ?? { previous: s.previous, current: s.current, count: 0 }
    bundles.set(key, { ...bundle, count: bundle.count + 1 })
  }
  const placed: SlopePanelView['shared'] = []
  for (const b of [...bundles.values()].filter(b => b.count > 1).sort((a, b) => b.count - a.count)) {
    const at = (t: number) => ({
      x: unit(LEFT + (RIGHT - LEFT) * t),
      y: unit(AXIS.y(b.previous) + (AXIS.y(b.current) - AXIS.y(b.previous)) * t),
    })
    const clear = ALONG.map(at).find(p =>
      placed.every(q => Math.abs(q.x - p.x) > CLEAR_ACROSS || Math.abs(q.y - p.y) > CLEAR_DOWN),
    )
    placed.push({ ...(clear ?? at(0.5)), count: `×${b.count}` })
  }
  return placed
}

const DRAWING_ORDER: Record<Direction, number> = { same: 0, fell: 1, rose: 2 }

function panelOf(m: Movement, names: { previous: string; current: string }): SlopePanelView {
  const id = `slope-${m.key.replace(/[^A-Za-z0-9-]/g, '-')}`
  const lines = [...m.slopes]
    .sort((a, b) => DRAWING_ORDER[a.direction] - DRAWING_ORDER[b.direction])
    .map((s): SlopeLineView => ({
      gss: s.gss,
      x1: LEFT,
      y1: AXIS.y(s.previous),
      x2: RIGHT,
      y2: AXIS.y(s.current),
      direction: s.direction,
      marker: markerOf(s.direction, AXIS.y(s.current)),
      title: `${s.name}: ${formatScore(s.previous)} to ${formatScore(s.current)}, ${changeInWords(s.change)}`,
    }))
  const median = m.median
  return {
    key: m.key,
    title: m.title,
    id,
    captionId: `${id}-caption`,
    summary: movementSummary(m),
    lines,
    shared: sharedCounts(m.slopes),
    median: median && {
      y1: AXIS.y(median.previous),
      y2: AXIS.y(median.current),
      previous: formatScore(median.previous),
      current: formatScore(median.current),
      title: `London median: ${formatScore(median.previous)} in ${names.previous}, ${formatScore(median.current)} in ${names.current}`,
    },
  }
}

/** The slope panels of a trend, `movements` overall first as trendMovements gives them. */
export function slopeChart(
  movements: readonly Movement[],
  names: { previous: string; current: string },
): SlopeChartView {
  return {
    width: WIDTH,
    height: HEIGHT,
    left: LEFT,
    right: RIGHT,
    top: TOP,
    bottom: BOTTOM,
    tickX: 16,
    gridLeft: 22,
    labelLeft: LEFT - 8,
    labelRight: RIGHT + 8,
    ticks: AXIS.ticks,
    headings: [
      { x: LEFT, lines: labelLines(names.previous, 13, 14) },
      { x: RIGHT, lines: labelLines(names.current, 13, 14) },
    ],
    panels: movements.map(m => panelOf(m, names)),
  }
}
