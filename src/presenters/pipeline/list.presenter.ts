import { ROUTE_LABELS, VALUE_BAND_LABELS, type PipelineCategory } from '../../domain/pipeline/entry'
import type { Organisation } from '../../domain/organisation'
import type { EntryView } from '../../services/pipeline/pipeline.service'
import { paths } from '../../paths'
import { knownDate, STATUS_TAGS, withOrganisation } from './pipeline.presenter'
import { rowHeader, type TableCell, type TableHeadCell } from '../govuk-params'
import { component, element, type Html, joinHtml, lineBreak, link, text } from '../html'
import { plural } from '../../domain/format/plurals'

const HEAD: TableHeadCell[] = [
  ...['Category', 'Current system', 'Contract ends', 'Planned start', 'Route and value', 'Status', 'Shared'].map(
    heading => ({ text: heading }),
  ),
  { html: element('span', text('Actions'), 'govuk-visually-hidden') },
]

/** Words with a second, smaller line in the secondary colour beneath them. */
const withSecondLine = (first: string, second: string | null): Html =>
  second === null
    ? text(first)
    : joinHtml([text(first), lineBreak, element('span', text(second), 'govuk-body-s app-secondary-text')])

/** Change and Delete for those who may write; View for everyone else; each says which entry it is to a screen reader. */
function actions(entry: EntryView, category: string, canWrite: boolean): Html {
  const which = `${category} entry ${entry.id}`
  if (!canWrite) return link(paths.pipelineEntry(entry.id), 'View', which)
  return joinHtml(
    [link(paths.pipelineEntry(entry.id), 'Change', which), link(paths.pipelineDelete(entry.id), 'Delete', which)],
    lineBreak,
  )
}

/** The type of the pipeline list page's view model: every word, link and row it prints. */
export interface PipelineListView {
  caption: string
  /** Central roles came from the organisations' list and can go back to it. */
  showBack: boolean
  backHref: string
  canWrite: boolean
  newHref: string
  importHref: string
  prioritiesHref: string
  plans: string
  similarHref: string | null
  hasEntries: boolean
  entriesCaption: string
  head: TableHeadCell[]
  rows: TableCell[][]
  wants: string
  hasPriorities: boolean
  priorities: string[]
  prioritiesLinkText: string
}

export interface PipelineListData {
  role: string
  organisation: Organisation
  slug: string | undefined
  canWrite: boolean
  entries: readonly EntryView[]
  priorities: readonly { title: string }[]
  categories: readonly PipelineCategory[]
}

/** One organisation's pipeline: its entries as table rows, and its ranked service priorities. */
export function pipelineListView(data: PipelineListData): PipelineListView {
  const respondent = data.role === 'respondent'
  const names = new Map(data.categories.map(c => [c.key, c.name]))
  const n = data.entries.length
  return {
    caption: data.organisation.name,
    showBack: !respondent,
    backHref: paths.pipeline,
    canWrite: data.canWrite,
    newHref: withOrganisation(paths.pipelineNew, data.slug),
    importHref: withOrganisation(paths.pipelineImport, data.slug),
    prioritiesHref: withOrganisation(paths.pipelinePriorities, data.slug),
    plans: respondent ? 'your organisation plans' : 'this organisation plans',
    similarHref: respondent && n > 0 ? paths.pipelineSimilar : null,
    hasEntries: n > 0,
    entriesCaption: plural(n, 'entry', 'entries'),
    head: HEAD,
    rows: data.entries.map(e => {
      const category = names.get(e.categoryKey) ?? e.categoryKey
      return [
        rowHeader({ text: category }),
        { html: withSecondLine(e.currentSystem ?? 'Not given', e.supplier || null) },
        { text: knownDate(e.contractEnd) },
        { text: knownDate(e.plannedStart) },
        { html: withSecondLine(ROUTE_LABELS[e.route], VALUE_BAND_LABELS[e.valueBand]) },
        { html: component('tag', STATUS_TAGS[e.status]) },
        { text: e.shareable ? 'Yes' : 'No' },
        { html: actions(e, category, data.canWrite) },
      ]
    }),
    wants: respondent ? 'your organisation most wants' : 'this organisation most wants',
    hasPriorities: data.priorities.length > 0,
    priorities: data.priorities.map(p => p.title),
    prioritiesLinkText: data.priorities.length === 0 ? 'Choose priorities' : 'Change priorities',
  }
}
