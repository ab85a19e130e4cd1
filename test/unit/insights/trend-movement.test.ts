import fc from 'fast-check'
import type { Trend, TrendRow } from '../../../src/domain/insights/trend'
import { directionOf, trendMovements } from '../../../src/domain/insights/trend-movement'

const change = (previous: number | null, current: number | null) => ({
  previous,
  current,
  change: previous === null || current === null ? null : current - previous,
})

/** A row that handed in both rounds, with its data score and overall moving as given. */
const row = (gss: string, name: string, data: [number, number], overall: [number, number]): TrendRow => ({
  gss,
  name,
  previousRound: 'scored',
  currentRound: 'scored',
  dimensions: [{ key: 'data', ...change(...data) }],
  overall: change(...overall),
})

const trendOf = (rows: TrendRow[]): Trend => ({
  comparableQuestions: 10,
  leftOut: { split: [], notComparable: [], added: [], removed: [] },
  dimensions: [{ key: 'data', title: 'Data' }],
  rows,
})

describe('which way a change went', () => {
  it('judges a change as the table prints it, to two decimals', () => {
    expect(directionOf(0.5)).toBe('rose')
    expect(directionOf(-0.01)).toBe('fell')
    // Printed as ±0.00, so it is no change, whichever side of zero it fell.
    expect(directionOf(0.004)).toBe('same')
    expect(directionOf(-0.004)).toBe('same')
    expect(directionOf(0)).toBe('same')
  })
})

describe('how the organisations moved', () => {
  const rows: TrendRow[] = [
    row('E1', 'Barnet', [2, 3], [2, 2.5]),
    row('E2', 'Camden', [4, 3], [3, 3]),
    row('E3', 'Ealing', [1, 1], [1, 2]),
    row('E4', 'Hackney', [2, 2.5], [2.5, 2]),
    // Not handed in in the earlier round: no numbers, so neither counted nor in a median.
    {
      gss: 'E5',
      name: 'Harrow',
      previousRound: 'not_scored',
      currentRound: 'scored',
      dimensions: [{ key: 'data', ...change(null, 5) }],
      overall: change(null, 5),
    },
  ]

  it('counts overall first, then each dimension, who rose, fell or stayed, on the organisations with both', () => {
    const [overall, data] = trendMovements(trendOf(rows))
    expect(overall).toMatchObject({ key: 'overall', title: 'Overall', rose: 2, fell: 1, same: 1 })
    expect(data).toMatchObject({ key: 'data', title: 'Data', rose: 2, fell: 1, same: 1 })
    expect(data!.slopes.map(s => [s.name, s.direction])).toEqual([
      ['Barnet', 'rose'],
      ['Camden', 'fell'],
      ['Ealing', 'same'],
      ['Hackney', 'rose'],
    ])
  })

  it('takes the median of each round over the same organisations, halfway between the middle two', () => {
    const [overall, data] = trendMovements(trendOf(rows))
    // Overall earlier: 1, 2, 2.5, 3 -> 2.25; later: 2, 2, 2.5, 3 -> 2.25.
    expect(overall!.median).toEqual({ previous: 2.25, current: 2.25 })
    // Data earlier: 1, 2, 2, 4 -> 2; later: 1, 2.5, 3, 3 -> 2.75.
    expect(data!.median).toEqual({ previous: 2, current: 2.75 })
  })

  it('has no median and no slopes when no organisation handed in both', () => {
    const [overall] = trendMovements(trendOf(rows.slice(4)))
    expect(overall).toMatchObject({ slopes: [], rose: 0, fell: 0, same: 0, median: null })
  })

  it('always counts every slope exactly once, and each median lies within its round’s scores', () => {
    const score = fc.double({ min: 1, max: 5, noNaN: true })
    fc.assert(
      fc.property(fc.array(fc.tuple(score, score), { minLength: 1, maxLength: 40 }), pairs => {
        const [overall] = trendMovements(trendOf(pairs.map((p, i) => row(`E${i}`, `O${i}`, p, p))))
        expect(overall!.rose + overall!.fell + overall!.same).toBe(pairs.length)
        const before = pairs.map(p => p[0])
        expect(overall!.median!.previous).toBeGreaterThanOrEqual(Math.min(...before))
        expect(overall!.median!.previous).toBeLessThanOrEqual(Math.max(...before))
      }),
    )
  })
})
