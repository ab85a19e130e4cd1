import { parse } from 'csv-parse/sync'
import { COMMENT_MARK, describeProblem, type ImportProblem } from '../pipeline/csv-import'
import { isCalendarDate } from '../pipeline/entry'
import { checkEstateEntry, ESTATE_FIELD_NAMES, type EstateEntryContext } from './entry'
import type { EstateContent, Product } from './estate'

export { describeProblem, COMMENT_MARK, type ImportProblem }

/** The template's columns, in its order; the header names them, in any order, with spaces or underscores. */
export const ESTATE_CSV_COLUMNS = [
  { header: 'category', field: 'categoryKey' },
  { header: 'product', field: 'productId' },
  { header: 'supplier', field: 'productId' },
  { header: 'hosting', field: 'hosting' },
  { header: 'contract_end', field: 'contractEnd' },
  { header: 'cost_band', field: 'costBand' },
  { header: 'shareable', field: 'shareable' },
  { header: 'notes', field: 'notes' },
] as const satisfies readonly { header: string; field: keyof EstateContent }[]

type Header = (typeof ESTATE_CSV_COLUMNS)[number]['header']

export const MAX_ESTATE_IMPORT_ROWS = 500
/** The largest file an import takes, checked before a byte is parsed: 500 rows fit in well under it. */
export const MAX_ESTATE_IMPORT_BYTES = 1024 * 1024

/** The catalogue as the import matches names to it: every product, and each supplier's other names. */
export interface EstateImportContext extends EstateEntryContext {
  suppliers: readonly { id: number; name: string; aliases: readonly string[] }[]
}

export type EstateImportResult =
  { entries: EstateContent[]; problems: [] } | { entries?: undefined; problems: ImportProblem[] }

const rejected = (message: string): EstateImportResult => ({ problems: [{ message }] })

const YES = new Set(['yes', 'y', 'true', '1'])
const NO = new Set(['no', 'n', 'false', '0', ''])

const fold = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB')
const keyOf = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')

/** A UK spreadsheet saves 2027-03-31 as 31/03/2027: that order is read too, when it makes a real date. */
function isoFromBritish(cell: string): string {
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

function checkHeader(header: readonly string[]): string | undefined {
  const names = header.map(keyOf)
  const known: readonly string[] = ESTATE_CSV_COLUMNS.map(c => c.header)
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

const continuing = (message: string) =>
  /^[A-Z][a-z]/.test(message) ? message.charAt(0).toLowerCase() + message.slice(1) : message

/**
 * The product a row names, by its name and (when given) its supplier's name or another name of the
 * supplier's, whatever their case; or why none can be chosen.
 */
export function matchProduct(
  productName: string,
  supplierName: string,
  context: EstateImportContext,
): { product: Product } | { problem: string } {
  const name = fold(productName)
  if (name === '') return { problem: 'write the product’s name as the catalogue has it' }
  const supplier = fold(supplierName)
  const supplierIds =
    supplier === ''
      ? undefined
      : new Set(context.suppliers.filter(s => [s.name, ...s.aliases].some(n => fold(n) === supplier)).map(s => s.id))
  if (supplierIds?.size === 0)
    return { problem: `there is no supplier called “${supplierName.trim()}” in the catalogue` }
  const named = context.products.filter(
    p => fold(p.name) === name && (supplierIds === undefined || supplierIds.has(p.supplier.id)),
  )
  const live = named.filter(p => p.status !== 'merged')
  const [only] = live
  if (only && live.length === 1) return { product: only }
  if (live.length > 1)
    return {
      problem: `“${productName.trim()}” is sold by ${live.map(p => p.supplier.name).join(' and ')}: write which in the supplier column`,
    }
  const merged = named.find(p => p.status === 'merged')
  const into = merged && context.products.find(p => p.id === merged.mergedIntoId)
  if (into) return { problem: `“${productName.trim()}” was merged into “${into.name}”: write that name instead` }
  const by = supplierIds ? ` from ${supplierName.trim()}` : ''
  return {
    problem: `there is no product called “${productName.trim()}”${by} in the catalogue: check the spelling, or propose the product first`,
  }
}

function checkRow(cells: Record<Header, string>, row: number, context: EstateImportContext) {
  const problems: ImportProblem[] = []
  const add = (column: string, field: string, message: string) => problems.push({ row, column, field, message })
  const raw: Record<string, unknown> = {
    categoryKey: cells.category.trim().toLowerCase(),
    hosting: keyOf(cells.hosting),
    contractEnd: isoFromBritish(cells.contract_end),
    costBand: cells.cost_band.trim().toLowerCase(),
    notes: cells.notes,
  }
  const answer = cells.shareable.trim().toLowerCase()
  if (YES.has(answer)) raw.shareable = true
  else if (NO.has(answer)) raw.shareable = false
  else add('shareable', ESTATE_FIELD_NAMES.shareable, `write yes or no, not “${cells.shareable.trim()}”`)
  const matched = matchProduct(cells.product, cells.supplier, context)
  if ('product' in matched) raw.productId = matched.product.id
  else add('product', ESTATE_FIELD_NAMES.productId, matched.problem)

  const checked = checkEstateEntry(raw, context)
  for (const e of checked.errors) {
    // A product that was never found has been reported already, in the import's own words.
    if (e.field === 'productId' && !('product' in matched)) continue
    if (e.field === 'shareable' && raw.shareable === undefined) continue
    const column = ESTATE_CSV_COLUMNS.find(c => c.field === e.field)
    const field = ESTATE_FIELD_NAMES[e.field as keyof EstateContent]
    problems.push({ row, column: column?.header, field, message: continuing(e.message) })
  }
  problems.sort((a, b) => order(a.column) - order(b.column))
  return { value: problems.length === 0 ? checked.value : undefined, problems }
}

const order = (column: string | undefined) => ESTATE_CSV_COLUMNS.findIndex(c => c.header === column)

/**
 * Reads an uploaded CSV of an authority's systems, all or nothing: either every row is a valid entry, or
 * every problem is reported with its row and column, so the file is fixed in one go.
 */
export function readEstateImport(bytes: Uint8Array, context: EstateImportContext): EstateImportResult {
  if (bytes.byteLength > MAX_ESTATE_IMPORT_BYTES) return rejected('The file must be 1 MB or smaller.')
  const text = decode(bytes)
  if (text === undefined)
    return rejected('The file is not UTF-8 text. In your spreadsheet, save it as “CSV UTF-8 (comma delimited)”.')
  if (text.trim() === '') return rejected('The file is empty. Download the template, add your systems and upload it.')
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
  const columns = ESTATE_CSV_COLUMNS.map(c => header.findIndex(h => keyOf(h) === c.header))

  const numbered = rows
    .map((cells, i) => ({ cells, row: i + 2 }))
    .filter(({ cells }) => !cells.every(c => c.trim() === '') && !(cells[0] ?? '').trim().startsWith(COMMENT_MARK))
  if (numbered.length === 0) return rejected('The file has a header but no systems. Add a row for each system.')
  if (numbered.length > MAX_ESTATE_IMPORT_ROWS)
    return rejected(
      `The file has ${numbered.length} systems: import at most ${MAX_ESTATE_IMPORT_ROWS} at a time, in several files.`,
    )

  const entries: EstateContent[] = []
  const problems: ImportProblem[] = []
  for (const { cells, row } of numbered) {
    if (cells.length > header.length) {
      problems.push({
        row,
        message: `has ${cells.length} values but the header names ${header.length} columns: is a comma missing its quotes?`,
      })
      continue
    }
    const named = Object.fromEntries(
      ESTATE_CSV_COLUMNS.map((c, i) => [c.header, cells[columns[i] ?? -1] ?? '']),
    ) as Record<Header, string>
    const checked = checkRow(named, row, context)
    problems.push(...checked.problems)
    if (checked.value) entries.push(checked.value)
  }
  return problems.length > 0 ? { problems } : { entries, problems: [] }
}
