import type { FieldError } from '../errors'
import { isStorable } from '../storable-text'
import type { Product, Supplier } from './estate'

/** The longest product or supplier name, as the tables hold it. */
export const NAME_MAX_LENGTH = 200

/** A product someone wants in London's catalogue; the supplier is given by name, as people know it. */
export interface ProductProposal {
  name: string
  supplier: string
  categoryKey: string
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/

const WHAT: Record<'name' | 'supplier', string> = { name: 'product’s name', supplier: 'supplier’s name' }

/** A name trimmed, or the message saying what is wrong with it. Its length is checked first. */
function checkName(raw: unknown, field: 'name' | 'supplier', errors: FieldError[]): string {
  if (raw !== undefined && raw !== null && typeof raw !== 'string') {
    errors.push({ field, message: `The ${WHAT[field]} must be text` })
    return ''
  }
  const value = typeof raw === 'string' ? raw.trim() : ''
  if (value.length > NAME_MAX_LENGTH)
    errors.push({ field, message: `The ${WHAT[field]} must be ${NAME_MAX_LENGTH} characters or fewer` })
  else if (value === '')
    errors.push({ field, message: field === 'name' ? 'Enter the product’s name' : 'Enter the supplier’s name' })
  else if (CONTROL_CHARACTERS.test(value) || !isStorable(value))
    errors.push({
      field,
      message: `The ${WHAT[field]} must not contain control or broken characters; retype it rather than pasting`,
    })
  return value
}

/**
 * A proposal checked against the shared category list: `{ name, supplier, category }` as a form or the API
 * sends it. Every problem is reported at once, each against its field.
 */
export function checkProposal(
  raw: Record<string, unknown>,
  categoryKeys: readonly string[],
): { value: ProductProposal; errors?: undefined } | { value?: undefined; errors: FieldError[] } {
  const errors: FieldError[] = []
  const name = checkName(raw.name, 'name', errors)
  const supplier = checkName(raw.supplier, 'supplier', errors)
  const category = raw.category
  if (typeof category !== 'string' || category.trim() === '')
    errors.push({ field: 'category', message: 'Choose the product’s category' })
  else if (category.length > 50 || !categoryKeys.includes(category.trim()))
    errors.push({ field: 'category', message: 'Choose a category from the list' })
  if (errors.length > 0) return { errors }
  return { value: { name, supplier, categoryKey: String(category).trim() } }
}

/** Names compared as people mean them: case and runs of spaces do not make a different supplier. */
export const sameName = (a: string, b: string): boolean =>
  a.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB') === b.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB')

/** The supplier a typed name means: one whose name or any alias matches, whatever the case. */
export function matchSupplier(name: string, suppliers: readonly Supplier[]): Supplier | undefined {
  return (
    suppliers.find(s => sameName(s.name, name)) ?? suppliers.find(s => s.aliases.some(alias => sameName(alias, name)))
  )
}

/**
 * A product already in the catalogue that a proposal would duplicate: the same name from the same supplier,
 * including a product merged into another (the one it joined is the one to use).
 */
export function existingProduct(
  proposal: { name: string },
  supplierId: number,
  products: readonly Product[],
): Product | undefined {
  const same = products.find(p => p.supplier.id === supplierId && sameName(p.name, proposal.name))
  const byId = new Map(products.map(p => [p.id, p]))
  let current = same
  for (let hops = 0; current?.mergedIntoId != null && hops < products.length; hops++)
    current = byId.get(current.mergedIntoId) ?? current
  return current
}

/** Why one product cannot be merged into another, or null when it can. */
export function mergeRefusal(from: Product, into: Product | undefined): { field: string; message: string } | null {
  if (from.status === 'merged') return { field: 'into', message: `${from.name} has already been merged` }
  if (!into) return { field: 'into', message: 'Choose a product from the catalogue to merge into' }
  if (into.id === from.id) return { field: 'into', message: 'A product cannot be merged into itself' }
  if (into.status === 'merged')
    return { field: 'into', message: `${into.name} has been merged into another product; choose that one instead` }
  if (into.categoryKey !== from.categoryKey)
    return { field: 'into', message: 'Only products in the same category can be merged; change the category first' }
  return null
}
