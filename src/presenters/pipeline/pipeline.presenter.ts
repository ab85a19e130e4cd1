import { longDate } from '../../domain/format/dates'
import type { FieldError } from '../../domain/errors'
import {
  DATE_RANGE,
  FIELD_NAMES,
  isCalendarDate,
  ROUTE_LABELS,
  STATUS_LABELS,
  VALUE_BAND_LABELS,
  type EntryContent,
  type PipelineCategory,
  type Status,
} from '../../domain/pipeline/entry'
import { field, formErrors, type FormErrors } from '../form-errors'

/** Status as a tag whose words carry the meaning; the colour only repeats it. */
export const STATUS_TAGS: Record<Status, { text: string; classes: string }> = {
  idea: { text: STATUS_LABELS.idea, classes: 'govuk-tag--grey' },
  planned: { text: STATUS_LABELS.planned, classes: '' },
  in_procurement: { text: STATUS_LABELS.in_procurement, classes: 'govuk-tag--purple' },
  awarded: { text: STATUS_LABELS.awarded, classes: 'govuk-tag--green' },
  cancelled: { text: STATUS_LABELS.cancelled, classes: 'govuk-tag--red' },
}

export const DATE_FIELDS = ['contractEnd', 'plannedStart'] as const
type DateField = (typeof DATE_FIELDS)[number]

/** The form's fields top to bottom: the error summary lists problems in the same order. */
const FIELD_ORDER: readonly string[] = Object.keys(FIELD_NAMES)

/** A plan's date as people write it, 31 March 2028, or that it is not known. */
export const knownDate = (iso: string | null): string => (iso === null ? 'Not known' : longDate(iso))

/** A page address for the organisation an administrator or analyst is looking at; respondents need none. */
export const withOrganisation = (path: string, slug?: string): string =>
  slug ? `${path}?organisation=${encodeURIComponent(slug)}` : path

interface DateParts {
  day: string
  month: string
  year: string
}

export type EntryFormValues = Omit<Record<keyof EntryContent, string>, DateField | 'shareable'> &
  Record<DateField, DateParts> & { shareable: 'yes' | 'no' | '' }

const partsOf = (iso: string | null): DateParts => {
  if (iso === null) return { day: '', month: '', year: '' }
  const [year = '', month = '', day = ''] = iso.split('-')
  return { day: String(Number(day)), month: String(Number(month)), year }
}

/** What the form shows: an entry's content, or an empty form. */
export function formValuesOf(entry?: EntryContent): EntryFormValues {
  return {
    categoryKey: entry?.categoryKey ?? '',
    currentSystem: entry?.currentSystem ?? '',
    supplier: entry?.supplier ?? '',
    contractEnd: partsOf(entry?.contractEnd ?? null),
    plannedStart: partsOf(entry?.plannedStart ?? null),
    route: entry?.route ?? '',
    valueBand: entry?.valueBand ?? '',
    status: entry?.status ?? '',
    addresses: entry?.addresses ?? '',
    notes: entry?.notes ?? '',
    shareable: entry ? (entry.shareable ? 'yes' : 'no') : '',
  }
}

/** Day, month and year as 'YYYY-MM-DD' when they are all numbers; blank when all are blank; else as typed. */
function dateText(parts: DateParts): string {
  const all = [parts.day, parts.month, parts.year]
  if (all.every(p => p === '')) return ''
  if (!all.every(p => /^\d+$/.test(p))) return all.join('/')
  return `${parts.year.padStart(4, '0')}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`
}

/** The posted form, both as the form shows it again and as the service checks it. */
export function postedEntry(body: unknown): { values: EntryFormValues; raw: Record<string, unknown> } {
  const date = (name: DateField): DateParts => ({
    day: field(body, `${name}-day`).trim(),
    month: field(body, `${name}-month`).trim(),
    year: field(body, `${name}-year`).trim(),
  })
  const shareable = field(body, 'shareable')
  const values: EntryFormValues = {
    categoryKey: field(body, 'categoryKey'),
    currentSystem: field(body, 'currentSystem'),
    supplier: field(body, 'supplier'),
    contractEnd: date('contractEnd'),
    plannedStart: date('plannedStart'),
    route: field(body, 'route'),
    valueBand: field(body, 'valueBand'),
    status: field(body, 'status'),
    addresses: field(body, 'addresses'),
    notes: field(body, 'notes'),
    shareable: shareable === 'yes' || shareable === 'no' ? shareable : '',
  }
  const raw = {
    ...values,
    contractEnd: dateText(values.contractEnd),
    plannedStart: dateText(values.plannedStart),
    shareable: values.shareable === 'yes',
  }
  return { values, raw }
}

/**
 * The service's messages, in the form's order; a date the service could not read is described as the date
 * input asks for it, and its summary link goes to its day field, the first of its three.
 */
export function entryFormErrors(errors: readonly FieldError[], raw: Record<string, unknown>): FormErrors {
  const position = (e: FieldError) => {
    const i = FIELD_ORDER.indexOf(e.field)
    return i === -1 ? FIELD_ORDER.length : i
  }
  const worded = errors.map(e => {
    const typed = raw[e.field]
    if (!(DATE_FIELDS as readonly string[]).includes(e.field) || typeof typed !== 'string') return e
    const name = FIELD_NAMES[e.field as DateField]
    if (!isCalendarDate(typed))
      return { field: e.field, message: `Enter the ${name} as a real day, month and year, for example 31 3 2028` }
    if (typed < DATE_RANGE.from || typed > DATE_RANGE.to)
      return { field: e.field, message: `The ${name} must be in a year from 2000 to 2100` }
    return e
  })
  const result = formErrors([...worded].sort((a, b) => position(a) - position(b)))
  result.summary = result.summary.map(e =>
    (DATE_FIELDS as readonly string[]).includes(e.href.slice(1)) ? { ...e, href: `${e.href}-day` } : e,
  )
  return result
}

/** An entry as rows of a GOV.UK summary list, in the form's order. */
export function summaryRows(
  entry: EntryContent,
  categories: readonly PipelineCategory[],
  areaTitles: ReadonlyMap<string, string>,
): { key: string; value: string }[] {
  const name = (key: keyof EntryContent) => FIELD_NAMES[key].charAt(0).toUpperCase() + FIELD_NAMES[key].slice(1)
  return [
    { key: name('categoryKey'), value: categories.find(c => c.key === entry.categoryKey)?.name ?? entry.categoryKey },
    { key: name('currentSystem'), value: entry.currentSystem ?? 'Not given' },
    { key: name('supplier'), value: entry.supplier ?? 'Not given' },
    { key: name('contractEnd'), value: knownDate(entry.contractEnd) },
    { key: name('plannedStart'), value: knownDate(entry.plannedStart) },
    { key: name('route'), value: ROUTE_LABELS[entry.route] },
    { key: name('valueBand'), value: VALUE_BAND_LABELS[entry.valueBand] },
    { key: name('status'), value: STATUS_LABELS[entry.status] },
    { key: name('addresses'), value: entry.addresses ? (areaTitles.get(entry.addresses) ?? entry.addresses) : 'None' },
    { key: name('notes'), value: entry.notes ?? 'None' },
    {
      key: 'Shared with other boroughs',
      value: entry.shareable ? 'Yes: others planning the same can see it is yours' : 'No',
    },
  ]
}
