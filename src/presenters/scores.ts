/** Scores to two decimals, as docs/method.md's worked example gives them; a missing one says so. */
export const formatScore = (value: number | null | undefined): string =>
  value === null || value === undefined ? 'No score' : value.toFixed(2)

export const formatChange = (value: number | null): string =>
  value === null ? 'Not comparable' : `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value).toFixed(2)}`

export const formatCoverage = (value: number): string => `${Math.round(value * 100)}%`

/** A change in words, to two decimals as tables show it: "up 0.50", "down 1.00", "no change". */
export function changeInWords(change: number): string {
  const hundredths = Math.round(change * 100)
  if (hundredths === 0) return 'no change'
  return `${hundredths > 0 ? 'up' : 'down'} ${(Math.abs(hundredths) / 100).toFixed(2)}`
}
