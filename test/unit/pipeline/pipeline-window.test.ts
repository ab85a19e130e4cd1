import fc from 'fast-check'
import {
  addMonths,
  entryInWindow,
  inWindow,
  quarterOf,
  quartersIn,
  windowFrom,
} from '../../../src/domain/pipeline/window'

describe('adding months to a calendar date', () => {
  it.each([
    ['the same day next month', '2026-11-27', 1, '2026-12-27'],
    ['across a year end', '2026-12-15', 1, '2027-01-15'],
    ['31 January plus a month is the end of February', '2027-01-31', 1, '2027-02-28'],
    ['in a leap year, 29 February', '2028-01-31', 1, '2028-02-29'],
    ['31 March plus a month is 30 April', '2027-03-31', 1, '2027-04-30'],
    ['29 February 2028 plus 12 months is 28 February 2029', '2028-02-29', 12, '2029-02-28'],
    ['29 February 2028 plus 48 months is the next leap day', '2028-02-29', 48, '2032-02-29'],
    ['2100 is not a leap year', '2096-02-29', 48, '2100-02-28'],
    ['2000 was a leap year', '1996-02-29', 48, '2000-02-29'],
    ['24 months', '2026-11-27', 24, '2028-11-27'],
    ['nothing', '2027-05-31', 0, '2027-05-31'],
    ['backwards into a shorter month', '2027-03-31', -1, '2027-02-28'],
    ['backwards across a year end', '2027-01-15', -1, '2026-12-15'],
  ])('%s', (_name, date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected)
  })

  const dates = fc
    .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
    .map(d => d.toISOString().slice(0, 10))

  it('lands in the right month, never past its last day, and keeps the day when the month has it', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -120, max: 120 }), (date, months) => {
        const result = addMonths(date, months)
        const [y, m, d] = date.split('-').map(Number) as [number, number, number]
        const [ry, rm, rd] = result.split('-').map(Number) as [number, number, number]
        expect(ry * 12 + rm - (y * 12 + m)).toBe(months)
        const lastDay = new Date(Date.UTC(ry, rm, 0)).getUTCDate()
        expect(rd).toBe(Math.min(d, lastDay))
      }),
    )
  })
})

describe('a window from today', () => {
  const window = windowFrom('2026-11-27', 24)

  it('runs from today to the same day 24 months on', () => {
    expect(window).toEqual({ from: '2026-11-27', to: '2028-11-27' })
  })

  it.each([
    ['the first day', '2026-11-27', true],
    ['the last day', '2028-11-27', true],
    ['the day before', '2026-11-26', false],
    ['the day after', '2028-11-28', false],
    ['no date at all', null, false],
  ])('includes %s: %s', (_name, date, expected) => {
    expect(inWindow(date, window)).toBe(expected)
  })

  it('ends on 28 February when it starts on 29 February and runs a year', () => {
    expect(windowFrom('2028-02-29', 12)).toEqual({ from: '2028-02-29', to: '2029-02-28' })
  })
})

describe('an entry in a window', () => {
  const window = { from: '2027-01-01', to: '2027-12-31' }

  it.each([
    ['its contract ends inside', { contractEnd: '2027-06-30', plannedStart: null }, true],
    ['its work starts inside', { contractEnd: null, plannedStart: '2027-12-31' }, true],
    ['it starts inside and ends after', { contractEnd: '2029-03-31', plannedStart: '2027-01-01' }, true],
    ['both dates fall outside', { contractEnd: '2028-01-01', plannedStart: '2026-12-31' }, false],
    ['it has no dates', { contractEnd: null, plannedStart: null }, false],
  ])('when %s: %s', (_name, entry, expected) => {
    expect(entryInWindow(entry, window)).toBe(expected)
  })
})

describe('quarters', () => {
  it.each([
    ['2027-01-01', '2027 Q1'],
    ['2027-03-31', '2027 Q1'],
    ['2027-04-01', '2027 Q2'],
    ['2027-12-31', '2027 Q4'],
  ])('%s is in %s', (date, quarter) => {
    expect(quarterOf(date)).toBe(quarter)
  })

  it('lists every quarter a 24-month window touches, in order, including part quarters at each end', () => {
    expect(quartersIn(windowFrom('2026-11-27', 24))).toEqual([
      '2026 Q4',
      '2027 Q1',
      '2027 Q2',
      '2027 Q3',
      '2027 Q4',
      '2028 Q1',
      '2028 Q2',
      '2028 Q3',
      '2028 Q4',
    ])
  })

  it.each([
    ['one day', { from: '2027-02-14', to: '2027-02-14' }, ['2027 Q1']],
    ['exactly one quarter', { from: '2027-01-01', to: '2027-03-31' }, ['2027 Q1']],
    ['two days across a year end', { from: '2026-12-31', to: '2027-01-01' }, ['2026 Q4', '2027 Q1']],
    ['31 January to the end of February', windowFrom('2027-01-31', 1), ['2027 Q1']],
    ['a window that ends before it starts', { from: '2027-05-01', to: '2027-04-30' }, []],
  ])('%s', (_name, window, expected) => {
    expect(quartersIn(window)).toEqual(expected)
  })

  it('never skips or repeats a quarter', () => {
    const dates = fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
      .map(d => d.toISOString().slice(0, 10))
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 60 }), (from, months) => {
        const quarters = quartersIn(windowFrom(from, months))
        const index = (q: string) => Number(q.slice(0, 4)) * 4 + Number(q.slice(-1))
        quarters.slice(1).forEach((q, i) => expect(index(q) - index(quarters[i]!)).toBe(1))
        expect(quarters[0]).toBe(quarterOf(from))
        expect(quarters.at(-1)).toBe(quarterOf(addMonths(from, months)))
      }),
    )
  })
})
