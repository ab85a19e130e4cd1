import { parse } from 'csv-parse/sync'
import { isCalendarDate } from './pipeline/entry'

/** A row whose first cell starts with this is a comment, like a template's example row. */
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

/** A problem as one line of the report: “Row 4, contract end date: the contract end date must be…”. */
export function describeProblem(p: ImportProblem): string {
  if (p.row === undefined) return p.message
  return p.field ? `Row ${p.row}, ${p.field}: ${p.message}` : `Row ${p.row} ${p.message}`
}

/** A header or a listed value as a key: "Contract end" and "contract-end" are contract_end. */
export const keyOf = (name: string): string =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')

export const YES = new Set(['yes', 'y', 'true', '1'])
export const NO = new Set(['no', 'n', 'false', '0', ''])

/**
 * A UK spreadsheet saves a date typed as 2027-03-31 as 31/03/2027, so that order is read too, and only
 * when it makes a real date; anything else is left for the entry's checks to name as it was typed.
 */
export function isoFromBritish(cell: string): string {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell.trim())
  if (!match) return cell
  const [, day = '', month = '', year = ''] = match
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
  return isCalendarDate(iso) ? iso : cell
}

function decode(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '')
  } catch {
    return undefined
  }
}

function checkHeader(header: readonly string[], known: readonly string[]): string | undefined {
  const names = header.map(keyOf)
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

export interface CsvFileSpec<H extends string> {
  /** The template's column headers, as keys. */
  headers: readonly H[]
  /** What a row holds, as the messages name it: { one: 'system', many: 'systems' }. */
  noun: { one: string; many: string }
  maxRows: number
  maxBytes: number
}

/** Each data row of the file by its header's keys, numbered as a spreadsheet numbers it. */
export interface CsvRow<H extends string> {
  row: number
  cells: Record<H, string>
}

export type CsvFile<H extends string> = { rejected: string } | { rows: CsvRow<H>[]; problems: ImportProblem[] }

/**
 * Reads an uploaded CSV against its template: the file as a whole is refused in words (too large, not
 * UTF-8, empty, not CSV, the wrong header, too many rows); otherwise every row that is not blank or a
 * comment comes back by column, and a row with more values than the header has columns is a problem.
 */
export function readCsvFile<H extends string>(bytes: Uint8Array, spec: CsvFileSpec<H>): CsvFile<H> {
  const { one, many } = spec.noun
  if (bytes.byteLength > spec.maxBytes)
    return { rejected: `The file must be ${Math.round(spec.maxBytes / (1024 * 1024))} MB or smaller.` }
  const text = decode(bytes)
  if (text === undefined)
    return { rejected: 'The file is not UTF-8 text. In your spreadsheet, save it as “CSV UTF-8 (comma delimited)”.' }
  if (text.trim() === '')
    return { rejected: `The file is empty. Download the template, add your ${many} and upload it.` }
  let records: string[][]
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false })
  } catch (error) {
    const line = (error as { lines?: number }).lines
    return {
      rejected: `The file is not valid CSV${line ? ` (near line ${line})` : ''}: check for a quote mark that is never closed.`,
    }
  }
  const [header = [], ...rest] = records
  const headerProblem = checkHeader(header, spec.headers)
  if (headerProblem) return { rejected: headerProblem }
  const columns = spec.headers.map(h => header.findIndex(name => keyOf(name) === h))

  const numbered = rest
    .map((cells, i) => ({ cells, row: i + 2 }))
    .filter(({ cells }) => !cells.every(c => c.trim() === '') && !(cells[0] ?? '').trim().startsWith(COMMENT_MARK))
  if (numbered.length === 0) return { rejected: `The file has a header but no ${many}. Add a row for each ${one}.` }
  if (numbered.length > spec.maxRows)
    return {
      rejected: `The file has ${numbered.length} ${many}: import at most ${spec.maxRows} at a time, in several files.`,
    }

  const rows: CsvRow<H>[] = []
  const problems: ImportProblem[] = []
  for (const { cells, row } of numbered) {
    if (cells.length > header.length) {
      problems.push({
        row,
        message: `has ${cells.length} values but the header names ${header.length} columns: is a comma missing its quotes?`,
      })
      continue
    }
    const named = Object.fromEntries(spec.headers.map((h, i) => [h, cells[columns[i] ?? -1] ?? ''])) as Record<
      H,
      string
    >
    rows.push({ row, cells: named })
  }
  return { rows, problems }
}

/** Every row a valid entry, or every problem with its row and column: an import is all or nothing. */
export type ImportOutcome<T> = { entries: T[]; problems: [] } | { entries?: undefined; problems: ImportProblem[] }

/**
 * Reads an uploaded CSV against its template and checks each row, all or nothing: the file is fixed in
 * one go because every problem is reported, in row order.
 */
export function importCsv<H extends string, T>(
  bytes: Uint8Array,
  spec: CsvFileSpec<H>,
  checkRow: (cells: Record<H, string>, row: number) => { value?: T; problems: ImportProblem[] },
): ImportOutcome<T> {
  const file = readCsvFile(bytes, spec)
  if ('rejected' in file) return { problems: [{ message: file.rejected }] }
  const entries: T[] = []
  const problems: ImportProblem[] = [...file.problems]
  for (const { cells, row } of file.rows) {
    const checked = checkRow(cells, row)
    problems.push(...checked.problems)
    if (checked.value) entries.push(checked.value)
  }
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
  return problems.length > 0 ? { problems } : { entries, problems: [] }
}
