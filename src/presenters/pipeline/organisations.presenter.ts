import type { Organisation } from '../../domain/organisation'
import { paths } from '../../paths'
import { withOrganisation } from './pipeline.presenter'
import { rowHeader, type TableCell, type TableHeadCell } from '../govuk-params'
import { link } from '../html'
import { plural } from '../../domain/format/plurals'

/** The type of the organisations' pipelines page's view model. */
export interface PipelineOrganisationsView {
  canWrite: boolean
  allHref: string
  caption: string
  head: TableHeadCell[]
  /** Each organisation's name links to its pipeline, the page this table is for, rather than its profile. */
  rows: TableCell[][]
}

/** Every organisation, linked to its pipeline, with how many entries it has recorded. */
export function pipelineOrganisationsView(
  organisations: readonly Organisation[],
  entries: readonly { organisationId: number }[],
  canWrite: boolean,
): PipelineOrganisationsView {
  const counts = new Map<number, number>()
  for (const e of entries) counts.set(e.organisationId, (counts.get(e.organisationId) ?? 0) + 1)
  return {
    canWrite,
    allHref: paths.pipelineAll,
    caption: plural(organisations.length, 'organisation'),
    head: [{ text: 'Organisation' }, { text: 'Entries', format: 'numeric' }],
    rows: organisations.map(o => [
      rowHeader({ html: link(withOrganisation(paths.pipeline, o.slug), o.name) }),
      { text: String(counts.get(o.id) ?? 0), format: 'numeric' },
    ]),
  }
}
