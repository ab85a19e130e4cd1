import fc from 'fast-check'
import { countByAuthority, position, worseRating, type RatingCounts } from '../../../src/domain/estate/position'
import { RATINGS } from '../../../src/domain/estate/estate'

const c = (meets: number, partly: number, doesNotMeet: number, notAssessed = 0): RatingCounts => ({
  meets,
  partly,
  doesNotMeet,
  notAssessed,
})

describe('London’s position on a point', () => {
  it.each([
    ['nobody rated it', c(0, 0, 0), 'too_few'],
    ['two rated, both fail: still too few', c(0, 0, 2), 'too_few'],
    ['not assessed does not count as rated', c(0, 0, 2, 5), 'too_few'],
    ['three rated, two fail: more than half', c(1, 0, 2), 'does_not_meet'],
    ['four rated, two fail: exactly half is not more than half', c(2, 0, 2), 'mixed'],
    ['four rated, two meet, two partly: exactly half meets is mixed', c(2, 2, 0), 'mixed'],
    ['three rated, two meet', c(2, 1, 0), 'meets'],
    ['three rated, all partly', c(0, 3, 0), 'mixed'],
    ['five rated, three fail', c(1, 1, 3, 4), 'does_not_meet'],
    ['three meet exactly at the minimum', c(3, 0, 0), 'meets'],
  ])('%s', (_, counts, expected) => {
    expect(position(counts)).toBe(expected)
  })

  it('takes the minimum of raters it is given', () => {
    expect(position(c(0, 0, 2), 2)).toBe('does_not_meet')
    expect(position(c(5, 0, 0), 6)).toBe('too_few')
  })

  it('never says meets and fails at once, and says too few only below the minimum', () => {
    const n = fc.nat(20)
    fc.assert(
      fc.property(n, n, n, n, fc.integer({ min: 1, max: 10 }), (m, p, d, na, min) => {
        const got = position(c(m, p, d, na), min)
        const rated = m + p + d
        expect(got === 'too_few').toBe(rated < min)
        if (got === 'meets') expect(m * 2).toBeGreaterThan(rated)
        if (got === 'does_not_meet') expect(d * 2).toBeGreaterThan(rated)
        if (got === 'mixed') expect(m * 2 <= rated && d * 2 <= rated).toBe(true)
      }),
    )
  })
})

describe('counting ratings per authority', () => {
  it('counts an authority running the product twice once, by its worst rating', () => {
    const counts = countByAuthority(
      [
        { authority: 'A', point: 'p1', rating: 'meets' },
        { authority: 'A', point: 'p1', rating: 'does_not_meet' },
        { authority: 'B', point: 'p1', rating: 'meets' },
        { authority: 'B', point: 'p1', rating: 'not_assessed' },
        { authority: 'C', point: 'p1', rating: 'partly' },
        { authority: 'C', point: 'other', rating: 'partly' },
      ],
      ['p1', 'p2'],
    )
    expect(counts.get('p1')).toEqual(c(1, 1, 1, 0))
    expect(counts.get('p2')).toEqual(c(0, 0, 0, 0))
    expect(counts.has('other')).toBe(false)
  })

  it('ranks a given rating above not assessed, and does not meet worst', () => {
    expect(worseRating('not_assessed', 'meets')).toBe('meets')
    expect(worseRating('partly', 'meets')).toBe('partly')
    expect(worseRating('partly', 'does_not_meet')).toBe('does_not_meet')
    fc.assert(
      fc.property(fc.constantFrom(...RATINGS), fc.constantFrom(...RATINGS), (a, b) => {
        expect(worseRating(a, b)).toBe(worseRating(b, a))
      }),
    )
  })

  it('counts each authority at most once per point', () => {
    const rating = fc.record({
      authority: fc.constantFrom('A', 'B', 'C', 'D'),
      point: fc.constantFrom('p1', 'p2'),
      rating: fc.constantFrom(...RATINGS),
    })
    fc.assert(
      fc.property(fc.array(rating, { maxLength: 30 }), ratings => {
        const counts = countByAuthority(ratings, ['p1', 'p2'])
        for (const point of ['p1', 'p2']) {
          const got = counts.get(point) ?? c(0, 0, 0)
          const total = got.meets + got.partly + got.doesNotMeet + got.notAssessed
          expect(total).toBe(new Set(ratings.filter(r => r.point === point).map(r => r.authority)).size)
        }
      }),
    )
  })
})
