import { checkEstateEntry, type EstateEntryContext } from '../../../src/domain/estate/entry'
import type { Product } from '../../../src/domain/estate/estate'

const product = (id: number, name: string, categoryKey: string, change: Partial<Product> = {}): Product => ({
  id,
  name,
  supplier: { id: 1, name: 'Example Software Ltd' },
  categoryKey,
  status: 'approved',
  mergedIntoId: null,
  revision: 1,
  ...change,
})

export const context: EstateEntryContext = {
  categories: [
    { key: 'finance-erp', name: 'Finance and ERP', addresses: 'foundations' },
    { key: 'waste', name: 'Waste', addresses: 'services' },
  ],
  products: [
    product(1, 'Ledger One', 'finance-erp'),
    product(2, 'Bin Route', 'waste'),
    product(3, 'Ledger Old', 'finance-erp', { status: 'merged', mergedIntoId: 1 }),
    product(4, 'Ledger Two', 'finance-erp', { status: 'proposed' }),
  ],
}

const valid = {
  categoryKey: 'finance-erp',
  productId: 1,
  hosting: 'saas',
  contractEnd: '2028-03-31',
  costBand: '500k-1m',
  shareable: true,
  notes: '  Renewed in 2025  ',
}

const errorsOf = (change: Record<string, unknown>) =>
  checkEstateEntry({ ...valid, ...change }, context).errors.map(e => [e.field, e.message])

describe('checking an estate entry', () => {
  it('takes a complete entry, trimming its notes, and a minimal one with only what is required', () => {
    expect(checkEstateEntry(valid, context).value).toEqual({ ...valid, notes: 'Renewed in 2025' })
    expect(
      checkEstateEntry({ categoryKey: 'waste', productId: '2', hosting: 'on_premises', shareable: false }, context)
        .value,
    ).toEqual({
      categoryKey: 'waste',
      productId: 2,
      hosting: 'on_premises',
      contractEnd: null,
      costBand: null,
      shareable: false,
      notes: null,
    })
  })

  it('allows a product still proposed for the catalogue', () => {
    expect(checkEstateEntry({ ...valid, productId: 4 }, context).errors).toEqual([])
  })

  it('lists every wrong field, in the form’s order', () => {
    expect(
      errorsOf({
        categoryKey: '',
        productId: '',
        hosting: 'cloud',
        contractEnd: '2027-02-30',
        costBand: 'cheap',
        shareable: undefined,
        notes: 'x'.repeat(2001),
      }).map(([field]) => field),
    ).toEqual(['categoryKey', 'productId', 'hosting', 'contractEnd', 'costBand', 'shareable', 'notes'])
  })

  it('says a product of another category must match the entry’s category', () => {
    expect(errorsOf({ productId: 2 })).toEqual([
      [
        'productId',
        '“Bin Route” is in the catalogue under Waste, not Finance and ERP: choose a product from the entry’s category, or change the category',
      ],
    ])
  })

  it('refuses a product not in the catalogue, or merged into another', () => {
    expect(errorsOf({ productId: 99 })).toEqual([['productId', 'There is no product 99 in the catalogue']])
    expect(errorsOf({ productId: 3 })).toEqual([
      ['productId', '“Ledger Old” has been merged into “Ledger One”: choose that instead'],
    ])
    expect(errorsOf({ productId: 'one' })).toEqual([
      ['productId', 'The product must be the whole number of a product in the catalogue'],
    ])
  })

  it('names hosting, dates and cost bands that are not on their lists', () => {
    expect(errorsOf({ hosting: 'cloud' })[0]?.[1]).toMatch(/^The hosting must be one of: on_premises \(On premises\)/)
    expect(errorsOf({ contractEnd: '2207-01-01' })).toEqual([
      ['contractEnd', 'The contract end date must be in a year from 2000 to 2100, not “2207-01-01”'],
    ])
    expect(errorsOf({ contractEnd: '31/03/2028' })).toEqual([
      ['contractEnd', 'The contract end date must be a real date written as YYYY-MM-DD, not “31/03/2028”'],
    ])
    expect(errorsOf({ costBand: 'cheap' })[0]?.[1]).toMatch(/^The cost band must be one of: under-100k/)
  })

  it('asks whether the entry may be shared when it is not said, and refuses text for a yes or no', () => {
    expect(errorsOf({ shareable: undefined })).toEqual([
      ['shareable', 'Select whether other authorities may see that you run this system'],
    ])
    expect(errorsOf({ shareable: 'yes' })).toEqual([['shareable', 'Sharing must be true or false']])
  })

  it('refuses notes that are too long or hold control characters', () => {
    expect(errorsOf({ notes: 'x'.repeat(2001) })).toEqual([['notes', 'The notes must be 2,000 characters or fewer']])
    expect(errorsOf({ notes: 'a\u0000b' })[0]?.[0]).toBe('notes')
    expect(checkEstateEntry({ ...valid, notes: 'x'.repeat(2000) }, context).errors).toEqual([])
  })
})
