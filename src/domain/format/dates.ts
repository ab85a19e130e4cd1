// How every page, message and script writes dates and times: GOV.UK style, in London's time.
// A calendar date ('2026-12-06', as rounds and plans store them) is a day with no time zone; a moment
// (a Date) is shown as the day and time it was in London, so British Summer Time is never an hour off.

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const
// GOV.UK's short months for tables, where space is tight: "Sept" keeps its four letters.
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'] as const

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
})

interface Day {
  year: number
  month: number
  day: number
}

interface Moment extends Day {
  hour: number
  minute: number
}

/** A calendar date or a moment: what each helper below takes. */
export type DateLike = string | Date

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** The day, hour and minute a moment was in London. */
function inLondon(moment: Date): Moment {
  if (Number.isNaN(moment.getTime())) throw new RangeError('Cannot write an invalid date')
  const parts = LONDON.formatToParts(moment)
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find(p => p.type === type)?.value ?? Number.NaN)
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') }
}

function dayOf(value: DateLike): Day {
  if (value instanceof Date) return inLondon(value)
  const match = CALENDAR_DATE.exec(value)
  if (!match) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${value}`)
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
}

/** "6 December 2026": the way to write a date. */
export function longDate(value: DateLike): string {
  const { year, month, day } = dayOf(value)
  return `${day} ${MONTHS[month - 1] ?? ''} ${year}`
}

/** "6 Dec 2026": only where space is tight, as in a dense table. */
export function shortDate(value: DateLike): string {
  const { year, month, day } = dayOf(value)
  return `${day} ${SHORT_MONTHS[month - 1] ?? ''} ${year}`
}

/** "10:42am", "9am", "12pm" (midday), "12am" (midnight): the time in London. */
export function time(moment: Date): string {
  const { hour, minute } = inLondon(moment)
  const hours = hour % 12 === 0 ? 12 : hour % 12
  const minutes = minute === 0 ? '' : `:${String(minute).padStart(2, '0')}`
  return `${hours}${minutes}${hour < 12 ? 'am' : 'pm'}`
}

/** "6 December 2026 at 10:42am". */
export const dateTime = (moment: Date): string => `${longDate(moment)} at ${time(moment)}`

/** "6 Dec 2026 at 10:42am": only where space is tight, as in a dense table. */
export const shortDateTime = (moment: Date): string => `${shortDate(moment)} at ${time(moment)}`
