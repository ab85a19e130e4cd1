import { STATUSES, STATUS_LABELS, VALUE_BAND_LABELS, type PipelineCategory } from '../../domain/pipeline/entry'
import type { AllPlans } from '../../services/pipeline/pipeline-plans'
import { paths } from '../../paths'
import type { ChoiceItem } from './entry-form.presenter'
import { longDate } from '../../domain/format/dates'
import { plural } from '../../domain/format/plurals'

/** A cell of the GOV.UK table partial. */
export interface TableCell {
  text: string
  header?: boolean
  classes?: string
}

/** The type of the all plans page's view model: its filters and, once they are valid, the plans table. */
export interface AllPlansView {
  filters: { name: 'category' | 'status'; label: string; value: string; items: ChoiceItem[] }[]
  /** Null when the filters were refused. */
  plans: {
    count: string
    csvHref: string
    downloadWhat: string
    hasRows: boolean
    head: { text: string }[]
    rows: TableCell[][]
  } | null
}

const HEAD = [
  'Authority',
  'Category',
  'Current system and supplier',
  'Contract ends',
  'Planned start',
  'Value',
  'Status',
  'Shared with boroughs',
]

const orNotRecorded = (date: string | null): string => (date ? longDate(date) : 'Not recorded')

/** Every authority's plans, filtered by category and status, with the CSV of the same plans. */
export function allPlansView(
  categories: readonly PipelineCategory[],
  values: { category: string; status: string },
  plans: AllPlans | null,
): AllPlansView {
  const all = { value: '', text: 'All' }
  const filters: AllPlansView['filters'] = [
    {
      name: 'category',
      label: 'Category',
      value: values.category,
      items: [all, ...categories.map(c => ({ value: c.key, text: c.name }))],
    },
    {
      name: 'status',
      label: 'Status',
      value: values.status,
      items: [all, ...STATUSES.map(s => ({ value: s, text: STATUS_LABELS[s] }))],
    },
  ]
  if (!plans) return { filters, plans: null }
  const n = plans.entries.length
  const search = new URLSearchParams(Object.entries(values).filter(([, v]) => v !== '')).toString()
  return {
    filters,
    plans: {
      count: plural(n, 'plan'),
      csvHref: `${paths.pipelineCsv}${search ? `?${search}` : ''}`,
      downloadWhat: plans.filter.category || plans.filter.status ? 'these plans' : 'the whole pipeline',
      hasRows: n > 0,
      head: HEAD.map(text => ({ text })),
      rows: plans.entries.map(e => [
        { text: e.organisation.name, header: true, classes: 'app-table__row-header' },
        { text: e.categoryName },
        { text: [e.currentSystem, e.supplier].filter(Boolean).join(', ') || 'Not recorded' },
        { text: orNotRecorded(e.contractEnd) },
        { text: orNotRecorded(e.plannedStart) },
        { text: VALUE_BAND_LABELS[e.valueBand] },
        { text: STATUS_LABELS[e.status] },
        { text: e.shareable ? 'Yes' : 'No' },
      ]),
    },
  }
}
