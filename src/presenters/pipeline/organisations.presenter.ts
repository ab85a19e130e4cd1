import type { Organisation } from '../../domain/organisation'
import { paths } from '../../paths'
import { withOrganisation } from './pipeline.presenter'

/** The type of the organisations' pipelines page's view model. */
export interface PipelineOrganisationsView {
  canWrite: boolean
  allHref: string
  caption: string
  rows: { name: string; href: string; entries: number }[]
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
    caption: `${organisations.length} organisations`,
    rows: organisations.map(o => ({
      name: o.name,
      href: withOrganisation(paths.pipeline, o.slug),
      entries: counts.get(o.id) ?? 0,
    })),
  }
}
