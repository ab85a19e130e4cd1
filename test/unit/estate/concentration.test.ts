import fc from 'fast-check'
import { concentration, hhi } from '../../../src/domain/estate/concentration'

const uses = (pairs: [string, number][]) => pairs.map(([authority, supplierId]) => ({ authority, supplierId }))

describe('supplier concentration', () => {
  it('gives 3,800 for shares of 50%, 30% and 20%', () => {
    expect(hhi([0.5, 0.3, 0.2])).toBeCloseTo(3800, 6)
    const ten = uses([
      ...['A', 'B', 'C', 'D', 'E'].map((a): [string, number] => [a, 1]),
      ...['F', 'G', 'H'].map((a): [string, number] => [a, 2]),
      ...['I', 'J'].map((a): [string, number] => [a, 3]),
    ])
    const got = concentration(ten)
    expect(got.hhi).toBe(3800)
    expect(got.highlyConcentrated).toBe(true)
    expect(got.authorities).toBe(10)
    expect(got.suppliers).toEqual([
      { supplierId: 1, authorities: 5, share: 0.5 },
      { supplierId: 2, authorities: 3, share: 0.3 },
      { supplierId: 3, authorities: 2, share: 0.2 },
    ])
  })

  it('is not highly concentrated at exactly 2,500, four equal suppliers', () => {
    const got = concentration(
      uses([
        ['A', 1],
        ['B', 2],
        ['C', 3],
        ['D', 4],
      ]),
    )
    expect(got.hhi).toBe(2500)
    expect(got.highlyConcentrated).toBe(false)
  })

  it('splits an authority running two suppliers between them, counting it for both', () => {
    const got = concentration(
      uses([
        ['A', 1],
        ['A', 2],
        ['B', 1],
        ['B', 1],
      ]),
    )
    expect(got.authorities).toBe(2)
    expect(got.suppliers).toEqual([
      { supplierId: 1, authorities: 2, share: 0.75 },
      { supplierId: 2, authorities: 1, share: 0.25 },
    ])
    expect(got.hhi).toBe(6250)
  })

  it('gives 0 and no flag when nobody runs anything', () => {
    expect(concentration([])).toEqual({ authorities: 0, suppliers: [], hhi: 0, highlyConcentrated: false })
  })

  const estate = fc.array(
    fc.record({ authority: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'), supplierId: fc.integer({ min: 1, max: 6 }) }),
    {
      minLength: 1,
      maxLength: 25,
    },
  )

  it('has shares summing to 1 and an index between 10,000/n and 10,000', () => {
    fc.assert(
      fc.property(estate, u => {
        const got = concentration(u)
        const n = got.suppliers.length
        expect(got.suppliers.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 9)
        expect(got.hhi).toBeGreaterThanOrEqual(10000 / n - 0.01)
        expect(got.hhi).toBeLessThanOrEqual(10000)
      }),
    )
  })

  // Products 1–8 of a category; product p is sold by supplier SUPPLIER_OF[p]. Suppliers 1 and 2 sell one product
  // each, supplier 3 sells 3 and 4, supplier 4 sells 5–8: merging a duplicate moves its systems to the product kept.
  const SUPPLIER_OF = [0, 1, 2, 3, 3, 4, 4, 4, 4]
  const systems = fc.array(
    fc.record({ authority: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'), product: fc.integer({ min: 1, max: 8 }) }),
    { minLength: 1, maxLength: 25 },
  )
  const indexOf = (list: readonly { authority: string; product: number }[]) =>
    concentration(list.map(x => ({ authority: x.authority, supplierId: SUPPLIER_OF[x.product]! }))).hhi
  const mergeProducts = (list: readonly { authority: string; product: number }[], from: number, into: number) =>
    list.map(x => (x.product === from ? { ...x, product: into } : x))

  it('never lowers the index when a duplicate product merges into another: its supplier’s only one, or a sibling', () => {
    fc.assert(
      fc.property(systems, fc.constantFrom(1, 2, 3, 5), fc.integer({ min: 1, max: 8 }), (list, from, into) => {
        // From a supplier's only product (1, 2), or into a product of the same supplier (3 into 4, 5 into 6–8).
        fc.pre(SUPPLIER_OF[from] !== SUPPLIER_OF[into] ? from <= 2 : from !== into)
        expect(indexOf(mergeProducts(list, from, into))).toBeGreaterThanOrEqual(indexOf(list) - 0.01)
      }),
    )
  })

  it('never lowers the index when two suppliers (or the products of two) merge', () => {
    fc.assert(
      fc.property(estate, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), (u, into, from) => {
        const merged = u.map(x => (x.supplierId === from ? { ...x, supplierId: into } : x))
        expect(concentration(merged).hhi).toBeGreaterThanOrEqual(concentration(u).hhi - 0.01)
      }),
    )
  })
})
