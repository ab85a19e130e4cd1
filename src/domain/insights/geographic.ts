import { checkScoreTable, checkThreshold, isWeak, type Column, type ScoreRow } from './score-table'
import { DisjointSets } from './union-find'

/** Neighbouring organisations weak on the same column: a place-based response could serve them together. */
export interface GeographicCluster {
  key: string
  title: string
  /** GSS codes in ascending order. */
  organisations: string[]
  meanScore: number
}

export interface GeographicOptions {
  threshold: number
  /** Each organisation's neighbours by GSS code; a boundary listed on one side only still counts. */
  neighbours: ReadonlyMap<string, readonly string[]>
}

/**
 * Per column, the connected groups of at least two weak organisations, where two are connected when they
 * share a boundary and both are weak: a weak organisation whose neighbours are all strong is not a cluster.
 * Ordered by size (largest first), then column order, then the row of each cluster's first member.
 */
export function geographicClusters(
  columns: readonly Column[],
  rows: readonly ScoreRow[],
  options: GeographicOptions,
): GeographicCluster[] {
  const { threshold, neighbours } = options
  checkThreshold(threshold)
  checkScoreTable(columns, rows)
  const rowOf = new Map(rows.map((row, r) => [row.gss, r]))
  const found: (GeographicCluster & { column: number; firstRow: number })[] = []
  columns.forEach((column, c) => {
    const weak = (r: number | undefined): r is number => r !== undefined && isWeak(rows[r]?.cells[c], threshold)
    const sets = new DisjointSets(rows.length)
    rows.forEach((row, r) => {
      if (!weak(r)) return
      for (const other of neighbours.get(row.gss) ?? []) {
        const o = rowOf.get(other)
        if (weak(o)) sets.union(r, o)
      }
    })
    for (const members of sets.groups()) {
      if (members.length < 2) continue
      const memberRows = members.map(r => rows[r] as ScoreRow)
      const scores = memberRows.map(row => row.cells[c] as number)
      found.push({
        key: column.key,
        title: column.title,
        organisations: memberRows.map(row => row.gss).sort(),
        meanScore: scores.reduce((sum, s) => sum + s, 0) / scores.length,
        column: c,
        firstRow: members[0] as number,
      })
    }
  })
  found.sort(
    (a, b) => b.organisations.length - a.organisations.length || a.column - b.column || a.firstRow - b.firstRow,
  )
  return found.map(({ column: _column, firstRow: _firstRow, ...cluster }) => cluster)
}
