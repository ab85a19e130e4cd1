import {
  ROUTES,
  ROUTE_LABELS,
  STATUS_LABELS,
  VALUE_BANDS,
  VALUE_BAND_LABELS,
  type PipelineCategory,
} from '../../domain/pipeline/entry'
import { addressedArea } from '../../domain/pipeline/opportunities'
import type { OpportunityDetail, OpportunityList } from '../../services/pipeline/opportunity.service'
import { formatScore } from '../scores'
import { paths } from '../../paths'
import { longDate } from '../../domain/format/dates'
import { plural } from '../../domain/format/plurals'
import { estateSentence, inSentence, maturityNote, weaknessSentence, windowQuery } from './opportunities.presenter'
import { rowHeader, type SummaryListRow, type TableCell, type TableHeadCell } from '../govuk-params'
import { element, type Html, joinHtml, link, listedHtml, text } from '../html'
import { HOSTING_LABELS } from '../../domain/estate/estate'
import { authorityLink, listOf } from './cell-html'

type Brief = OpportunityList & { category: PipelineCategory; opportunity: OpportunityDetail | undefined }

const tally = <T extends string>(values: readonly T[], order: readonly T[], labels: Record<T, string>) =>
  order
    .map(v => ({ label: labels[v], count: values.filter(x => x === v).length }))
    .filter(t => t.count > 0)
    .map(t => `${t.label}: ${t.count}`)

interface BriefBase {
  heading: string
  /** The systems on registers whose contracts end in the window, and the point most of them fail. */
  estate: string
  /** Those systems, soonest end first: whose, what, how hosted, when it ends. */
  estateSystems: { head: TableHeadCell[]; rows: TableCell[][] }
  hasEstateSystems: boolean
  months: number
  monthsText: string
  from: string
  to: string
  backHref: string
}

/** The type of the opportunity brief's view model: when nobody plans in the window, only its frame. */
export type OpportunityBriefView =
  | (BriefBase & { found: false })
  | (BriefBase & {
      found: true
      /** The first weakness sentence heads the brief; the others follow under Maturity in the facts. */
      leadWeakness: string | null
      /** Who, how many buyers, when, how big, by what route, and how mature: the summary list's rows. */
      facts: SummaryListRow[]
      /** Each authority's plan, its name linked to the authority's page. */
      plans: { head: TableHeadCell[]; rows: TableCell[][] }
    })

/**
 * An authority's name linked to its organisation page, found by its GSS code or, for a partnership's members
 * (which the service gives by name), by its name; only the name when it is not among the organisations.
 */
function authorityNamed(list: OpportunityList, name: string, gss?: string): Html {
  const organisation =
    gss === undefined ? [...list.organisations.values()].find(o => o.name === name) : list.organisations.get(gss)
  return organisation ? authorityLink(organisation) : text(name)
}

/** The separate buyers, and why they may be fewer than the authorities: the partnerships, their members linked. */
function buyersValue(brief: Brief, detail: OpportunityDetail): Html {
  const o = detail.opportunity
  const partnerships = detail.partnerships.map(p =>
    joinHtml([text(`${p.name} (`), listedHtml(p.members.map(m => authorityNamed(brief, m))), text(')')]),
  )
  if (partnerships.length > 0)
    return joinHtml([text(`${o.buyers}, as partnerships buy once: `), joinHtml(partnerships, text('; '))])
  if (o.buyers === o.organisations.length)
    return text(`${o.buyers}: none of them buys through a partnership with another`)
  return text(String(o.buyers))
}

/** The brief's facts, a summary list: who, how many buyers, when, how big, by what route, how mature. */
function facts(brief: Brief, detail: OpportunityDetail, otherWeakness: readonly string[]): SummaryListRow[] {
  const o = detail.opportunity
  const contractEnds = o.contractEndsByQuarter.filter(q => q.count > 0).map(q => `${q.count} in ${q.quarter}`)
  const dates = `From ${longDate(o.earliest)} to ${longDate(o.latest)}`
  const maturity = [
    ...otherWeakness.map(w => element('p', text(`${w}.`), 'govuk-body')),
    element('p', text(maturityNote(brief.maturity)), 'govuk-body govuk-!-margin-bottom-0'),
  ]
  const row = (key: string, value: SummaryListRow['value']): SummaryListRow => ({ key: { text: key }, value })
  return [
    row('Authorities', {
      text: `${o.organisations.length}, with ${plural(o.entries.length, 'plan')} between them`,
    }),
    row('Separate buyers', { html: buyersValue(brief, detail) }),
    row('Dates', {
      text: contractEnds.length > 0 ? `${dates}. Contracts ending by quarter: ${contractEnds.join(', ')}` : dates,
    }),
    row('Value bands', {
      html: listOf(
        tally(
          o.entries.map(e => e.valueBand),
          VALUE_BANDS,
          VALUE_BAND_LABELS,
        ),
        'govuk-list',
      ),
    }),
    row('Intended routes', {
      html: listOf(
        tally(
          o.entries.map(e => e.route),
          ROUTES,
          ROUTE_LABELS,
        ),
        'govuk-list',
      ),
    }),
    row('Maturity', { html: joinHtml(maturity) }),
  ]
}

/** Who, what they run now, when, how big, and how mature on the area their plan addresses. */
function plansTable(brief: Brief, detail: OpportunityDetail): { head: TableHeadCell[]; rows: TableCell[][] } {
  const { category, maturity } = brief
  const entries = [...detail.opportunity.entries].sort(
    (a, b) =>
      a.organisationName.localeCompare(b.organisationName, 'en-GB') ||
      (a.contractEnd ?? a.plannedStart ?? '').localeCompare(b.contractEnd ?? b.plannedStart ?? ''),
  )
  const areas = entries.map(e => addressedArea(e, category))
  // One area for every plan is named once, in the heading; several are named in each row.
  const [only, ...others] = new Set(areas)
  const areaInRows = only === undefined || only === null || others.length > 0
  const scoreHeading = areaInRows
    ? 'Maturity on the area it addresses'
    : `Score on ${maturity?.titles.get(only) ?? only}`
  const head = ['Authority', 'Current system and supplier', 'Contract ends', 'Planned start', 'Value and route']
  const rows = entries.map((e, i): TableCell[] => {
    const area = areas[i] ?? null
    const score = area === null ? undefined : maturity?.scores.get(e.organisation)?.get(area)
    const areaName = area === null ? 'None named' : (maturity?.titles.get(area) ?? area)
    const scored = `${areaInRows ? `${areaName}: ` : ''}${maturity && area !== null ? formatScore(score) : '–'}`
    const weak = maturity !== undefined && score !== undefined && score < maturity.threshold
    return [
      rowHeader({ html: authorityNamed(brief, e.organisationName, e.organisation) }),
      { text: [e.currentSystem, e.supplier].filter(Boolean).join(', ') || 'Not recorded' },
      { text: e.contractEnd ? longDate(e.contractEnd) : 'Not recorded' },
      { text: e.plannedStart ? longDate(e.plannedStart) : 'Not recorded' },
      { text: `${VALUE_BAND_LABELS[e.valueBand]}; ${inSentence(ROUTE_LABELS[e.route])}` },
      { text: STATUS_LABELS[e.status] },
      {
        html: joinHtml([
          text(scored),
          ...(weak ? [text(' '), element('strong', text('(weak)'), 'app-weak-marker')] : []),
        ]),
      },
    ]
  })
  return { head: [...head, 'Status', scoreHeading].map(heading => ({ text: heading })), rows }
}

/** The registered systems of this kind whose contracts end in the window: the decisions behind the estate sentence. */
function estateSystemsTable(brief: Brief): BriefBase['estateSystems'] {
  const systems = brief.estate.get(brief.category.key)?.systems ?? []
  return {
    head: ['Authority', 'Product', 'Hosting', 'Contract ends'].map(heading => ({ text: heading })),
    rows: systems.map(e => [
      rowHeader({ html: authorityNamed(brief, e.organisationName, e.organisation) }),
      { html: link(paths.product(e.productId), `${e.productName} (${e.supplierName})`) },
      { text: HOSTING_LABELS[e.hosting] },
      { text: e.contractEnd ? longDate(e.contractEnd) : 'Not recorded' },
    ]),
  }
}

/** A one-page brief on one category's opportunity: who, what they run now, when, how big, and where they are weak. */
export function opportunityBriefView(brief: Brief): OpportunityBriefView {
  const { category, maturity } = brief
  const detail = brief.opportunity
  const base = {
    heading: category.name,
    months: brief.months,
    monthsText: plural(brief.months, 'month'),
    from: longDate(brief.window.from),
    to: longDate(brief.window.to),
    backHref: `${paths.pipelineOpportunities}${windowQuery(brief.months)}`,
    estate: estateSentence(brief.estate.get(category.key), category.name, brief.window.to),
    estateSystems: estateSystemsTable(brief),
    hasEstateSystems: (brief.estate.get(category.key)?.systems.length ?? 0) > 0,
  }
  if (!detail) return { ...base, found: false as const }
  const weakness = maturity ? detail.weakness.map(w => weaknessSentence(w, category.name)) : []
  return {
    ...base,
    found: true as const,
    leadWeakness: weakness[0] ?? null,
    facts: facts(brief, detail, weakness.slice(1)),
    plans: plansTable(brief, detail),
  }
}
