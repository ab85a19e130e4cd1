import { quantile } from '../statistics'
import type { Change, Trend } from './trend'

export type Direction = 'rose' | 'fell' | 'same'

/**
 * Which way a change went, judged as it is shown (to two decimals), so a change printed as ±0.00 counts
 * as no change and a reader can check every count against the table.
 */
export function directionOf(change: number): Direction {
  const hundredths = Math.round(change * 100)
  return hundredths > 0 ? 'rose' : hundredths < 0 ? 'fell' : 'same'
}

/** One organisation's two scores on one column, with the way it moved. */
export interface Slope {
  gss: string
  name: string
  previous: number
  current: number
  change: number
  direction: Direction
}

/** How the organisations compared moved on one column (a dimension, or overall). */
export interface Movement {
  key: string
  title: string
  /** Every organisation with a score in both rounds, in the trend's order (by name). */
  slopes: Slope[]
  rose: number
  fell: number
  same: number
  /** The median of the earlier scores and of the later ones, over the same organisations; null with none. */
  median: { previous: number; current: number } | null
}

const median = (values: number[]) =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  )

function movement(key: string, title: string, changes: { gss: string; name: string; change: Change }[]): Movement {
  const slopes = changes.flatMap(({ gss, name, change: c }): Slope[] =>
    c.previous === null || c.current === null || c.change === null
      ? []
      : [{ gss, name, previous: c.previous, current: c.current, change: c.change, direction: directionOf(c.change) }],
  )
  const count = (d: Direction) => slopes.filter(s => s.direction === d).length
  return {
    key,
    title,
    slopes,
    rose: count('rose'),
    fell: count('fell'),
    same: count('same'),
    median:
      slopes.length === 0
        ? null
        : { previous: median(slopes.map(s => s.previous)), current: median(slopes.map(s => s.current)) },
  }
}

/**
 * How the organisations that handed in both assessments moved, overall first and then each dimension, on
 * the trend's comparable questions only: the figures the trend's chart draws and its summary says.
 */
export function trendMovements(trend: Trend): Movement[] {
  const overall = movement(
    'overall',
    'Overall',
    trend.rows.map(r => ({ gss: r.gss, name: r.name, change: r.overall })),
  )
  const dimensions = trend.dimensions.map(d =>
    movement(
      d.key,
      d.title,
      trend.rows.flatMap(r => {
        const change = r.dimensions.find(c => c.key === d.key)
        return change ? [{ gss: r.gss, name: r.name, change }] : []
      }),
    ),
  )
  return [overall, ...dimensions]
}
