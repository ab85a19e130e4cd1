import type { FieldError } from '../errors'

export interface Round {
  id: number
  name: string
  questionnaireKey: string
  questionnaireVersion: number
  /** Calendar dates in London, 'YYYY-MM-DD': open from the start of opensOn to the end of closesOn. */
  opensOn: string
  closesOn: string
  closedAt: Date | null
  /** When an administrator cancelled it before it opened; a cancelled round never opens. */
  cancelledAt: Date | null
}

export type RoundStatus = 'scheduled' | 'open' | 'closed' | 'cancelled'

/** Today's date in London, whatever the server's time zone. */
// Made once: building a formatter costs far more than using one, and this runs for every round shown.
const LONDON_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

export function londonDate(now: Date): string {
  return LONDON_DAY.format(now)
}

export function roundStatus(
  round: Pick<Round, 'opensOn' | 'closesOn' | 'closedAt' | 'cancelledAt'>,
  now: Date,
): RoundStatus {
  const today = londonDate(now)
  if (round.cancelledAt !== null) return 'cancelled'
  if (round.closedAt !== null || today > round.closesOn) return 'closed'
  if (today < round.opensOn) return 'scheduled'
  return 'open'
}

/** Whole days from one calendar date to another ('YYYY-MM-DD'): negative once `to` has passed. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** A calendar date moved by whole days: addDays('2026-03-01', -1) is '2026-02-28'. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/** A real calendar date as 'YYYY-MM-DD', or undefined: 2026-02-30 is not a date. */
export function parseDate(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return undefined
  const [y, m, d] = raw.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y &&
    date.getUTCMonth() === m - 1 &&
    date.getUTCDate() === d &&
    y >= 2000 &&
    y <= 2100
    ? raw
    : undefined
}

/** Day, month and year typed into a GOV.UK date input, as 'YYYY-MM-DD'. */
export function dateFromParts(day: unknown, month: unknown, year: unknown): string | undefined {
  const parts = [day, month, year].map(p => (typeof p === 'string' ? p.trim() : ''))
  if (parts.some(p => !/^\d+$/.test(p))) return undefined
  const [d, m, y] = parts as [string, string, string]
  return parseDate(`${y.padStart(4, '0')}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`)
}

export interface RoundInput {
  name: string
  opensOn: string
  closesOn: string
}

export function checkRoundInput(raw: { name?: unknown; opensOn?: unknown; closesOn?: unknown }): {
  value?: RoundInput
  errors: FieldError[]
} {
  const errors: FieldError[] = []
  const name = typeof raw.name === 'string' ? raw.name.trim() : ''
  if (name === '') errors.push({ field: 'name', message: 'Enter a name for the round, like 2026 assessment' })
  else if (name.length > 120) errors.push({ field: 'name', message: 'Name must be 120 characters or fewer' })
  const opensOn = parseDate(raw.opensOn)
  const closesOn = parseDate(raw.closesOn)
  if (!opensOn) errors.push({ field: 'opensOn', message: 'Enter a real opening date, like 1 3 2026' })
  if (!closesOn) errors.push({ field: 'closesOn', message: 'Enter a real closing date, like 30 6 2026' })
  if (opensOn && closesOn && closesOn < opensOn)
    errors.push({ field: 'closesOn', message: 'The closing date must be the same as or after the opening date' })
  return errors.length > 0 || !opensOn || !closesOn ? { errors } : { value: { name, opensOn, closesOn }, errors }
}
