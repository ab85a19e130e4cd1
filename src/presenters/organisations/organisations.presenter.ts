import type { Organisation } from '../../domain/organisation'
import type { Role } from '../../domain/roles'
import { paths } from '../../paths'

export interface OrganisationRow {
  gss: string
  name: string
  href: string
  /** 'Inner' or 'Outer' London. */
  london: string
}

export interface OrganisationsTableView {
  caption: string
  rows: OrganisationRow[]
}

/** The table of organisations on the home and organisations pages. */
export function organisationsTableView(organisations: readonly Organisation[]): OrganisationsTableView {
  return {
    caption: `${organisations.length} organisations`,
    rows: organisations.map(o => ({
      gss: o.gss,
      name: o.name,
      href: paths.organisation(o.slug),
      london: o.inner ? 'Inner' : 'Outer',
    })),
  }
}

export interface OrganisationView {
  gss: string
  name: string
  officialName: string
  london: string
  /** Each neighbour's name, with a link only for those who may see every organisation. */
  neighbours: { name: string; href: string | null }[]
  hasNeighbours: boolean
  /** Its partnerships' names in a sentence, or that none is recorded. */
  partnerships: string
}

/** One organisation's facts. A respondent sees only their own, so their neighbours are not links. */
export function organisationView(
  page: { organisation: Organisation; neighbours: readonly Organisation[]; partnerships: readonly { name: string }[] },
  viewerRole: Role,
): OrganisationView {
  const { organisation, neighbours, partnerships } = page
  return {
    gss: organisation.gss,
    name: organisation.name,
    officialName: organisation.officialName,
    london: organisation.inner ? 'Inner London' : 'Outer London',
    neighbours: neighbours.map(n => ({
      name: n.name,
      href: viewerRole === 'respondent' ? null : paths.organisation(n.slug),
    })),
    hasNeighbours: neighbours.length > 0,
    partnerships: partnerships.length === 0 ? 'None recorded' : partnerships.map(p => p.name).join(', '),
  }
}
