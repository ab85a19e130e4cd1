import { ROUTE_LABELS, VALUE_BAND_LABELS, type PipelineCategory } from '../../domain/pipeline/entry'
import type { Organisation } from '../../domain/organisation'
import type { EntryView } from '../../services/pipeline/pipeline.service'
import { paths } from '../../paths'
import { longDate, STATUS_TAGS, withOrganisation } from './pipeline.presenter'

export interface PipelineListRow {
  category: string
  system: string
  supplier: string | null
  contractEnd: string
  plannedStart: string
  route: string
  valueBand: string
  tag: { text: string; classes: string }
  shared: string
  /** Change and Delete for those who may write; View for everyone else. */
  changeHref: string
  deleteHref: string
  /** The visually hidden end of each action link, saying which entry it is. */
  linkContext: string
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
  rows: PipelineListRow[]
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
    entriesCaption: `${n} ${n === 1 ? 'entry' : 'entries'}`,
    rows: data.entries.map(e => {
      const category = names.get(e.categoryKey) ?? e.categoryKey
      return {
        category,
        system: e.currentSystem ?? 'Not given',
        supplier: e.supplier || null,
        contractEnd: longDate(e.contractEnd),
        plannedStart: longDate(e.plannedStart),
        route: ROUTE_LABELS[e.route],
        valueBand: VALUE_BAND_LABELS[e.valueBand],
        tag: STATUS_TAGS[e.status],
        shared: e.shareable ? 'Yes' : 'No',
        changeHref: paths.pipelineEntry(e.id),
        deleteHref: paths.pipelineDelete(e.id),
        linkContext: `${category} entry ${e.id}`,
      }
    }),
    wants: respondent ? 'your organisation most wants' : 'this organisation most wants',
    hasPriorities: data.priorities.length > 0,
    priorities: data.priorities.map(p => p.title),
    prioritiesLinkText: data.priorities.length === 0 ? 'Choose priorities' : 'Change priorities',
  }
}
