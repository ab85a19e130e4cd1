/** A column of a heatmap: a dimension, a theme of one dimension, or a scored question of one theme. */
export interface Column {
  key: string
  title: string
}

/** One organisation's scores, in column order; null where it has no score (not submitted, not applicable). */
export interface ScoreRow {
  gss: string
  cells: readonly (number | null)[]
}

/** Strictly below: a score equal to the threshold has reached it, and no score is never weak. */
export const isWeak = (score: number | null | undefined, threshold: number): score is number =>
  score !== null && score !== undefined && score < threshold

export function checkThreshold(threshold: number): void {
  if (!Number.isFinite(threshold)) throw new RangeError(`The weak threshold must be a number, not ${threshold}`)
}

/** A whole number of at least 1, for k and minSize alike. */
export function checkPositiveWholeNumber(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a whole number of at least 1, not ${value}`)
  }
}

export function checkScoreValues(where: string, cells: readonly (number | null)[]): void {
  cells.forEach((cell, i) => {
    if (cell !== null && !Number.isFinite(cell)) {
      throw new RangeError(`${where} has ${cell} in cell ${i + 1}: a score must be a finite number or null`)
    }
  })
}

/**
 * Refuses a table the analysis would silently get wrong: a repeated column or organisation would be
 * counted twice, and a short row would shift every score after the gap into the wrong column.
 */
export function checkScoreTable(columns: readonly Column[], rows: readonly ScoreRow[]): void {
  const keys = new Set<string>()
  for (const column of columns) {
    if (keys.has(column.key)) throw new RangeError(`Column ${column.key} is listed twice`)
    keys.add(column.key)
  }
  const seen = new Set<string>()
  for (const row of rows) {
    if (seen.has(row.gss)) throw new RangeError(`Organisation ${row.gss} has two rows`)
    seen.add(row.gss)
    if (row.cells.length !== columns.length) {
      throw new RangeError(`Organisation ${row.gss} has ${row.cells.length} cells for ${columns.length} columns`)
    }
    checkScoreValues(`Organisation ${row.gss}`, row.cells)
  }
}
