import { paths } from '../../paths'
import type { EntryView } from '../../services/pipeline/pipeline.service'
import { withOrganisation } from './pipeline.presenter'
import { dateTime } from '../../domain/format/dates'

/** A row of the GOV.UK summary list partial. */
export interface SummaryListRow {
  key: { text: string }
  value: { text: string }
}

/** An entry's summary rows (see summaryRows) as the summary list partial takes them. */
export const summaryListRows = (rows: readonly { key: string; value: string }[]): SummaryListRow[] =>
  rows.map(r => ({ key: { text: r.key }, value: { text: r.value } }))

/** The type of the read-only entry page's view model. */
export interface EntryPageView {
  caption: string
  heading: string
  backHref: string
  rows: SummaryListRow[]
  updatedAt: string
}

/** An entry for those who may see but not change it. */
export function entryPageView(
  entry: EntryView,
  categoryName: string,
  rows: readonly { key: string; value: string }[],
): EntryPageView {
  return {
    caption: entry.organisation.name,
    heading: categoryName,
    backHref: withOrganisation(paths.pipeline, entry.organisation.slug),
    rows: summaryListRows(rows),
    updatedAt: dateTime(entry.updatedAt),
  }
}

/** The type of the delete confirmation's view model. */
export interface DeleteEntryView {
  caption: string
  backHref: string
  action: string
  revision: number
  rows: SummaryListRow[]
}

/** The question before an entry is deleted, with the entry as it is now. */
export function deleteEntryView(
  entry: EntryView,
  slug: string | undefined,
  rows: readonly { key: string; value: string }[],
): DeleteEntryView {
  return {
    caption: entry.organisation.name,
    backHref: withOrganisation(paths.pipeline, slug),
    action: paths.pipelineDelete(entry.id),
    revision: entry.revision,
    rows: summaryListRows(rows),
  }
}
