import {
  COMMENT_MARK,
  describeProblem,
  isoFromBritish,
  keyOf,
  NO,
  importCsv,
  YES,
  type ImportProblem,
} from '../csv-file'
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

const fold = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB')

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
  return importCsv(
    bytes,
    {
      headers: ESTATE_CSV_COLUMNS.map(c => c.header),
      noun: { one: 'system', many: 'systems' },
      maxRows: MAX_ESTATE_IMPORT_ROWS,
      maxBytes: MAX_ESTATE_IMPORT_BYTES,
    },
    (cells, row) => checkRow(cells, row, context),
  )
}
