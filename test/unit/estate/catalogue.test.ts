import fc from 'fast-check'
import {
  checkProposal,
  existingProduct,
  matchSupplier,
  mergeRefusal,
  NAME_MAX_LENGTH,
} from '../../../src/domain/estate/catalogue'
import type { Product, Supplier } from '../../../src/domain/estate/estate'

const CATEGORIES = ['finance-erp', 'hr-payroll']

const product = (id: number, change: Partial<Product> = {}): Product => ({
  id,
  name: `Product ${id}`,
  supplier: { id: 1, name: 'Wrenfield4' },
  categoryKey: 'finance-erp',
  status: 'approved',
  mergedIntoId: null,
  revision: 1,
  ...change,
})

describe('checking a product proposal', () => {
  it('trims the names and keeps the category', () => {
    expect(
      checkProposal({ name: '  Oakmere ', supplier: '\tWrenfield4 ', category: 'finance-erp' }, CATEGORIES),
    ).toEqual({
      value: { name: 'Oakmere', supplier: 'Wrenfield4', categoryKey: 'finance-erp' },
    })
  })

  it('says what is missing, against each field', () => {
    expect(checkProposal({ name: '   ' }, CATEGORIES).errors).toEqual([
      { field: 'name', message: 'Enter the product’s name' },
      { field: 'supplier', message: 'Enter the supplier’s name' },
      { field: 'category', message: 'Choose the product’s category' },
    ])
  })

  it('refuses a name over the limit, control characters, text that is not text and unknown categories', () => {
    const result = checkProposal(
      { name: 'x'.repeat(NAME_MAX_LENGTH + 1), supplier: 'Acme\u0000', category: 'housing' },
      CATEGORIES,
    )
    expect(result.errors).toEqual([
      { field: 'name', message: 'The product’s name must be 200 characters or fewer' },
      {
        field: 'supplier',
        message: 'The supplier’s name must not contain control or broken characters; retype it rather than pasting',
      },
      { field: 'category', message: 'Choose a category from the list' },
    ])
    expect(checkProposal({ name: 42, supplier: ['a'], category: 'finance-erp' }, CATEGORIES).errors).toEqual([
      { field: 'name', message: 'The product’s name must be text' },
      { field: 'supplier', message: 'The supplier’s name must be text' },
    ])
    expect(
      checkProposal({ name: 'x'.repeat(NAME_MAX_LENGTH), supplier: 'A', category: 'hr-payroll' }, CATEGORIES).value,
    ).toBeDefined()
  })

  it('checks the length before anything else, so a long pasted name gets the length message', () => {
    const long = `${'x'.repeat(NAME_MAX_LENGTH)}\u0007`
    expect(checkProposal({ name: long, supplier: 'A', category: 'finance-erp' }, CATEGORIES).errors).toEqual([
      { field: 'name', message: 'The product’s name must be 200 characters or fewer' },
    ])
  })

  it('either accepts a proposal or says what is wrong, whatever it is sent', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (name, supplier, category) => {
        const result = checkProposal({ name, supplier, category }, CATEGORIES)
        if (result.value) {
          expect(result.value.name.length).toBeGreaterThan(0)
          expect(result.value.name.length).toBeLessThanOrEqual(NAME_MAX_LENGTH)
          expect(CATEGORIES).toContain(result.value.categoryKey)
        } else expect(result.errors.length).toBeGreaterThan(0)
      }),
    )
  })
})

describe('matching a supplier by name', () => {
  const suppliers: Supplier[] = [
    { id: 1, name: 'Wrenfield4', aliases: ['Wrenfield 4 Business Software', 'Oakmere Ltd'] },
    { id: 2, name: 'Fernhollow', aliases: [] },
  ]

  it('finds a supplier by its name or any alias, whatever the case and spacing', () => {
    expect(matchSupplier('WRENFIELD4', suppliers)?.id).toBe(1)
    expect(matchSupplier('  wrenfield 4   business software ', suppliers)?.id).toBe(1)
    expect(matchSupplier('oakmere ltd', suppliers)?.id).toBe(1)
    expect(matchSupplier('fernhollow', suppliers)?.id).toBe(2)
  })

  it('finds none for a name no supplier answers to', () => {
    expect(matchSupplier('Fernhollow UK', suppliers)).toBeUndefined()
    expect(matchSupplier('Unit', suppliers)).toBeUndefined()
  })

  it('prefers a supplier’s own name to another’s alias', () => {
    const both: Supplier[] = [
      { id: 1, name: 'SAP', aliases: ['SAP SE'] },
      { id: 2, name: 'SAP SE', aliases: [] },
    ]
    expect(matchSupplier('sap se', both)?.id).toBe(2)
  })
})

describe('finding a product already in the catalogue', () => {
  it('matches the same name from the same supplier, whatever the case', () => {
    const products = [product(1, { name: 'Oakmere' }), product(2, { name: 'Oakmere', supplier: { id: 2, name: 'X' } })]
    expect(existingProduct({ name: 'OAKMERE' }, 1, products)?.id).toBe(1)
    expect(existingProduct({ name: 'Oakmere Cloud' }, 1, products)).toBeUndefined()
    expect(existingProduct({ name: 'Oakmere' }, 3, products)).toBeUndefined()
  })

  it('points from a merged product to the one it joined, however many merges away', () => {
    const products = [
      product(1, { name: 'Old', status: 'merged', mergedIntoId: 2 }),
      product(2, { name: 'Middle', status: 'merged', mergedIntoId: 3 }),
      product(3, { name: 'Current' }),
    ]
    expect(existingProduct({ name: 'old' }, 1, products)?.id).toBe(3)
  })
})

describe('whether one product can be merged into another', () => {
  it('allows two products of the same category', () => {
    expect(mergeRefusal(product(1), product(2))).toBeNull()
  })

  it('refuses itself, a merged product, a missing one and another category, saying why', () => {
    expect(mergeRefusal(product(1), product(1))?.message).toBe('A product cannot be merged into itself')
    expect(mergeRefusal(product(1), product(2, { status: 'merged', mergedIntoId: 3 }))?.message).toBe(
      'Product 2 has been merged into another product; choose that one instead',
    )
    expect(mergeRefusal(product(1), undefined)?.message).toBe('Choose a product from the catalogue to merge into')
    expect(mergeRefusal(product(1), product(2, { categoryKey: 'hr-payroll' }))?.message).toBe(
      'Only products in the same category can be merged; change the category first',
    )
    expect(mergeRefusal(product(1, { status: 'merged', mergedIntoId: 2 }), product(2))?.message).toBe(
      'Product 1 has already been merged',
    )
  })
})
