import type { Organisation } from '../../domain/organisation'
import type { Role } from '../../domain/roles'
import { paths } from '../../paths'
import { govukList } from '../assessments/markup'
import type { SummaryListRow, TableHeadCell, TableRow } from '../govuk-params'
import { link, text } from '../html'
import type { OrganisationPage } from '../../services/organisations/organisation.service'
import {
  assessmentsTable,
  partnershipRows,
  peopleTable,
  pipelineSummary,
  reportsTable,
} from './organisation-hub.presenter'
import type { HubTable } from './hub-table'
import { hubTrendChart, type LineChartView } from './hub-trend-chart.presenter'
import { hubScores, hubTrendSummary, trendTable } from './hub-trend.presenter'
import { plural } from '../../domain/format/plurals'

export interface OrganisationsTableView {
  caption: string
  head: TableHeadCell[]
  /** GSS code, then the name as the row header, linked to the organisation's page, then inner or outer. */
  rows: TableRow[]
}

const HEAD: TableHeadCell[] = [{ text: 'GSS code' }, { text: 'Name' }, { text: 'Inner or outer London' }]

/** The table of organisations on the home and organisations pages. */
export function organisationsTableView(organisations: readonly Organisation[]): OrganisationsTableView {
  return {
    caption: plural(organisations.length, 'organisation'),
    head: HEAD,
    rows: organisations.map(o => [
      { text: o.gss },
      { html: link(paths.organisation(o.slug), o.name), header: true, classes: 'app-table__row-header' },
      { text: o.inner ? 'Inner' : 'Outer' },
    ]),
  }
}

export interface OrganisationView {
  gss: string
  name: string
  /** Official name, GSS code, inner or outer London, neighbours and partnerships. */
  rows: SummaryListRow[]
  assessments: HubTable
  trend: HubTable
  /** The same scores drawn, and what they show in words; null when none has been scored. */
  trendChart: LineChartView | null
  trendSummary: string | null
  reports: HubTable
  pipeline: SummaryListRow[]
  partnerships: SummaryListRow[]
  hasPartnerships: boolean
  /** Administrators only; null for everyone else. */
  people: HubTable | null
}

/**
 * One organisation's page: its facts, then everything about it the viewer may reach. A respondent sees only their own organisation, so their neighbours are not
 * links: every other organisation's page would refuse them.
 */
export function organisationView(page: OrganisationPage, viewerRole: Role): OrganisationView {
  const { organisation, neighbours, partnerships } = page
  const scores = hubScores(page.assessments)
  const trendSummary = hubTrendSummary(scores, organisation.name)
  const neighbour = (n: Organisation) =>
    viewerRole === 'respondent' ? text(n.name) : link(paths.organisation(n.slug), n.name)
  return {
    gss: organisation.gss,
    name: organisation.name,
    rows: [
      { key: { text: 'Official name' }, value: { text: organisation.officialName } },
      { key: { text: 'GSS code' }, value: { text: organisation.gss } },
      { key: { text: 'Inner or outer London' }, value: { text: organisation.inner ? 'Inner London' : 'Outer London' } },
      {
        key: { text: 'Neighbours' },
        value: neighbours.length === 0 ? { text: 'None' } : { html: govukList(neighbours.map(neighbour)) },
      },
      {
        key: { text: 'Partnerships' },
        value: { text: partnerships.length === 0 ? 'None recorded' : partnerships.map(p => p.name).join(', ') },
      },
    ],
    assessments: assessmentsTable(page.assessments),
    trend: trendTable(scores),
    trendChart: trendSummary === null ? null : hubTrendChart(scores),
    trendSummary,
    reports: reportsTable(page.assessments, viewerRole),
    pipeline: pipelineSummary(page.pipeline, organisation, viewerRole),
    partnerships: partnershipRows(partnerships, viewerRole),
    hasPartnerships: partnerships.length > 0,
    people: page.people ? peopleTable(page.people) : null,
  }
}
