import type { PipelineCategory, Status } from '../../../src/domain/pipeline/entry'
import {
  opportunities,
  parseWindowMonths,
  weaknessJoin,
  type PlannedEntry,
} from '../../../src/domain/pipeline/opportunities'
import { similarPlans, type ShareableEntry } from '../../../src/domain/pipeline/similar'
import { windowFrom } from '../../../src/domain/pipeline/window'

const CATEGORIES: PipelineCategory[] = [
  { key: 'finance-erp', name: 'Finance and ERP', addresses: 'foundations' },
  { key: 'data-platform', name: 'Data platform and analytics', addresses: 'data' },
  { key: 'other', name: 'Other', addresses: null },
]

let nextId = 1
const entry = (
  organisation: string,
  categoryKey: string,
  dates: { end?: string; start?: string },
  more: Partial<ShareableEntry> = {},
): ShareableEntry => ({
  id: nextId++,
  organisation,
  categoryKey,
  contractEnd: dates.end ?? null,
  plannedStart: dates.start ?? null,
  status: 'planned',
  addresses: null,
  shareable: false,
  ...more,
})

const TWO_YEARS = windowFrom('2026-11-27', 24)
const found = (entries: PlannedEntry[], window = TWO_YEARS, partnerships: string[][] = []) =>
  opportunities(entries, CATEGORIES, window, partnerships)
const organisationsIn = (entries: PlannedEntry[], window = TWO_YEARS) => found(entries, window)[0]?.organisations ?? []

describe('the window’s edges', () => {
  it.each([
    ['on the window’s first day (today)', '2026-11-27', true],
    ['the day before today', '2026-11-26', false],
    ['on the window’s last day', '2028-11-27', true],
    ['a day after the last day', '2028-11-28', false],
  ])('takes a contract ending %s: %s', (_, end, inside) => {
    expect(organisationsIn([entry('A', 'finance-erp', { end })])).toEqual(inside ? ['A'] : [])
  })

  it.each([
    ['a month from 31 January ends on 28 February', '2027-01-31', 1, '2027-02-28', '2027-03-01'],
    ['a month from 31 January in a leap year ends on 29 February', '2028-01-31', 1, '2028-02-29', '2028-03-01'],
    ['a year from 29 February ends on 28 February', '2028-02-29', 12, '2029-02-28', '2029-03-01'],
    ['three months from 30 November ends on 28 February', '2026-11-30', 3, '2027-02-28', '2027-03-01'],
    ['a month from 30 April ends on 30 May, not the 31st', '2027-04-30', 1, '2027-05-30', '2027-05-31'],
  ])('%s', (_, today, months, lastIn, firstOut) => {
    const window = windowFrom(today, months)
    expect(organisationsIn([entry('A', 'finance-erp', { end: lastIn })], window)).toEqual(['A'])
    expect(organisationsIn([entry('A', 'finance-erp', { end: firstOut })], window)).toEqual([])
  })

  it('takes an entry by its planned start when its contract ends after the window', () => {
    const [o] = found([entry('A', 'finance-erp', { start: '2028-06-01', end: '2030-03-31' })])
    expect([o?.organisations, o?.earliest, o?.latest]).toEqual([['A'], '2028-06-01', '2028-06-01'])
  })

  it('never places an entry without dates in a window, however wide', () => {
    expect(found([entry('A', 'finance-erp', {})], windowFrom('2026-11-27', 120))).toEqual([])
  })
})

describe('which entries count', () => {
  it.each<[Status, boolean]>([
    ['idea', true],
    ['planned', true],
    ['in_procurement', true],
    ['awarded', false],
    ['cancelled', false],
  ])('%s plans count: %s', (status, counts) => {
    expect(organisationsIn([entry('A', 'finance-erp', { end: '2027-06-30' }, { status })])).toEqual(counts ? ['A'] : [])
  })

  it('counts an organisation with two entries once, and both entries', () => {
    const [o] = found([
      entry('A', 'finance-erp', { end: '2027-06-30' }),
      entry('A', 'finance-erp', { end: '2028-01-31' }),
      entry('B', 'finance-erp', { start: '2027-03-01' }),
    ])
    expect([o?.organisations, o?.entries.length, o?.earliest, o?.latest]).toEqual([
      ['A', 'B'],
      3,
      '2027-03-01',
      '2028-01-31',
    ])
  })
})

describe('buyers', () => {
  const four = ['A', 'B', 'C', 'D'].map(o => entry(o, 'finance-erp', { end: '2027-06-30' }))

  it('counts a partnership once', () => {
    expect(found(four, TWO_YEARS, [['A', 'B']])[0]?.buyers).toBe(3)
  })

  it('counts a partnership member alone when its partners plan nothing', () => {
    expect(found(four, TWO_YEARS, [['A', 'X']])[0]?.buyers).toBe(4)
  })

  it('leaves buyers and organisations equal without partnerships', () => {
    expect(found(four)[0]?.buyers).toBe(4)
  })
})

describe('order and quarters', () => {
  it('puts the most organisations first, then follows the shared list', () => {
    const order = found([
      entry('A', 'other', { end: '2027-01-01' }),
      entry('A', 'data-platform', { end: '2027-01-01' }),
      entry('B', 'data-platform', { end: '2027-01-01' }),
      entry('C', 'finance-erp', { end: '2027-01-01' }),
    ]).map(o => o.category.key)
    expect(order).toEqual(['data-platform', 'finance-erp', 'other'])
  })

  it('counts contract ends in every quarter of the window, empty ones included, and not planned starts', () => {
    const [o] = found([
      entry('A', 'finance-erp', { end: '2026-12-31' }),
      entry('B', 'finance-erp', { end: '2027-01-01' }),
      entry('C', 'finance-erp', { end: '2027-03-31' }),
      entry('D', 'finance-erp', { start: '2027-05-01' }),
      entry('E', 'finance-erp', { end: '2028-11-27' }),
    ])
    expect(o?.contractEndsByQuarter).toEqual([
      { quarter: '2026 Q4', count: 1 },
      { quarter: '2027 Q1', count: 2 },
      { quarter: '2027 Q2', count: 0 },
      { quarter: '2027 Q3', count: 0 },
      { quarter: '2027 Q4', count: 0 },
      { quarter: '2028 Q1', count: 0 },
      { quarter: '2028 Q2', count: 0 },
      { quarter: '2028 Q3', count: 0 },
      { quarter: '2028 Q4', count: 1 },
    ])
  })
})

describe('the join with maturity', () => {
  const weakness = new Map([
    ['A', new Map([['data', true]])],
    ['B', new Map([['data', true]])],
    ['C', new Map([['data', false]])],
    ['D', new Map([['foundations', true]])],
  ])

  it('counts how many of those planning are weak on the area the category serves, and who has no score', () => {
    const [o] = found(['A', 'B', 'C', 'D'].map(g => entry(g, 'data-platform', { end: '2027-06-30' })))
    expect(weaknessJoin(o!, weakness)).toEqual([
      { area: 'data', organisations: ['A', 'B', 'C', 'D'], weak: ['A', 'B'], unscored: ['D'] },
    ])
  })

  it('uses the area an entry names over its category’s', () => {
    const [o] = found([
      entry('A', 'data-platform', { end: '2027-06-30' }),
      entry('D', 'data-platform', { end: '2027-06-30' }, { addresses: 'foundations' }),
    ])
    expect(weaknessJoin(o!, weakness)).toEqual([
      { area: 'data', organisations: ['A'], weak: ['A'], unscored: [] },
      { area: 'foundations', organisations: ['D'], weak: ['D'], unscored: [] },
    ])
  })

  it('has nothing to join when neither entry nor category names an area', () => {
    const [o] = found([entry('A', 'other', { end: '2027-06-30' })])
    expect(weaknessJoin(o!, weakness)).toEqual([])
  })
})

describe('how many others plan the same', () => {
  const entries = [
    entry('A', 'finance-erp', { end: '2030-01-01' }),
    entry('A', 'data-platform', {}, { status: 'cancelled' }),
    entry('B', 'finance-erp', { end: '2027-06-30' }, { shareable: true }),
    entry('C', 'finance-erp', { end: '2027-09-30' }),
    entry('D', 'finance-erp', { start: '2028-01-01' }, { status: 'awarded', shareable: true }),
    entry('E', 'finance-erp', { end: '2031-01-01' }, { shareable: true }),
    entry('F', 'data-platform', { end: '2027-06-30' }, { shareable: true }),
  ]

  it('counts other authorities with an open plan in the category and window, naming only those that share', () => {
    const similar = similarPlans('A', entries, TWO_YEARS)
    expect(similar.map(s => [s.entry.categoryKey, s.others, s.named])).toEqual([['finance-erp', 2, ['B']]])
  })

  it('never counts the authority itself', () => {
    expect(similarPlans('B', entries, TWO_YEARS).map(s => [s.others, s.named])).toEqual([[1, []]])
  })
})

describe('the window in months', () => {
  it.each([
    [undefined, 24],
    ['', 24],
    ['1', 1],
    ['120', 120],
    [' 36 ', 36],
  ])('reads %p as %p months', (raw, months) => {
    expect(parseWindowMonths(raw)).toEqual({ value: months, errors: [] })
  })

  it.each(['0', '121', '-3', '2.5', 'two', '1e2', ['12', '24']])('refuses %p, naming windowMonths', raw => {
    const { value, errors } = parseWindowMonths(raw)
    expect(value).toBeUndefined()
    expect(errors.map(e => e.field)).toEqual(['windowMonths'])
  })
})
