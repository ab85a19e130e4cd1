import fc from 'fast-check'
import { geographicClusters, type Column, type ScoreRow } from '../../../src/domain/insights'
import { LONDON_AUTHORITIES } from '../../../seeds/reference-data'

const gss = (name: string): string => {
  const found = LONDON_AUTHORITIES.find(a => a.name === name)
  if (!found) throw new Error(`${name} is not a London authority`)
  return found.gss
}
const neighbours = new Map(LONDON_AUTHORITIES.map(a => [a.gss, a.neighbours]))
const column = (key: string): Column => ({ key, title: key.toUpperCase() })

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

describe('geographic clusters on the London boundaries', () => {
  const columns = ['data', 'tech', 'people'].map(column)
  const rows = london(columns, {
    // North: Camden–Islington–Hackney. East: Havering, Barking and Dagenham, Redbridge, Bexley. West: Ealing–Hillingdon.
    // Sutton is weak but its neighbours (Croydon, Kingston, Merton) are not. City and Haringey, which touch the
    // north group, have no score and are not weak.
    data: {
      Camden: 1,
      Islington: 2,
      Hackney: 1.5,
      Havering: 1,
      'Barking and Dagenham': 0.5,
      Redbridge: 2,
      Bexley: 1,
      Ealing: 2,
      Hillingdon: 1,
      Sutton: 0,
      'City of London': null,
      Haringey: null,
    },
    tech: { Merton: 1, Sutton: 1 },
    // Islington sits exactly on the threshold: it is not weak, so it does not join Camden to Hackney.
    people: { Camden: 1, Islington: 2.5, Hackney: 1 },
  })
  const found = geographicClusters(columns, rows, { threshold: 2.5, neighbours })

  it('finds each planted group as one component, largest first, then by column order', () => {
    expect(found).toEqual([
      {
        key: 'data',
        title: 'DATA',
        organisations: ['Barking and Dagenham', 'Bexley', 'Havering', 'Redbridge'].map(gss).sort(),
        meanScore: (1 + 0.5 + 2 + 1) / 4,
      },
      { key: 'data', title: 'DATA', organisations: ['Camden', 'Hackney', 'Islington'].map(gss).sort(), meanScore: 1.5 },
      { key: 'data', title: 'DATA', organisations: ['Ealing', 'Hillingdon'].map(gss).sort(), meanScore: 1.5 },
      { key: 'tech', title: 'TECH', organisations: ['Merton', 'Sutton'].map(gss).sort(), meanScore: 1 },
    ])
  })

  it('lists a weak organisation with no weak neighbour nowhere', () => {
    expect(found.filter(c => c.key === 'data').flatMap(c => c.organisations)).not.toContain(gss('Sutton'))
  })

  it('does not join through an organisation that only reaches the threshold', () => {
    expect(found.filter(c => c.key === 'people')).toEqual([])
    const lower = geographicClusters(columns, rows, { threshold: 2.6, neighbours })
    expect(lower.find(c => c.key === 'people')?.organisations).toEqual(
      ['Camden', 'Hackney', 'Islington'].map(gss).sort(),
    )
  })

  it('counts a boundary listed on one side only, and ignores neighbours with no row', () => {
    const oneSided = new Map([
      ['A', ['B', 'Z']],
      ['C', ['B']],
    ])
    const abc = ['A', 'B', 'C', 'D'].map(g => ({ gss: g, cells: [1] }))
    expect(geographicClusters([column('x')], abc, { threshold: 2, neighbours: oneSided })).toEqual([
      { key: 'x', title: 'X', organisations: ['A', 'B', 'C'], meanScore: 1 },
    ])
  })

  it('returns nothing for no rows, no columns or no neighbours', () => {
    expect(geographicClusters(columns, [], { threshold: 2.5, neighbours })).toEqual([])
    expect(geographicClusters([], [{ gss: gss('Camden'), cells: [] }], { threshold: 2.5, neighbours })).toEqual([])
    expect(geographicClusters(columns, rows, { threshold: 2.5, neighbours: new Map() })).toEqual([])
  })

  it('refuses a threshold that is not a finite number, and a table it would misread', () => {
    expect(() => geographicClusters(columns, rows, { threshold: NaN, neighbours })).toThrow(RangeError)
    expect(() => geographicClusters(columns, [...rows, rows[0]!], { threshold: 2, neighbours })).toThrow(/two rows/)
  })
})

describe('geographic clusters, for any map and scores', () => {
  const size = 10
  const scenario = fc.record({
    edges: fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: 20 }),
    scores: fc.array(fc.option(fc.integer({ min: 0, max: 4 })), { minLength: size, maxLength: size }),
    threshold: fc.integer({ min: 0, max: 5 }),
  })

  it('puts every weak organisation with a weak neighbour in exactly one connected cluster of weak organisations', () => {
    fc.assert(
      fc.property(scenario, ({ edges, scores, threshold }) => {
        const name = (i: number) => `G${String(i).padStart(2, '0')}`
        const map = new Map<string, string[]>()
        for (const [a, b] of edges) map.set(name(a), [...(map.get(name(a)) ?? []), name(b)])
        const rows = scores.map((s, i) => ({ gss: name(i), cells: [s] }))
        const weak = (i: number) => scores[i] !== null && scores[i]! < threshold
        const found = geographicClusters([column('x')], rows, { threshold, neighbours: map })
        const linked = (a: number, b: number) =>
          a !== b && edges.some(([x, y]) => (x === a && y === b) || (x === b && y === a))
        const expected = Array.from({ length: size }, (_, i) => i).filter(
          i => weak(i) && Array.from({ length: size }, (_, j) => j).some(j => weak(j) && linked(i, j)),
        )
        expect(found.flatMap(c => c.organisations).sort()).toEqual(expected.map(name))
        for (const cluster of found) {
          const members = cluster.organisations.map(g => Number(g.slice(1)))
          expect(members.length).toBeGreaterThanOrEqual(2)
          // Connected: a walk from the first member over weak links inside the cluster reaches them all.
          const reached = new Set([members[0]!])
          for (let grew = true; grew;) {
            grew = false
            for (const m of members) {
              if (!reached.has(m) && [...reached].some(r => linked(r, m))) {
                reached.add(m)
                grew = true
              }
            }
          }
          expect(reached.size).toBe(members.length)
        }
        expect(found.map(c => c.organisations.length)).toEqual(
          found.map(c => c.organisations.length).sort((a, b) => b - a),
        )
      }),
    )
  })
})
