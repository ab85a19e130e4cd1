import type { Repositories } from '../../data'
import type { PipelineEntry } from '../../data/pipeline.repository'

/** An entry with whose it is: `organisation` is the GSS code, as the pure functions take it. */
export interface LocatedEntry extends PipelineEntry {
  organisation: string
  organisationName: string
}

/** Every authority's entries with whose they are, and the reference data the opportunity views join them to. */
export async function locatedEntries(repos: Repositories) {
  const [entries, organisations, categories, partnerships] = await Promise.all([
    repos.pipeline.list(),
    repos.organisations.list(),
    repos.pipeline.categories(),
    repos.partnerships.list(),
  ])
  const byId = new Map(organisations.map(o => [o.id, o]))
  const all = entries.flatMap((e): LocatedEntry[] => {
    const o = byId.get(e.organisationId)
    return o ? [{ ...e, organisation: o.gss, organisationName: o.name }] : []
  })
  return { entries: all, organisations, byId, categories, partnerships }
}
