import type { FieldError } from '../../domain/errors'
import { ESTATE_FIELD_NAMES, ESTATE_TEXT_LIMITS } from '../../domain/estate/entry'
import {
  COST_BANDS,
  COST_BAND_LABELS,
  HOSTINGS,
  HOSTING_LABELS,
  type EstateContent,
  type Product,
} from '../../domain/estate/estate'
import { dateTime } from '../../domain/format/dates'
import type { Organisation } from '../../domain/organisation'
import { DATE_RANGE, isCalendarDate, type PipelineCategory } from '../../domain/pipeline/entry'
import { paths } from '../../paths'
import { field, formErrors, type FormErrors } from '../form-errors'
import type { SummaryListRow } from '../govuk-params'
import { withOrganisation } from '../pipeline/pipeline.presenter'

export interface ChoiceItem {
  value: string
  text: string
}
export type SelectItem = ChoiceItem | { label: string; items: ChoiceItem[] }

interface DateParts {
  day: string
  month: string
  year: string
}

/** What the form shows: every field as typed, the date as its three boxes. */
export type EstateFormValues = Record<'categoryKey' | 'productId' | 'hosting' | 'costBand' | 'notes', string> & {
  contractEnd: DateParts
  shareable: 'yes' | 'no' | ''
}

const partsOf = (iso: string | null): DateParts => {
  if (iso === null) return { day: '', month: '', year: '' }
  const [year = '', month = '', day = ''] = iso.split('-')
  return { day: String(Number(day)), month: String(Number(month)), year }
}

export function estateFormValuesOf(entry?: EstateContent): EstateFormValues {
  return {
    categoryKey: entry?.categoryKey ?? '',
    productId: entry ? String(entry.productId) : '',
    hosting: entry?.hosting ?? '',
    contractEnd: partsOf(entry?.contractEnd ?? null),
    costBand: entry?.costBand ?? '',
    shareable: entry ? (entry.shareable ? 'yes' : 'no') : '',
    notes: entry?.notes ?? '',
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
export function postedEstateEntry(body: unknown): { values: EstateFormValues; raw: Record<string, unknown> } {
  const shareable = field(body, 'shareable')
  const values: EstateFormValues = {
    categoryKey: field(body, 'categoryKey'),
    productId: field(body, 'productId'),
    hosting: field(body, 'hosting'),
    contractEnd: {
      day: field(body, 'contractEnd-day').trim(),
      month: field(body, 'contractEnd-month').trim(),
      year: field(body, 'contractEnd-year').trim(),
    },
    costBand: field(body, 'costBand'),
    shareable: shareable === 'yes' || shareable === 'no' ? shareable : '',
    notes: field(body, 'notes'),
  }
  const raw = {
    ...values,
    contractEnd: dateText(values.contractEnd),
    shareable: values.shareable === '' ? undefined : values.shareable === 'yes',
  }
  return { values, raw }
}

const FIELD_ORDER: readonly string[] = Object.keys(ESTATE_FIELD_NAMES)

/** The service's messages in the form's order; the date's described as its boxes ask for it, linked to its day. */
export function estateFormErrors(errors: readonly FieldError[], raw: Record<string, unknown>): FormErrors {
  const position = (e: FieldError) => {
    const i = FIELD_ORDER.indexOf(e.field)
    return i === -1 ? FIELD_ORDER.length : i
  }
  const worded = errors.map(e => {
    const typed = raw[e.field]
    if (e.field !== 'contractEnd' || typeof typed !== 'string') return e
    if (!isCalendarDate(typed))
      return {
        field: e.field,
        message: 'Enter the contract end date as a real day, month and year, for example 31 3 2028',
      }
    if (typed < DATE_RANGE.from || typed > DATE_RANGE.to)
      return { field: e.field, message: 'The contract end date must be in a year from 2000 to 2100' }
    return e
  })
  const result = formErrors([...worded].sort((a, b) => position(a) - position(b)))
  result.summary = result.summary.map(e => (e.href === '#contractEnd' ? { ...e, href: '#contractEnd-day' } : e))
  return result
}

export interface EstateFormView {
  caption: string
  backHref: string
  action: string
  slug: string | undefined
  revision: number | null
  buttonText: string
  values: EstateFormValues
  notesMaxLength: number
  categories: SelectItem[]
  products: SelectItem[]
  proposeHref: string
  hostings: ChoiceItem[]
  costBands: SelectItem[]
  shareable: ChoiceItem[]
  conflict: { at: string; rows: SummaryListRow[] } | null
}

export interface EstateFormData {
  organisation: Organisation
  slug: string | undefined
  values: EstateFormValues
  entry?: { id: number; revision: number }
  conflict?: { rows: SummaryListRow[]; at: Date }
  categories: readonly PipelineCategory[]
  products: readonly Product[]
}

/** A product as the select names it: with its supplier, and marked when not yet approved. */
const productText = (p: Product) =>
  `${p.name} (${p.supplier.name})${p.status === 'proposed' ? ', proposed for the catalogue' : ''}`

/** The form to add a system, or to change one (and, after a clash, what someone else saved meanwhile). */
export function estateFormView(data: EstateFormData): EstateFormView {
  const { entry } = data
  const register = data.slug ? paths.estateOrganisation(data.slug) : paths.estate
  return {
    caption: data.organisation.name,
    backHref: entry ? paths.estateEntry(entry.id) : register,
    action: entry ? paths.estateEntry(entry.id) : paths.estateNew(),
    slug: data.slug,
    revision: entry ? entry.revision : null,
    buttonText: entry ? 'Save changes' : 'Add system',
    values: data.values,
    notesMaxLength: ESTATE_TEXT_LIMITS.notes,
    categories: [
      { value: '', text: 'Choose a category' },
      ...data.categories.map(c => ({ value: c.key, text: c.name })),
    ],
    // Grouped by category, so the product is found under the category just chosen.
    products: [
      { value: '', text: 'Choose a product' },
      ...data.categories.flatMap(c => {
        const items = data.products
          .filter(p => p.categoryKey === c.key)
          .map(p => ({ value: String(p.id), text: productText(p) }))
        return items.length > 0 ? [{ label: c.name, items }] : []
      }),
    ],
    proposeHref: paths.productNew,
    hostings: HOSTINGS.map(h => ({ value: h, text: HOSTING_LABELS[h] })),
    costBands: [{ value: '', text: 'Not given' }, ...COST_BANDS.map(b => ({ value: b, text: COST_BAND_LABELS[b] }))],
    shareable: [
      { value: 'yes', text: 'Yes, other authorities may see that we run it' },
      { value: 'no', text: 'No, count it without naming us' },
    ],
    conflict: data.conflict ? { at: dateTime(data.conflict.at), rows: data.conflict.rows } : null,
  }
}

export { withOrganisation }
