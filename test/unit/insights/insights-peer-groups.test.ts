import fc from 'fast-check'
import { peerGroups, type ProfileRow } from '../../../src/domain/insights'

const DIMENSIONS = ['strategy', 'data', 'tech', 'people', 'cloud']

describe('peer groups on the hand-worked example', () => {
  // The six points on a line of insights-hierarchical.test.ts, as one-dimension profiles: cut into three,
  // the tree gives {a,b,c} at 0 1 3, {d,e} at 10 11.5 and {f} at 30.
  const rows: ProfileRow[] = [
    { gss: 'F', profile: [30] },
    { gss: 'A', profile: [0] },
    { gss: 'E', profile: [11.5] },
    { gss: 'B', profile: [1] },
    { gss: 'D', profile: [10] },
    { gss: 'C', profile: [3] },
  ]

  it('cuts into k groups, weakest first, members sorted, with their mean profile', () => {
    expect(peerGroups(rows, ['data'], 3)).toEqual([
      { organisations: ['A', 'B', 'C'], meanProfile: { data: 4 / 3 }, weakestDimension: 'data', meanScore: 4 / 3 },
      { organisations: ['D', 'E'], meanProfile: { data: 10.75 }, weakestDimension: 'data', meanScore: 10.75 },
      { organisations: ['F'], meanProfile: { data: 30 }, weakestDimension: 'data', meanScore: 30 },
    ])
  })

  it('makes four groups unless told otherwise, and one when k is 1', () => {
    expect(peerGroups(rows, ['data']).map(g => g.organisations)).toEqual([['A', 'B'], ['C'], ['D', 'E'], ['F']])
    expect(peerGroups(rows, ['data'], 1).map(g => g.organisations)).toEqual([['A', 'B', 'C', 'D', 'E', 'F']])
  })
})

describe('peer groups on planted profiles', () => {
  // Members of a group of three differ by -0.1, 0 and +0.1 in each dimension, so the group's mean is its base.
  const profile = (base: readonly number[], wobble: number) => base.map((v, d) => v + (((d + wobble) % 3) - 1) * 0.1)
  // Three kinds of borough: weak on data and people, strong all round, and middling but weak on cloud.
  const dataPoor = [2, 1, 2.5, 1.5, 2.5]
  const strong = [4.4, 4.6, 4.6, 4.5, 4.7]
  const cloudPoor = [3.5, 3.5, 3.5, 3.5, 1.5]
  const rows: ProfileRow[] = [
    ...['E09000005', 'E09000012', 'E09000025', 'E09000031'].map((gss, i) => ({ gss, profile: profile(dataPoor, i) })),
    ...['E09000001', 'E09000033', 'E09000020'].map((gss, i) => ({ gss, profile: profile(strong, i) })),
    ...['E09000029', 'E09000024', 'E09000021'].map((gss, i) => ({ gss, profile: profile(cloudPoor, i) })),
    // Missing a dimension: left out rather than guessed at.
    { gss: 'E09000002', profile: [1, 1, null, 1, 1] },
  ]
  const groups = peerGroups(rows, DIMENSIONS, 3)

  it('recovers the planted groups exactly, weakest group first', () => {
    expect(groups.map(g => g.organisations)).toEqual([
      ['E09000005', 'E09000012', 'E09000025', 'E09000031'],
      ['E09000021', 'E09000024', 'E09000029'],
      ['E09000001', 'E09000020', 'E09000033'],
    ])
  })

  it('names each group’s weakest dimension and its mean profile', () => {
    expect(groups.map(g => g.weakestDimension)).toEqual(['data', 'cloud', 'strategy'])
    expect(groups[2]?.meanProfile).toEqual({
      strategy: expect.closeTo(4.4, 12),
      data: expect.closeTo(4.6, 12),
      tech: expect.closeTo(4.6, 12),
      people: expect.closeTo(4.5, 12),
      cloud: expect.closeTo(4.7, 12),
    })
    expect(groups[2]?.meanScore).toBeCloseTo(4.56, 12)
  })

  it('breaks a tie for weakest dimension by dimension order', () => {
    const flat = peerGroups([{ gss: 'X', profile: [3, 2, 2, 4, 2] }], DIMENSIONS)
    expect(flat).toEqual([
      {
        organisations: ['X'],
        meanProfile: { strategy: 3, data: 2, tech: 2, people: 4, cloud: 2 },
        weakestDimension: 'data',
        meanScore: 2.6,
      },
    ])
  })

  it('makes no more groups than there are complete profiles, and none from none', () => {
    expect(peerGroups(rows.slice(0, 2), DIMENSIONS, 4)).toHaveLength(2)
    expect(peerGroups([], DIMENSIONS)).toEqual([])
    expect(peerGroups([{ gss: 'X', profile: [] }], [])).toEqual([])
    expect(peerGroups([{ gss: 'X', profile: [null, null, null, null, null] }], DIMENSIONS)).toEqual([])
  })

  it('orders groups of equal mean by their first member’s row, and keeps identical profiles together', () => {
    const same = ['B', 'A', 'C'].map(gss => ({ gss, profile: [2, 3] }))
    expect(peerGroups(same, ['x', 'y'], 2).map(g => g.organisations)).toEqual([['A', 'B'], ['C']])
  })

  it.each([
    ['k of 0', () => peerGroups(rows, DIMENSIONS, 0), /k must be a whole number of at least 1, not 0/],
    ['a fractional k', () => peerGroups(rows, DIMENSIONS, 2.5), /k must be a whole number/],
    ['a dimension twice', () => peerGroups([], ['data', 'data']), /Dimension data is listed twice/],
    ['an organisation twice', () => peerGroups([rows[0]!, rows[0]!], DIMENSIONS), /E09000005 has two rows/],
    ['a short profile', () => peerGroups([{ gss: 'X', profile: [1] }], DIMENSIONS), /X has 1 scores for 5 dimensions/],
    ['a score that is not a number', () => peerGroups([{ gss: 'X', profile: [NaN] }], ['data']), /X has NaN/],
  ])('refuses %s', (_name, run, message) => {
    expect(run).toThrow(RangeError)
    expect(run).toThrow(message)
  })
})

describe('peer groups, for any profiles', () => {
  const scenario = fc.record({
    profiles: fc.array(
      fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { freq: 8 }), { minLength: 3, maxLength: 3 }),
      {
        maxLength: 20,
      },
    ),
    k: fc.integer({ min: 1, max: 25 }),
  })

  it('partitions the complete profiles into min(k, n) groups ordered by mean, each weakest dimension its lowest', () => {
    fc.assert(
      fc.property(scenario, ({ profiles, k }) => {
        const rows = profiles.map((profile, i) => ({ gss: `G${String(i).padStart(2, '0')}`, profile }))
        const complete = rows.filter(r => r.profile.every(s => s !== null)).map(r => r.gss)
        const groups = peerGroups(rows, ['a', 'b', 'c'], k)
        expect(groups).toHaveLength(Math.min(k, complete.length))
        expect(groups.flatMap(g => g.organisations).sort()).toEqual(complete)
        for (const g of groups) {
          expect(g.organisations).toEqual([...g.organisations].sort())
          const means = Object.values(g.meanProfile)
          expect(g.meanProfile[g.weakestDimension]).toBe(Math.min(...means))
        }
        expect(groups.map(g => g.meanScore)).toEqual(groups.map(g => g.meanScore).sort((a, b) => a - b))
      }),
    )
  })
})
