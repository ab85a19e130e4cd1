import {
  ROUTES,
  ROUTE_LABELS,
  STATUSES,
  STATUS_LABELS,
  TEXT_LIMITS,
  VALUE_BANDS,
  VALUE_BAND_LABELS,
  type PipelineCategory,
} from '../../domain/pipeline/entry'
import type { Organisation } from '../../domain/organisation'
import { paths } from '../../paths'
import { withOrganisation, type EntryFormValues } from './pipeline.presenter'
import { summaryListRows, type SummaryListRow } from './entry.presenter'
import { dateTime } from '../../domain/format/dates'

/** An item of a select or radios: a value and its words; a select's group has a label and items of its own. */
export interface ChoiceItem {
  value: string
  text: string
}
export type SelectItem = ChoiceItem | { label: string; items: ChoiceItem[] }

/** The lists the form chooses from, as the pipeline service hands them over. */
export interface EntryFormOptions {
  categories: readonly PipelineCategory[]
  dimensions: readonly { key: string; title: string; themes: readonly { key: string; title: string }[] }[]
}

/** The type of the entry form's view model: where it posts, what it holds and what each question offers. */
export interface EntryFormView {
  caption: string
  backHref: string
  action: string
  /** The organisation a central role is acting for, as a hidden field; undefined for respondents. */
  slug: string | undefined
  /** The revision the form was opened at, for a change; null when adding. */
  revision: number | null
  buttonText: string
  values: EntryFormValues
  notesMaxLength: number
  categories: SelectItem[]
  routes: ChoiceItem[]
  valueBands: ChoiceItem[]
  statuses: ChoiceItem[]
  areas: SelectItem[]
  shareable: ChoiceItem[]
  /** What someone else saved while this person was editing; null without a conflict. */
  conflict: { at: string; rows: SummaryListRow[] } | null
}

export interface EntryFormData {
  organisation: Organisation
  slug: string | undefined
  values: EntryFormValues
  entry?: { id: number; revision: number }
  conflict?: { rows: { key: string; value: string }[]; at: Date }
  options: EntryFormOptions
}

const choices = <T extends string>(values: readonly T[], labels: Record<T, string>): ChoiceItem[] =>
  values.map(value => ({ value, text: labels[value] }))

/** The form to add an entry, or to change one (and, after a clash, what someone else saved meanwhile). */
export function entryFormView(data: EntryFormData): EntryFormView {
  const { entry, options } = data
  return {
    caption: data.organisation.name,
    backHref: withOrganisation(paths.pipeline, data.slug),
    action: entry ? paths.pipelineEntry(entry.id) : paths.pipelineNew,
    slug: data.slug,
    revision: entry ? entry.revision : null,
    buttonText: entry ? 'Save changes' : 'Add entry',
    values: data.values,
    notesMaxLength: TEXT_LIMITS.notes,
    categories: [
      { value: '', text: 'Choose a category' },
      ...options.categories.map(c => ({ value: c.key, text: c.name })),
    ],
    routes: choices(ROUTES, ROUTE_LABELS),
    valueBands: choices(VALUE_BANDS, VALUE_BAND_LABELS),
    statuses: choices(STATUSES, STATUS_LABELS),
    areas: [
      { value: '', text: 'None in particular' },
      ...options.dimensions.map(d => ({
        label: d.title,
        items: [
          { value: d.key, text: `${d.title}: the whole dimension` },
          ...d.themes.map(t => ({ value: t.key, text: t.title })),
        ],
      })),
    ],
    shareable: [
      { value: 'yes', text: 'Yes, name us to councils planning the same' },
      { value: 'no', text: 'No, count us without naming us' },
    ],
    conflict: data.conflict ? { at: dateTime(data.conflict.at), rows: summaryListRows(data.conflict.rows) } : null,
  }
}
