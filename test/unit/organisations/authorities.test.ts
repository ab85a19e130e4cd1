import { checkAuthorityFacts, type AuthorityFacts } from '../../../src/domain/organisation'
import { LONDON_AUTHORITIES } from '../../../seeds/reference-data'

const byName = (name: string): AuthorityFacts => {
  const found = LONDON_AUTHORITIES.find(a => a.name === name)
  if (!found) throw new Error(`${name} missing`)
  return found
}

describe('the 33 London authorities', () => {
  it('are all there, E09000001 City of London to E09000033 Westminster', () => {
    expect(LONDON_AUTHORITIES).toHaveLength(33)
    expect(LONDON_AUTHORITIES.map(a => a.gss)).toEqual(
      Array.from({ length: 33 }, (_, i) => `E090000${String(i + 1).padStart(2, '0')}`),
    )
    expect(byName('City of London').gss).toBe('E09000001')
    expect(byName('Westminster').gss).toBe('E09000033')
  })

  it('pass every reference-data check: unique codes, slugs and tiles, symmetric neighbours', () => {
    expect(checkAuthorityFacts(LONDON_AUTHORITIES)).toEqual([])
  })

  it('have the slugs people will type', () => {
    const slugs = LONDON_AUTHORITIES.map(a => a.slug)
    expect(slugs).toEqual(
      expect.arrayContaining(['barking-and-dagenham', 'city-of-london', 'kingston-upon-thames', 'hackney']),
    )
  })

  it('split 14 inner and 19 outer (ONS statistical Inner London)', () => {
    expect(LONDON_AUTHORITIES.filter(a => a.inner)).toHaveLength(14)
    expect(byName('Haringey').inner).toBe(true)
    expect(byName('Greenwich').inner).toBe(false)
  })

  it.each([
    ['Hackney', 'Islington'],
    ['Havering', 'Barking and Dagenham'],
    ['Westminster', 'Lambeth'],
    ['Croydon', 'Sutton'],
  ])('know that %s and %s share a boundary', (a, b) => {
    expect(byName(a).neighbours).toContain(byName(b).gss)
    expect(byName(b).neighbours).toContain(byName(a).gss)
  })

  it.each([
    ['Havering', 'Hillingdon'],
    ['Bromley', 'Enfield'],
  ])('know that %s and %s do not', (a, b) => {
    expect(byName(a).neighbours).not.toContain(byName(b).gss)
  })
})

describe('checkAuthorityFacts', () => {
  const base = (): AuthorityFacts[] => [
    {
      gss: 'E09000001',
      name: 'A',
      officialName: 'A',
      slug: 'a',
      inner: true,
      tile: { x: 0, y: 0 },
      neighbours: ['E09000002'],
    },
    {
      gss: 'E09000002',
      name: 'B',
      officialName: 'B',
      slug: 'b',
      inner: true,
      tile: { x: 1, y: 0 },
      neighbours: ['E09000001'],
    },
  ]

  it('finds a one-sided neighbour', () => {
    const facts = base()
    facts[1]!.neighbours = []
    expect(checkAuthorityFacts(facts)).toEqual(['E09000001: neighbour E09000002 does not list it back'])
  })

  it('finds clashing tiles, slugs and codes, and tiles off the grid', () => {
    const facts = base()
    facts[1] = { ...facts[1]!, gss: 'E09000001', slug: 'a', tile: { x: 0, y: 0 } }
    facts.push({
      gss: 'E09000003',
      name: 'C',
      officialName: 'C',
      slug: 'C c',
      inner: false,
      tile: { x: 8, y: 0 },
      neighbours: ['E09000003'],
    })
    expect(checkAuthorityFacts(facts)).toEqual(
      expect.arrayContaining([
        'E09000001: GSS code listed twice',
        'E09000001: slug "a" listed twice',
        'E09000001: tile 0,0 already taken',
        'E09000003: slug "C c" is not lower-case and hyphenated',
        'E09000003: tile 8,0 is off the 8×7 grid',
        'E09000003: lists itself as a neighbour',
      ]),
    )
  })
})
