import { dateTime, longDate, shortDate, shortDateTime, time } from '../../../src/domain/format/dates'

describe('longDate and shortDate', () => {
  it.each([
    ['2026-12-06', '6 December 2026', '6 Dec 2026'],
    ['2027-01-31', '31 January 2027', '31 Jan 2027'],
    ['2026-09-01', '1 September 2026', '1 Sept 2026'],
  ])('write the calendar date %s as %s, or %s in a dense table', (iso, long, short) => {
    expect(longDate(iso)).toBe(long)
    expect(shortDate(iso)).toBe(short)
  })

  it.each([
    // 11:30pm on 1 July in UTC is already 2 July in London (BST), but still 1 December in winter (GMT).
    ['2026-07-01T23:30:00Z', '2 July 2026'],
    ['2026-12-01T23:30:00Z', '1 December 2026'],
    // The night the clocks go forward, and the night they go back.
    ['2026-03-28T23:59:00Z', '28 March 2026'],
    ['2026-10-24T23:30:00Z', '25 October 2026'],
  ])('write the moment %s as the day it was in London, %s', (instant, day) => {
    expect(longDate(new Date(instant))).toBe(day)
  })

  it('refuse what is not a calendar date rather than print nonsense', () => {
    expect(() => longDate('6/12/2026')).toThrow(RangeError)
    expect(() => shortDate(new Date('not a date'))).toThrow(RangeError)
  })
})

describe('time', () => {
  it.each([
    ['2026-12-06T10:42:00Z', '10:42am'],
    ['2026-12-06T09:00:00Z', '9am'],
    ['2026-12-06T12:00:00Z', '12pm'],
    ['2026-12-06T00:00:00Z', '12am'],
    ['2026-12-06T12:05:00Z', '12:05pm'],
    ['2026-12-06T00:05:00Z', '12:05am'],
    ['2026-12-06T15:07:00Z', '3:07pm'],
    ['2026-12-06T23:59:00Z', '11:59pm'],
  ])('writes %s in winter (GMT) as %s', (instant, written) => {
    expect(time(new Date(instant))).toBe(written)
  })

  it.each([
    ['2026-06-06T10:42:00Z', '11:42am'],
    ['2026-06-06T11:00:00Z', '12pm'],
    ['2026-06-06T23:00:00Z', '12am'],
    // Clocks go forward at 1am GMT on 29 March 2026 and back at 2am BST on 25 October 2026.
    ['2026-03-29T00:59:00Z', '12:59am'],
    ['2026-03-29T01:00:00Z', '2am'],
    ['2026-10-25T00:30:00Z', '1:30am'],
    ['2026-10-25T01:30:00Z', '1:30am'],
    ['2026-10-25T02:00:00Z', '2am'],
  ])('writes %s in London’s summer time, and across the changes, as %s', (instant, written) => {
    expect(time(new Date(instant))).toBe(written)
  })
})

describe('dateTime and shortDateTime', () => {
  it('write the day and the time in London', () => {
    expect(dateTime(new Date('2026-12-06T10:42:00Z'))).toBe('6 December 2026 at 10:42am')
    expect(dateTime(new Date('2026-08-31T23:15:00Z'))).toBe('1 September 2026 at 12:15am')
    expect(shortDateTime(new Date('2026-09-30T11:00:00Z'))).toBe('30 Sept 2026 at 12pm')
  })
})
