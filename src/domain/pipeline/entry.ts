import type { FieldError } from '../errors'

export interface PipelineCategory {
  key: string
  name: string
  /** The maturity dimension such a purchase usually serves; null when it could be anything. */
  addresses: string | null
}

export const ROUTES = ['procure', 'build', 'extend', 'share'] as const
export type Route = (typeof ROUTES)[number]
export const ROUTE_LABELS: Record<Route, string> = {
  procure: 'Procure',
  build: 'Build',
  extend: 'Extend the current contract',
  share: 'Share with other councils',
}

export const VALUE_BANDS = ['under-100k', '100k-500k', '500k-1m', '1m-5m', '5m-plus', 'unknown'] as const
export type ValueBand = (typeof VALUE_BANDS)[number]
export const VALUE_BAND_LABELS: Record<ValueBand, string> = {
  'under-100k': 'Under £100,000',
  '100k-500k': '£100,000 to £499,999',
  '500k-1m': '£500,000 to £999,999',
  '1m-5m': '£1 million to £4.99 million',
  '5m-plus': '£5 million or more',
  unknown: 'Not known yet',
}

export const STATUSES = ['idea', 'planned', 'in_procurement', 'awarded', 'cancelled'] as const
export type Status = (typeof STATUSES)[number]
export const STATUS_LABELS: Record<Status, string> = {
  idea: 'Idea',
  planned: 'Planned',
  in_procurement: 'In procurement',
  awarded: 'Awarded',
  cancelled: 'Cancelled',
}
/** Plans still to be bought: an awarded or cancelled entry is no longer an opportunity to join. */
export const OPEN_STATUSES: readonly Status[] = ['idea', 'planned', 'in_procurement']

/** Years outside these are typing slips: no plan ends in 207 or starts in 2207. */
export const DATE_RANGE = { from: '2000-01-01', to: '2100-12-31' } as const

export const TEXT_LIMITS = { currentSystem: 200, supplier: 200, notes: 2000 } as const

/** What a borough records about one thing it plans to buy, build or renew. */
export interface EntryContent {
  categoryKey: string
  currentSystem: string | null
  supplier: string | null
  /** Calendar dates, 'YYYY-MM-DD'. */
  contractEnd: string | null
  plannedStart: string | null
  route: Route
  valueBand: ValueBand
  status: Status
  /** A dimension or theme key the entry means to improve. */
  addresses: string | null
  notes: string | null
  shareable: boolean
}

export interface EntryContext {
  categories: readonly PipelineCategory[]
  /** Dimension and theme keys of the current questionnaire, with their titles. */
  addressable: ReadonlyMap<string, string>
}

/** A real calendar date written as YYYY-MM-DD (2027-02-30 is not one). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

const text = (value: unknown): string | null | undefined => {
  if (value === undefined || value === null) return null
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}

/** Each field as a borough officer would name it, for messages and CSV reports. */
export const FIELD_NAMES: Record<keyof EntryContent, string> = {
  categoryKey: 'category',
  currentSystem: 'current system',
  supplier: 'supplier',
  contractEnd: 'contract end date',
  plannedStart: 'planned start date',
  route: 'route',
  valueBand: 'value band',
  status: 'status',
  addresses: 'maturity area',
  notes: 'notes',
  shareable: 'sharing',
}

type Fail = (field: keyof EntryContent, message: string) => void

/** A free-text field: trimmed, empty as null, and refused when not text, too long or holding control characters. */
function checkFreeText(raw: Record<string, unknown>, field: 'currentSystem' | 'supplier' | 'notes', fail: Fail) {
  const value = text(raw[field])
  if (value === undefined) fail(field, `The ${FIELD_NAMES[field]} must be text`)
  // PostgreSQL cannot store a NUL at all, and other control characters are only ever paste accidents.
  else if (value !== null && CONTROL_CHARACTERS.test(value))
    fail(field, `The ${FIELD_NAMES[field]} must not contain control characters; retype it rather than pasting`)
  else if (value !== null && value.length > TEXT_LIMITS[field])
    fail(field, `The ${FIELD_NAMES[field]} must be ${TEXT_LIMITS[field].toLocaleString('en-GB')} characters or fewer`)
  return value ?? null
}

/** An optional calendar date within DATE_RANGE; null when absent or refused. */
function checkDate(raw: Record<string, unknown>, field: 'contractEnd' | 'plannedStart', fail: Fail) {
  const value = text(raw[field])
  if (value === undefined) fail(field, `The ${FIELD_NAMES[field]} must be a date`)
  else if (value !== null && !isCalendarDate(value))
    fail(field, `The ${FIELD_NAMES[field]} must be a real date written as YYYY-MM-DD, not “${value}”`)
  // A year like 0207 or 2207 is a typing slip, never a plan.
  else if (value !== null && (value < DATE_RANGE.from || value > DATE_RANGE.to))
    fail(field, `The ${FIELD_NAMES[field]} must be in a year from 2000 to 2100, not “${value}”`)
  else return value
  return null
}

/** A required choice from a fixed list; the list's first value stands in when refused (the entry is not returned). */
function checkListed<T extends string>(
  raw: Record<string, unknown>,
  field: 'route' | 'valueBand' | 'status',
  allowed: readonly T[],
  labels: Record<T, string>,
  fail: Fail,
): T {
  const value = text(raw[field])
  if (!value) fail(field, `Select the ${FIELD_NAMES[field]}`)
  else if (!(allowed as readonly string[]).includes(value))
    fail(
      field,
      `The ${FIELD_NAMES[field]} must be one of: ${allowed.map(a => `${a} (${labels[a]})`).join(', ')}; “${value}” is not`,
    )
  else return value as T
  return allowed[0] as T
}

/**
 * Checks an entry from a form, the API or a CSV row, field by field, naming each problem in words a
 * borough officer would use; returns the entry only when nothing is wrong.
 */
export function checkEntry(
  raw: Record<string, unknown>,
  context: EntryContext,
): { value?: EntryContent; errors: FieldError[] } {
  const errors: FieldError[] = []
  const fail: Fail = (field, message) => errors.push({ field, message })

  const categoryKey = text(raw.categoryKey)
  if (!categoryKey) fail('categoryKey', 'Select a category')
  else if (!context.categories.some(c => c.key === categoryKey))
    fail('categoryKey', `“${categoryKey}” is not a category on the shared list`)

  // Checked in this order, so problems are listed as the form shows the fields.
  const currentSystem = checkFreeText(raw, 'currentSystem', fail)
  const supplier = checkFreeText(raw, 'supplier', fail)
  const contractEnd = checkDate(raw, 'contractEnd', fail)
  const plannedStart = checkDate(raw, 'plannedStart', fail)
  if (contractEnd && plannedStart && plannedStart > contractEnd)
    fail(
      'contractEnd',
      'The contract end date must be on or after the planned start date: work to replace a system starts before its contract ends',
    )
  const route = checkListed(raw, 'route', ROUTES, ROUTE_LABELS, fail)
  const valueBand = checkListed(raw, 'valueBand', VALUE_BANDS, VALUE_BAND_LABELS, fail)
  const status = checkListed(raw, 'status', STATUSES, STATUS_LABELS, fail)
  const addresses = text(raw.addresses)
  if (addresses === undefined) fail('addresses', 'The maturity area must be text')
  else if (addresses !== null && !context.addressable.has(addresses))
    fail('addresses', `“${addresses}” is not a dimension or theme of the questionnaire`)
  const notes = checkFreeText(raw, 'notes', fail)
  const shareable = raw.shareable
  if (shareable !== undefined && typeof shareable !== 'boolean') fail('shareable', 'Sharing must be true or false')

  if (errors.length > 0) return { errors }
  return {
    value: {
      categoryKey: categoryKey as string,
      currentSystem,
      supplier,
      contractEnd,
      plannedStart,
      route,
      valueBand,
      status,
      addresses: addresses ?? null,
      notes,
      shareable: shareable === true,
    },
    errors,
  }
}
