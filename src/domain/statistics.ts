/** How London's scores spread, without naming anyone: the figures a respondent may see. */
export interface Distribution {
  count: number
  lowerQuartile: number
  median: number
  upperQuartile: number
}

/**
 * The p-quantile of sorted values by linear interpolation between order statistics (Hyndman and Fan's
 * type 7, as R, NumPy and Excel's QUARTILE.INC compute it), so analysts can check our figures in a spreadsheet.
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of no values')
  if (p < 0 || p > 1) throw new RangeError(`quantile ${p} is outside 0 to 1`)
  const position = (sorted.length - 1) * p
  const below = Math.floor(position)
  const lower = sorted[below] as number
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] as number
  return lower + (upper - lower) * (position - below)
}

export function distribution(values: readonly number[]): Distribution | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return {
    count: sorted.length,
    lowerQuartile: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    upperQuartile: quantile(sorted, 0.75),
  }
}
