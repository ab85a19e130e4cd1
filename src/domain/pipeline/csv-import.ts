import { isoFromBritish, NO, importCsv, YES, type ImportProblem } from '../csv-file'
import { checkEntry, FIELD_NAMES, type EntryContent, type EntryContext } from './entry'

/** The template's columns, in its order; the header names them, in any order. */
export const CSV_COLUMNS = [
  { header: 'category', field: 'categoryKey' },
  { header: 'current_system', field: 'currentSystem' },
  { header: 'supplier', field: 'supplier' },
  { header: 'contract_end', field: 'contractEnd' },
  { header: 'planned_start', field: 'plannedStart' },
  { header: 'route', field: 'route' },
  { header: 'value_band', field: 'valueBand' },
  { header: 'status', field: 'status' },
  { header: 'maturity_area', field: 'addresses' },
  { header: 'notes', field: 'notes' },
  { header: 'shareable', field: 'shareable' },
] as const satisfies readonly { header: string; field: keyof EntryContent }[]

type Header = (typeof CSV_COLUMNS)[number]['header']

export const MAX_IMPORT_ROWS = 500
/** The largest file an import takes: 500 rows fit in well under it. */
export const MAX_IMPORT_BYTES = 1024 * 1024

export { COMMENT_MARK, describeProblem, type ImportProblem } from '../csv-file'

export type ImportResult =
  { entries: EntryContent[]; problems: [] } | { entries?: undefined; problems: ImportProblem[] }

// Columns whose values are keys from a list: a spreadsheet that capitalises a first letter should not matter.
const KEYED = new Set<string>(['categoryKey', 'route', 'valueBand', 'status', 'addresses'])

/** The first letter lower-cased, so “Row 4, contract end date: the contract end date must…” reads as one sentence. */
const continuing = (message: string) =>
  /^[A-Z][a-z]/.test(message) ? message.charAt(0).toLowerCase() + message.slice(1) : message

function checkRow(cells: Record<Header, string>, row: number, context: EntryContext) {
  const raw: Record<string, unknown> = {}
  const problems: ImportProblem[] = []
  for (const column of CSV_COLUMNS) {
    const cell = cells[column.header]
    if (column.field === 'shareable') {
      const answer = cell.trim().toLowerCase()
      if (YES.has(answer)) raw.shareable = true
      else if (NO.has(answer)) raw.shareable = false
      else
        problems.push({
          row,
          column: column.header,
          field: FIELD_NAMES.shareable,
          message: `write yes or no, not “${cell.trim()}”`,
        })
    } else if (column.field === 'contractEnd' || column.field === 'plannedStart')
      raw[column.field] = isoFromBritish(cell)
    else raw[column.field] = KEYED.has(column.field) ? cell.trim().toLowerCase() : cell
  }
  const checked = checkEntry(raw, context)
  for (const e of checked.errors) {
    const column = CSV_COLUMNS.find(c => c.field === e.field)
    problems.push({
      row,
      column: column?.header,
      field: column && FIELD_NAMES[column.field],
      message: continuing(e.message),
    })
  }
  return { value: problems.length === 0 ? checked.value : undefined, problems }
}

/**
 * Reads an uploaded CSV of pipeline entries, all or nothing: either every row is a valid entry, or every
 * problem is reported with its row and column, so a borough fixes the whole file in one go.
 */
export function readImport(bytes: Uint8Array, context: EntryContext): ImportResult {
  return importCsv(
    bytes,
    {
      headers: CSV_COLUMNS.map(c => c.header),
      noun: { one: 'entry', many: 'entries' },
      maxRows: MAX_IMPORT_ROWS,
      maxBytes: MAX_IMPORT_BYTES,
    },
    (cells, row) => checkRow(cells, row, context),
  )
}
