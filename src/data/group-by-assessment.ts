/** Rows of many assessments read in one query, grouped by assessment, each turned into its domain type. */
export function groupByAssessment<Row extends { assessment_id: number }, T>(
  rows: readonly Row[],
  convert: (row: Row) => T,
): Map<number, T[]> {
  const map = new Map<number, T[]>()
  for (const row of rows) {
    const list = map.get(row.assessment_id) ?? []
    list.push(convert(row))
    map.set(row.assessment_id, list)
  }
  return map
}
