import { parse } from 'csv-parse/sync'
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

export const MAX_IMPORT_ROWS = 500
/** The largest file an import takes: 500 rows fit in well under it. */
export const MAX_IMPORT_BYTES = 1024 * 1024

/** A row whose first cell starts with this is a comment, like the template's example row. */
export const COMMENT_MARK = '#'

/**
 * One thing wrong with an import. `row` counts the header as row 1, as a spreadsheet numbers it; `column`
 * is the header's name and `field` the same in words; `message` continues “Row 4, contract end date: …”.
 */
export interface ImportProblem {
  row?: number
  column?: string
  field?: string
  message: string
}

export type ImportResult =
  { entries: EntryContent[]; problems: [] } | { entries?: undefined; problems: ImportProblem[] }

const rejected = (message: string): ImportResult => ({ problems: [{ message }] })

const YES = new Set(['yes', 'y', 'true', '1'])
const NO = new Set(['no', 'n', 'false', '0', ''])

// Columns whose values are keys from a list: a spreadsheet that capitalises a first letter should not matter.
const KEYED = new Set<string>(['categoryKey', 'route', 'valueBand', 'status', 'addresses'])

/**
 * A UK spreadsheet saves a date typed as 2027-03-31 as 31/03/2027, so that order is read too, and only
 * when it makes a real date; anything else is left for checkEntry to name as it was typed.
 */
function isoFromBritish(text: string): string {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim())
  if (!match) return text
  const [, day = '', month = '', year = ''] = match
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
  const date = new Date(`${iso}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : text
}

function decode(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '')
  } catch {
    return undefined
  }
}

const normaliseHeader = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')

function checkHeader(header: readonly string[]): string | undefined {
  const names = header.map(normaliseHeader)
  const known: readonly string[] = CSV_COLUMNS.map(c => c.header)
  const missing = known.filter(k => !names.includes(k))
  const unknown = header.filter((_, i) => !known.includes(names[i] ?? ''))
  const repeated = known.filter(k => names.filter(n => n === k).length > 1)
  const parts = [
    missing.length > 0 ? `missing ${missing.join(', ')}` : '',
    unknown.length > 0
      ? `unknown ${unknown.map(u => (u.trim() === '' ? 'a column with no name' : `“${u}”`)).join(', ')}`
      : '',
    repeated.length > 0 ? `repeated ${repeated.join(', ')}` : '',
  ].filter(Boolean)
  if (parts.length === 0) return undefined
  return `The first row must be the template’s header: ${parts.join('; ')}. Download the template and copy your rows into it.`
}

/** The first letter lower-cased, so “Row 4, contract end date: the contract end date must…” reads as one sentence. */
const continuing = (message: string) =>
  /^[A-Z][a-z]/.test(message) ? message.charAt(0).toLowerCase() + message.slice(1) : message

function checkRow(cells: readonly string[], columns: readonly number[], row: number, context: EntryContext) {
  const raw: Record<string, unknown> = {}
  const problems: ImportProblem[] = []
  CSV_COLUMNS.forEach((column, i) => {
    const cell = cells[columns[i] ?? -1] ?? ''
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
  })
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
  const text = decode(bytes)
  if (text === undefined)
    return rejected('The file is not UTF-8 text. In your spreadsheet, save it as “CSV UTF-8 (comma delimited)”.')
  if (text.trim() === '') return rejected('The file is empty. Download the template, add your entries and upload it.')
  let records: string[][]
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false })
  } catch (error) {
    const line = (error as { lines?: number }).lines
    return rejected(
      `The file is not valid CSV${line ? ` (near line ${line})` : ''}: check for a quote mark that is never closed.`,
    )
  }
  const [header = [], ...rows] = records
  const headerProblem = checkHeader(header)
  if (headerProblem) return rejected(headerProblem)
  const columns = CSV_COLUMNS.map(c => header.findIndex(h => normaliseHeader(h) === c.header))

  const numbered = rows
    .map((cells, i) => ({ cells, row: i + 2 }))
    .filter(({ cells }) => !cells.every(c => c.trim() === '') && !(cells[0] ?? '').trim().startsWith(COMMENT_MARK))
  if (numbered.length === 0) return rejected('The file has a header but no entries. Add a row for each entry.')
  if (numbered.length > MAX_IMPORT_ROWS)
    return rejected(
      `The file has ${numbered.length} entries: import at most ${MAX_IMPORT_ROWS} at a time, in several files.`,
    )

  const entries: EntryContent[] = []
  const problems: ImportProblem[] = []
  for (const { cells, row } of numbered) {
    if (cells.length > header.length) {
      problems.push({
        row,
        message: `has ${cells.length} values but the header names ${header.length} columns: is a comma missing its quotes?`,
      })
      continue
    }
    const checked = checkRow(cells, columns, row, context)
    problems.push(...checked.problems)
    if (checked.value) entries.push(checked.value)
  }
  return problems.length > 0 ? { problems } : { entries, problems: [] }
}

/** A problem as one line of the report: “Row 4, contract end date: the contract end date must be…”. */
export function describeProblem(p: ImportProblem): string {
  if (p.row === undefined) return p.message
  return p.field ? `Row ${p.row}, ${p.field}: ${p.message}` : `Row ${p.row} ${p.message}`
}
