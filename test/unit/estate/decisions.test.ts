import fc from 'fast-check'
import type { AnalysedRating } from '../../../src/domain/estate/analysis'
import { estateDecisions } from '../../../src/domain/estate/decisions'
import type { Rating } from '../../../src/domain/estate/estate'

const window = { from: '2026-12-07', to: '2028-12-07' }
let nextId = 1
const entry = (organisation: string, categoryKey: string, contractEnd: string | null) => ({
  entryId: nextId++,
  organisation,
  categoryKey,
  contractEnd,
})
const rating = (entryId: number, point: string, value: Rating, standardVersionId = 1): AnalysedRating => ({
  entryId,
  standardVersionId,
  point,
  rating: value,
  since: new Date('2026-01-01'),
})
const standard = (id: number, title: string, points: string[]) => ({
  id,
  title,
  definition: {
    key: `s${id}`,
    version: 1,
    title,
    source: 'Invented for the test',
    points: points.map(key => ({ key, title: key.toUpperCase(), description: '' })),
  },
})
const code = standard(1, 'Code', ['users', 'open', 'cloud'])

describe('the decisions coming on the estate', () => {
  it('counts each authority once per category, only for contracts ending inside the window', () => {
    const entries = [
      entry('E09000007', 'finance', '2027-03-31'),
      entry('E09000007', 'finance', '2028-01-31'),
      entry('E09000029', 'finance', '2028-12-07'),
      entry('E09000003', 'finance', '2028-12-08'),
      entry('E09000004', 'finance', '2026-12-06'),
      entry('E09000005', 'finance', null),
      entry('E09000008', 'hr', '2027-06-30'),
    ]
    const [finance, hr, ...rest] = estateDecisions(entries, [], [code], window, [])
    expect(rest).toEqual([])
    expect(finance?.categoryKey).toBe('finance')
    expect(finance?.organisations).toEqual(['E09000007', 'E09000029'])
    expect(finance?.systems.map(s => s.contractEnd)).toEqual(['2027-03-31', '2028-01-31', '2028-12-07'])
    expect([finance?.earliest, finance?.latest]).toEqual(['2027-03-31', '2028-12-07'])
    expect(hr?.organisations).toEqual(['E09000008'])
    expect([hr?.earliest, hr?.latest]).toEqual(['2027-06-30', '2027-06-30'])
  })

  it('puts the category with most authorities first, then by key', () => {
    const entries = [
      entry('E09000001', 'b-cat', '2027-01-01'),
      entry('E09000002', 'c-cat', '2027-01-01'),
      entry('E09000003', 'c-cat', '2027-01-01'),
      entry('E09000004', 'a-cat', '2027-01-01'),
    ]
    expect(estateDecisions(entries, [], [], window, []).map(d => d.categoryKey)).toEqual(['c-cat', 'a-cat', 'b-cat'])
  })

  it('counts a partnership chain as one buyer', () => {
    const entries = ['E09000001', 'E09000002', 'E09000003', 'E09000004'].map(gss => entry(gss, 'finance', '2027-05-01'))
    const partnerships = [
      ['E09000001', 'E09000009'],
      ['E09000009', 'E09000002'],
    ]
    const [finance] = estateDecisions(entries, [], [], window, partnerships)
    expect(finance?.buyers).toBe(3)
  })

  it('names the point most authorities fail, counting an authority once however many systems it runs', () => {
    const camden = entry('E09000007', 'finance', '2027-09-30')
    const camdenToo = entry('E09000007', 'finance', '2027-10-31')
    const sutton = entry('E09000029', 'finance', '2027-09-30')
    const bexley = entry('E09000004', 'finance', '2028-01-31')
    const ratings = [
      rating(camden.entryId, 'users', 'does_not_meet'),
      rating(camdenToo.entryId, 'users', 'does_not_meet'),
      rating(sutton.entryId, 'open', 'does_not_meet'),
      rating(bexley.entryId, 'open', 'does_not_meet'),
      rating(camden.entryId, 'cloud', 'partly'),
    ]
    const [finance] = estateDecisions([camden, camdenToo, sutton, bexley], ratings, [code], window, [])
    expect(finance?.worstPoint).toEqual({
      key: 'open',
      title: 'OPEN',
      standardTitle: 'Code',
      number: 2,
      failing: 2,
    })
  })

  it('leaves out the ratings of systems whose contracts run on past the window', () => {
    const ending = entry('E09000007', 'finance', '2027-09-30')
    const later = entry('E09000029', 'finance', '2030-01-01')
    const laterToo = entry('E09000004', 'finance', '2030-01-01')
    const ratings = [
      rating(ending.entryId, 'users', 'does_not_meet'),
      rating(later.entryId, 'open', 'does_not_meet'),
      rating(laterToo.entryId, 'open', 'does_not_meet'),
    ]
    const [finance] = estateDecisions([ending, later, laterToo], ratings, [code], window, [])
    expect(finance?.worstPoint?.key).toBe('users')
    expect(finance?.worstPoint?.failing).toBe(1)
  })

  it('names no point where nothing is rated as not meeting, and on a tie the first standard’s first', () => {
    const a = entry('E09000001', 'finance', '2027-01-01')
    const b = entry('E09000002', 'finance', '2027-01-01')
    const other = standard(2, 'Other', ['open'])
    const partly = [rating(a.entryId, 'open', 'partly'), rating(b.entryId, 'users', 'meets')]
    expect(estateDecisions([a, b], partly, [code, other], window, [])[0]?.worstPoint).toBeUndefined()
    const tied = [
      rating(a.entryId, 'open', 'does_not_meet', 2),
      rating(a.entryId, 'cloud', 'does_not_meet', 1),
      rating(b.entryId, 'open', 'does_not_meet', 1),
    ]
    expect(estateDecisions([a, b], tied, [code, other], window, [])[0]?.worstPoint).toMatchObject({
      standardTitle: 'Code',
      key: 'open',
      failing: 1,
    })
  })

  it('never counts more failing authorities than are deciding, nor more buyers', () => {
    const gss = fc.constantFrom('E09000001', 'E09000002', 'E09000003', 'E09000004')
    fc.assert(
      fc.property(
        fc.array(fc.record({ gss, category: fc.constantFrom('a', 'b'), ends: fc.boolean() }), { maxLength: 12 }),
        fc.array(fc.record({ at: fc.nat(11), point: fc.constantFrom('users', 'open') }), { maxLength: 12 }),
        (rows, failures) => {
          const entries = rows.map(r => entry(r.gss, r.category, r.ends ? '2027-06-30' : '2031-06-30'))
          const ratings = failures.flatMap(f => {
            const e = entries[f.at]
            return e ? [rating(e.entryId, f.point, 'does_not_meet')] : []
          })
          for (const d of estateDecisions(entries, ratings, [code], window, [])) {
            expect(d.organisations.length).toBeGreaterThan(0)
            expect(d.buyers).toBe(d.organisations.length)
            expect(d.worstPoint?.failing ?? 0).toBeLessThanOrEqual(d.organisations.length)
            expect(d.systems.every(s => s.categoryKey === d.categoryKey && s.contractEnd === '2027-06-30')).toBe(true)
          }
        },
      ),
    )
  })
})
