import { distinctBuyers } from './buyers'
import {
  checkPositiveWholeNumber,
  checkScoreTable,
  checkThreshold,
  isWeak,
  type Column,
  type ScoreRow,
} from './score-table'

/** Organisations weak together on one column: the case for buying or building once. */
export interface SharedWeakness {
  key: string
  title: string
  /** GSS codes, weakest first; equal scores keep the order of the rows. */
  organisations: string[]
  meanScore: number
  /** Separate buyers among them when each chain of partnerships buys as one. */
  buyers: number
  /** organisations.length / totalOrganisations: the share of London (or of the round) that is weak here. */
  share: number
}

export interface SharedWeaknessOptions {
  threshold: number
  /** Fewest weak organisations worth listing; 3 unless said. */
  minSize?: number
  partnerships: readonly (readonly string[])[]
  /** All organisations the share is of: London's 33, or those in the round. */
  totalOrganisations: number
}

export function sharedWeakness(
  columns: readonly Column[],
  rows: readonly ScoreRow[],
  options: SharedWeaknessOptions,
): SharedWeakness[] {
  const { threshold, minSize = 3, partnerships, totalOrganisations } = options
  checkThreshold(threshold)
  checkPositiveWholeNumber('minSize', minSize)
  checkScoreTable(columns, rows)
  if (!Number.isInteger(totalOrganisations) || totalOrganisations < rows.length) {
    throw new RangeError(
      `totalOrganisations must be a whole number no smaller than the ${rows.length} rows, not ${totalOrganisations}`,
    )
  }
  const found: (SharedWeakness & { column: number })[] = []
  columns.forEach((column, c) => {
    const weak: { gss: string; score: number; row: number }[] = []
    rows.forEach((row, r) => {
      const score = row.cells[c]
      if (isWeak(score, threshold)) weak.push({ gss: row.gss, score, row: r })
    })
    if (weak.length < minSize) return
    weak.sort((a, b) => a.score - b.score || a.row - b.row)
    const organisations = weak.map(w => w.gss)
    found.push({
      key: column.key,
      title: column.title,
      organisations,
      meanScore: weak.reduce((sum, w) => sum + w.score, 0) / weak.length,
      buyers: distinctBuyers(organisations, partnerships),
      share: weak.length / totalOrganisations,
      column: c,
    })
  })
  found.sort(
    (a, b) => b.organisations.length - a.organisations.length || a.meanScore - b.meanScore || a.column - b.column,
  )
  return found.map(({ column: _column, ...weakness }) => weakness)
}
