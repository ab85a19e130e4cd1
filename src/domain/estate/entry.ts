import type { FieldError } from '../errors'
import { DATE_RANGE, isCalendarDate, type PipelineCategory } from '../pipeline/entry'
import {
  COST_BANDS,
  COST_BAND_LABELS,
  HOSTINGS,
  HOSTING_LABELS,
  type CostBand,
  type EstateContent,
  type Hosting,
  type Product,
} from './estate'

export const ESTATE_TEXT_LIMITS = { notes: 2000 } as const

/** What an entry is checked against: the shared categories and the catalogue, merged products included. */
export interface EstateEntryContext {
  categories: readonly PipelineCategory[]
  products: readonly Product[]
}

/** Each field as an officer would name it, for messages and the import's report; in the form's order. */
export const ESTATE_FIELD_NAMES: Record<keyof EstateContent, string> = {
  categoryKey: 'category',
  productId: 'product',
  hosting: 'hosting',
  contractEnd: 'contract end date',
  costBand: 'cost band',
  shareable: 'sharing',
  notes: 'notes',
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

const text = (value: unknown): string | null | undefined => {
  if (value === undefined || value === null) return null
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}

type Fail = (field: keyof EstateContent, message: string) => void

function checkCategory(raw: Record<string, unknown>, context: EstateEntryContext, fail: Fail) {
  const categoryKey = text(raw.categoryKey)
  if (!categoryKey) fail('categoryKey', 'Select a category')
  else if (!context.categories.some(c => c.key === categoryKey))
    fail('categoryKey', `“${categoryKey}” is not a category on the shared list`)
  else return categoryKey
  return null
}

/** The product, which must be in the catalogue, not merged away, and in the entry's category. */
function checkProduct(raw: Record<string, unknown>, context: EstateEntryContext, category: string | null, fail: Fail) {
  const given = raw.productId
  const id = typeof given === 'string' && /^\d{1,9}$/.test(given.trim()) ? Number(given.trim()) : given
  if (given === undefined || given === null || given === '') {
    fail('productId', 'Select the product')
    return null
  }
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) {
    fail('productId', 'The product must be the whole number of a product in the catalogue')
    return null
  }
  const product = context.products.find(p => p.id === id)
  if (!product) {
    fail('productId', `There is no product ${id} in the catalogue`)
    return null
  }
  if (product.status === 'merged') {
    const into = context.products.find(p => p.id === product.mergedIntoId)
    fail(
      'productId',
      `“${product.name}” has been merged into “${into?.name ?? 'another product'}”: choose that instead`,
    )
    return null
  }
  if (category !== null && product.categoryKey !== category) {
    const names = new Map(context.categories.map(c => [c.key, c.name]))
    fail(
      'productId',
      `“${product.name}” is in the catalogue under ${names.get(product.categoryKey) ?? product.categoryKey}, not ${names.get(category) ?? category}: choose a product from the entry’s category, or change the category`,
    )
    return null
  }
  return product.id
}

function checkContractEnd(raw: Record<string, unknown>, fail: Fail): string | null {
  const value = text(raw.contractEnd)
  if (value === undefined) fail('contractEnd', 'The contract end date must be a date')
  else if (value !== null && !isCalendarDate(value))
    fail('contractEnd', `The contract end date must be a real date written as YYYY-MM-DD, not “${value}”`)
  // A year like 0207 or 2207 is a typing slip, never a contract.
  else if (value !== null && (value < DATE_RANGE.from || value > DATE_RANGE.to))
    fail('contractEnd', `The contract end date must be in a year from 2000 to 2100, not “${value}”`)
  else return value
  return null
}

function checkHosting(raw: Record<string, unknown>, fail: Fail): Hosting | null {
  const value = text(raw.hosting)
  if (!value) fail('hosting', 'Select where the system is hosted')
  else if (!(HOSTINGS as readonly string[]).includes(value))
    fail(
      'hosting',
      `The hosting must be one of: ${HOSTINGS.map(h => `${h} (${HOSTING_LABELS[h]})`).join(', ')}; “${value}” is not`,
    )
  else return value as Hosting
  return null
}

function checkCostBand(raw: Record<string, unknown>, fail: Fail): CostBand | null {
  const value = text(raw.costBand)
  if (value === undefined) fail('costBand', 'The cost band must be text')
  else if (value !== null && !(COST_BANDS as readonly string[]).includes(value))
    fail(
      'costBand',
      `The cost band must be one of: ${COST_BANDS.map(b => `${b} (${COST_BAND_LABELS[b]})`).join(', ')}; “${value}” is not`,
    )
  else return value as CostBand | null
  return null
}

function checkNotes(raw: Record<string, unknown>, fail: Fail): string | null {
  const value = text(raw.notes)
  if (value === undefined) fail('notes', 'The notes must be text')
  // PostgreSQL cannot store a NUL at all, and other control characters are only ever paste accidents.
  else if (value !== null && CONTROL_CHARACTERS.test(value))
    fail('notes', 'The notes must not contain control characters; retype them rather than pasting')
  else if (value !== null && value.length > ESTATE_TEXT_LIMITS.notes)
    fail('notes', `The notes must be ${ESTATE_TEXT_LIMITS.notes.toLocaleString('en-GB')} characters or fewer`)
  else return value
  return null
}

/**
 * Checks a system an authority runs, from a form, the API or a CSV row, field by field, naming each
 * problem in words an officer would use; returns the entry only when nothing is wrong.
 */
export function checkEstateEntry(
  raw: Record<string, unknown>,
  context: EstateEntryContext,
): { value?: EstateContent; errors: FieldError[] } {
  const errors: FieldError[] = []
  const fail: Fail = (field, message) => errors.push({ field, message })
  // Checked in the form's order, so problems are listed as the form shows the fields.
  const categoryKey = checkCategory(raw, context, fail)
  const productId = checkProduct(raw, context, categoryKey, fail)
  const hosting = checkHosting(raw, fail)
  const contractEnd = checkContractEnd(raw, fail)
  const costBand = checkCostBand(raw, fail)
  const shareable = raw.shareable
  if (typeof shareable !== 'boolean')
    fail(
      'shareable',
      shareable === undefined || shareable === null || shareable === ''
        ? 'Select whether other authorities may see that you run this system'
        : 'Sharing must be true or false',
    )
  const notes = checkNotes(raw, fail)

  if (errors.length > 0 || categoryKey === null || productId === null || hosting === null) return { errors }
  return {
    value: { categoryKey, productId, hosting, contractEnd, costBand, shareable: shareable === true, notes },
    errors,
  }
}
