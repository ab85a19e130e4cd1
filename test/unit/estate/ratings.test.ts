import {
  checkRatings,
  sinceFor,
  standardRefOf,
  summarise,
  summaryInWords,
  withSince,
} from '../../../src/domain/estate/ratings'

const points = [
  { key: 'user-needs', title: 'Understand user needs', description: '' },
  { key: 'team', title: 'Keep a team', description: '' },
  { key: 'agile', title: 'Work in agile ways', description: '' },
]

describe('checking ratings against a standard’s points', () => {
  it('takes the ratings given and counts every point left out as not assessed', () => {
    const result = checkRatings(
      { ratings: { team: 'meets', agile: 'partly' }, evidence: ' Seen it ', revision: 0 },
      points,
    )
    expect(result.errors).toEqual([])
    expect(result.value).toEqual({
      ratings: { 'user-needs': 'not_assessed', team: 'meets', agile: 'partly' },
      evidence: 'Seen it',
      revision: 0,
    })
  })

  it('refuses a point the standard does not have, naming it', () => {
    expect(checkRatings({ ratings: { cloud: 'meets' }, revision: 1 }, points).errors).toEqual([
      { field: '/ratings/cloud', message: 'The standard has no point “cloud”' },
    ])
  })

  it('refuses a rating that is not one of the four, naming the point', () => {
    const { errors } = checkRatings({ ratings: { team: 'great' }, revision: 1 }, points)
    expect(errors).toHaveLength(1)
    expect(errors[0]?.field).toBe('/ratings/team')
    expect(errors[0]?.message).toMatch(/^Point 2 \(Keep a team\): the rating must be one of “meets”/)
  })

  it('keeps evidence to 5000 characters and needs a revision from 0', () => {
    expect(checkRatings({ evidence: 'x'.repeat(5000), revision: '3' }, points).value?.revision).toBe(3)
    expect(checkRatings({ evidence: 'x'.repeat(5001), revision: -1 }, points).errors.map(e => e.field)).toEqual([
      '/evidence',
      '/revision',
    ])
  })

  it('reads the standard named as { key, version }', () => {
    expect(standardRefOf({ key: 'lgdss', version: 1 }).value).toEqual({ key: 'lgdss', version: 1 })
    expect(standardRefOf({ key: '', version: 0 }).errors.map(e => e.field)).toEqual([
      '/standard/key',
      '/standard/version',
    ])
    expect(standardRefOf(undefined).errors.map(e => e.field)).toEqual(['/standard'])
  })
})

describe('since', () => {
  const then = new Date('2026-01-01T00:00:00Z')
  const now = new Date('2026-06-01T00:00:00Z')

  it('is kept while a point’s rating is unchanged, and is now when it changes or is first given', () => {
    expect(sinceFor({ rating: 'meets', since: then }, 'meets', now)).toBe(then)
    expect(sinceFor({ rating: 'meets', since: then }, 'partly', now)).toBe(now)
    expect(sinceFor(undefined, 'meets', now)).toBe(now)
  })

  it('is worked out point by point', () => {
    const previous = {
      team: { rating: 'meets' as const, since: then },
      agile: { rating: 'partly' as const, since: then },
    }
    expect(withSince({ team: 'meets', agile: 'meets', 'user-needs': 'not_assessed' }, previous, now)).toEqual({
      team: { rating: 'meets', since: then },
      agile: { rating: 'meets', since: now },
      'user-needs': { rating: 'not_assessed', since: now },
    })
  })
})

describe('a summary of a system’s ratings', () => {
  it('says how many points are rated and how many do not meet', () => {
    const s = summarise(['meets', 'does_not_meet', 'not_assessed', 'does_not_meet', 'partly'], 15)
    expect(summaryInWords(s)).toBe('4 of 15 points rated; 2 do not meet')
    expect(summaryInWords(summarise(['meets'], 13))).toBe('1 of 13 points rated')
  })
})
