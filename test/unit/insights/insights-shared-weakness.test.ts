import fc from 'fast-check'
import { sharedWeakness, type Column, type ScoreRow } from '../../../src/domain/insights'
import { LONDON_AUTHORITIES } from '../../../seeds/reference-data'

const gss = (name: string): string => {
  const found = LONDON_AUTHORITIES.find(a => a.name === name)
  if (!found) throw new Error(`${name} is not a London authority`)
  return found.gss
}

const column = (key: string): Column => ({ key, title: key.toUpperCase() })

/** All 33 authorities scoring `base` everywhere except the planted scores, given by column then name. */
function london(
  columns: readonly Column[],
  planted: Record<string, Record<string, number | null>>,
  base = 3,
): ScoreRow[] {
  return LONDON_AUTHORITIES.map(a => ({
    gss: a.gss,
    cells: columns.map(c => {
      const here = planted[c.key] ?? {}
      return a.name in here ? (here[a.name] ?? null) : base
    }),
  }))
}

describe('shared weakness on planted data', () => {
  const columns = ['data', 'tech', 'people', 'cloud', 'skills'].map(column)
  const rows = london(columns, {
    data: { Croydon: 0.5, Hackney: 1, Newham: 1.5, Brent: 2, Ealing: 2, Sutton: 2.4, Camden: 2.5, Harrow: null },
    tech: { Barnet: 2, Bexley: 2, Bromley: 2 },
    people: { Enfield: 1, Lewisham: 1, Merton: 1 },
    cloud: { Enfield: 1, Lewisham: 1, Merton: 1 },
    skills: { Hounslow: 0, Lambeth: 0 },
  })
  const options = {
    threshold: 2.5,
    partnerships: [[gss('Brent'), gss('Ealing'), gss('Harrow')]],
    totalOrganisations: 33,
  }

  it('finds the six weak on data, weakest first, with their mean, share and buyers', () => {
    const [data] = sharedWeakness(columns, rows, options)
    expect(data).toEqual({
      key: 'data',
      title: 'DATA',
      // Brent and Ealing tie at 2: Brent's row comes first. Camden at exactly 2.5 and Harrow with no score are not weak.
      organisations: ['Croydon', 'Hackney', 'Newham', 'Brent', 'Ealing', 'Sutton'].map(gss),
      meanScore: expect.closeTo((0.5 + 1 + 1.5 + 2 + 2 + 2.4) / 6, 12),
      // Brent and Ealing share a service and buy once.
      buyers: 5,
      share: 6 / 33,
    })
  })

  it('ranks by how many, then by mean score, then by column order, and leaves out groups under minSize', () => {
    expect(sharedWeakness(columns, rows, options).map(w => [w.key, w.organisations.length])).toEqual([
      ['data', 6],
      ['people', 3],
      ['cloud', 3],
      ['tech', 3],
    ])
  })

  it('lists smaller groups when minSize allows', () => {
    const found = sharedWeakness(columns, rows, { ...options, minSize: 2 })
    expect(found.at(-1)).toMatchObject({
      key: 'skills',
      organisations: [gss('Hounslow'), gss('Lambeth')],
      meanScore: 0,
    })
    expect(sharedWeakness(columns, rows, { ...options, minSize: 7 })).toEqual([])
  })

  it('counts a score equal to the threshold as reached: strictly below is weak', () => {
    const found = sharedWeakness(columns, rows, { ...options, threshold: 2 })
    expect(found.find(w => w.key === 'data')?.organisations).toEqual(['Croydon', 'Hackney', 'Newham'].map(gss))
    expect(found.find(w => w.key === 'tech')).toBeUndefined()
  })

  it('takes the share of the organisations it is told about, such as those in the round', () => {
    const [data] = sharedWeakness(columns, rows, { ...options, totalOrganisations: 40 })
    expect(data?.share).toBe(6 / 40)
  })

  it('returns nothing for no rows or no columns', () => {
    expect(sharedWeakness(columns, [], { ...options, totalOrganisations: 0 })).toEqual([])
    expect(sharedWeakness([], [{ gss: 'E09000001', cells: [] }], options)).toEqual([])
  })

  it.each([
    ['a threshold that is not a number', { threshold: NaN }, /threshold must be a number, not NaN/],
    ['an infinite threshold', { threshold: Infinity }, /threshold must be a number/],
    ['minSize 0', { minSize: 0 }, /minSize must be a whole number of at least 1, not 0/],
    ['a fractional minSize', { minSize: 2.5 }, /minSize must be a whole number/],
    ['fewer organisations in total than rows', { totalOrganisations: 32 }, /no smaller than the 33 rows, not 32/],
  ])('refuses %s', (_name, change, message) => {
    expect(() => sharedWeakness(columns, rows, { ...options, ...change })).toThrow(RangeError)
    expect(() => sharedWeakness(columns, rows, { ...options, ...change })).toThrow(message)
  })

  it.each([
    ['a repeated column', [column('a'), column('a')], [], /Column a is listed twice/],
    [
      'a repeated organisation',
      [column('a')],
      [
        { gss: 'X', cells: [1] },
        { gss: 'X', cells: [2] },
      ],
      /X has two rows/,
    ],
    ['a short row', [column('a'), column('b')], [{ gss: 'X', cells: [1] }], /X has 1 cells for 2 columns/],
    ['a score that is not a number', [column('a')], [{ gss: 'X', cells: [NaN] }], /X has NaN in cell 1/],
  ])('refuses a table with %s', (_name, cols: Column[], tableRows: ScoreRow[], message) => {
    expect(() => sharedWeakness(cols, tableRows, { ...options, totalOrganisations: 33 })).toThrow(message)
  })
})

describe('shared weakness, for any table', () => {
  const table = fc.integer({ min: 0, max: 4 }).chain(width =>
    fc.record({
      width: fc.constant(width),
      cells: fc.array(
        fc.array(fc.option(fc.integer({ min: 0, max: 8 }).map(v => v / 2)), { minLength: width, maxLength: width }),
        {
          maxLength: 12,
        },
      ),
      threshold: fc.integer({ min: 0, max: 8 }).map(v => v / 2),
      minSize: fc.integer({ min: 1, max: 4 }),
    }),
  )

  it('lists exactly the columns with at least minSize organisations strictly below, each ordered and ranked', () => {
    fc.assert(
      fc.property(table, ({ width, cells, threshold, minSize }) => {
        const columns = Array.from({ length: width }, (_, c) => column(`c${c}`))
        const rows = cells.map((row, r) => ({ gss: `G${r}`, cells: row }))
        const found = sharedWeakness(columns, rows, { threshold, minSize, partnerships: [], totalOrganisations: 12 })
        const expectedKeys = columns
          .filter((_, c) => rows.filter(r => r.cells[c] !== null && r.cells[c]! < threshold).length >= minSize)
          .map(c => c.key)
        expect(found.map(w => w.key).sort()).toEqual(expectedKeys)
        for (const w of found) {
          const c = columns.findIndex(col => col.key === w.key)
          const scores = w.organisations.map(g => rows.find(r => r.gss === g)!.cells[c]!)
          expect(scores.every(s => s < threshold)).toBe(true)
          expect(scores).toEqual([...scores].sort((a, b) => a - b))
          expect(w.buyers).toBe(w.organisations.length)
          expect(w.share).toBe(w.organisations.length / 12)
        }
        for (let i = 1; i < found.length; i++) {
          const [a, b] = [found[i - 1]!, found[i]!]
          const rank = (w: typeof a) => [-w.organisations.length, w.meanScore, columns.findIndex(c => c.key === w.key)]
          const [x, y] = [rank(a), rank(b)]
          const firstDifference = x.findIndex((v, i) => v !== y[i])
          expect(firstDifference).toBeGreaterThanOrEqual(0)
          expect(x[firstDifference]!).toBeLessThan(y[firstDifference]!)
        }
      }),
    )
  })
})
