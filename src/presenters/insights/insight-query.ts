import type { InsightQuery } from '../../domain/insights/query'

/**
 * The query string that reproduces a view with some controls changed, leaving out defaults so links stay
 * short: every heatmap, clusters, map and brief link carries the analyst's choices with it.
 */
export function insightQueryString(
  query: InsightQuery,
  defaults: { threshold: number },
  changes: Partial<Record<keyof InsightQuery, string | number | undefined>> = {},
): string {
  const merged: Record<string, string | number | undefined> = { ...query, ...changes }
  const fallback: Record<string, string | number | undefined> = {
    level: 'dimension',
    basis: 'final',
    order: 'name',
    threshold: defaults.threshold,
    minSize: 3,
    k: 4,
  }
  const params = new URLSearchParams()
  for (const name of ['level', 'parent', 'basis', 'threshold', 'order', 'partnershipId', 'minSize', 'k']) {
    const value = merged[name]
    if (value === undefined || value === '' || value === fallback[name]) continue
    if (name === 'parent' && merged.level === 'dimension') continue
    params.set(name === 'partnershipId' ? 'partnership' : name, String(value))
  }
  const text = params.toString()
  return text === '' ? '' : `?${text}`
}
