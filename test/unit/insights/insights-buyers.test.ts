import fc from 'fast-check'
import { distinctBuyers } from '../../../src/domain/insights'

describe('distinct buyers', () => {
  it.each([
    ['no organisations', [], [], 0],
    ['each organisation alone', ['A', 'B', 'C'], [], 3],
    ['a partnership buys once', ['A', 'B', 'C'], [['A', 'B']], 2],
    ['an organisation listed twice counts once', ['A', 'A', 'B'], [], 2],
    ['partnership members not listed do not count', ['A'], [['A', 'X', 'Y']], 1],
    [
      'overlapping partnerships chain into one buyer',
      ['A', 'B', 'C'],
      [
        ['A', 'B'],
        ['B', 'C'],
      ],
      1,
    ],
    [
      'a chain through an organisation not listed still joins',
      ['A', 'B'],
      [
        ['A', 'X'],
        ['X', 'B'],
      ],
      1,
    ],
    [
      'separate partnerships stay separate',
      ['A', 'B', 'C', 'D'],
      [
        ['A', 'B'],
        ['C', 'D'],
      ],
      2,
    ],
    ['an empty or one-member partnership joins nothing', ['A', 'B'], [[], ['A']], 2],
  ])('%s', (_name, organisations: string[], partnerships: string[][], expected: number) => {
    expect(distinctBuyers(organisations, partnerships)).toBe(expected)
  })

  const names = fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G')
  const lists = fc.record({
    organisations: fc.array(names, { maxLength: 10 }),
    partnerships: fc.array(fc.array(names, { maxLength: 4 }), { maxLength: 4 }),
  })

  it('is between 1 and the number of distinct organisations, which it equals with no partnerships', () => {
    fc.assert(
      fc.property(lists, ({ organisations, partnerships }) => {
        const distinct = new Set(organisations).size
        const buyers = distinctBuyers(organisations, partnerships)
        expect(buyers).toBeLessThanOrEqual(distinct)
        expect(buyers).toBeGreaterThanOrEqual(Math.min(distinct, 1))
        expect(distinctBuyers(organisations, [])).toBe(distinct)
      }),
    )
  })

  it('never grows when a partnership is added, and one partnership of everyone makes one buyer', () => {
    fc.assert(
      fc.property(lists, fc.array(names, { maxLength: 4 }), ({ organisations, partnerships }, extra) => {
        const before = distinctBuyers(organisations, partnerships)
        expect(distinctBuyers(organisations, [...partnerships, extra])).toBeLessThanOrEqual(before)
        if (organisations.length > 0) expect(distinctBuyers(organisations, [organisations])).toBe(1)
      }),
    )
  })
})
