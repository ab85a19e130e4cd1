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
import {
  inSentence,
  listed,
  longDate,
  maturityNote,
  plural,
  weaknessSentence,
  windowQuery,
} from './opportunities.presenter'

type Brief = OpportunityList & { category: PipelineCategory; opportunity: OpportunityDetail | undefined }

const tally = <T extends string>(values: readonly T[], order: readonly T[], labels: Record<T, string>) =>
  order
    .map(v => ({ label: labels[v], count: values.filter(x => x === v).length }))
    .filter(t => t.count > 0)
    .map(t => `${t.label}: ${t.count}`)

interface BriefBase {
  heading: string
  months: number
  from: string
  to: string
  backHref: string
  maturityNote: string
}

export interface BriefRow {
  organisation: string
  system: string
  contractEnd: string
  plannedStart: string
  valueAndRoute: string
  status: string
  area: string
  score: string
  weak: boolean
}

/** The type of the opportunity brief's view model: when nobody plans in the window, only its frame. */
export type OpportunityBriefView =
  | (BriefBase & { found: false })
  | (BriefBase & {
      found: true
      organisations: number
      buyers: number
      entriesCount: string
      /** The first weakness sentence heads the brief; the others follow under Maturity. */
      leadWeakness: string | null
      otherWeakness: string[]
      /** "as partnerships buy once: …", or null when no partnership buys for them. */
      partnerships: string | null
      /** True when nobody buys through a partnership with another. */
      noPartnerships: boolean
      earliest: string
      latest: string
      /** "Contracts ending by quarter: …", or null when none end in the window. */
      contractEnds: string | null
      valueBands: string[]
      routes: string[]
      scoreHeading: string
      areaInRows: boolean
      rows: BriefRow[]
    })

/** A one-page brief on one category's opportunity: who, what they run now, when, how big, and where they are weak. */
export function opportunityBriefView(brief: Brief): OpportunityBriefView {
  const { category, maturity } = brief
  const detail = brief.opportunity
  const base = {
    heading: category.name,
    months: brief.months,
    from: longDate(brief.window.from),
    to: longDate(brief.window.to),
    backHref: `${paths.pipelineOpportunities}${windowQuery(brief.months)}`,
    maturityNote: maturityNote(maturity),
  }
  if (!detail) return { ...base, found: false as const }
  const o = detail.opportunity
  const entries = [...o.entries].sort(
    (a, b) =>
      a.organisationName.localeCompare(b.organisationName, 'en-GB') ||
      (a.contractEnd ?? a.plannedStart ?? '').localeCompare(b.contractEnd ?? b.plannedStart ?? ''),
  )
  const partnerships = detail.partnerships.map(p => `${p.name} (${listed(p.members)})`)
  const contractEnds = o.contractEndsByQuarter.filter(q => q.count > 0).map(q => `${q.count} in ${q.quarter}`)
  const weakness = maturity ? detail.weakness.map(w => weaknessSentence(w, category.name)) : []
  return {
    ...base,
    found: true as const,
    organisations: o.organisations.length,
    buyers: o.buyers,
    partnerships: partnerships.length > 0 ? partnerships.join('; ') : null,
    noPartnerships: partnerships.length === 0 && o.buyers === o.organisations.length,
    earliest: longDate(o.earliest),
    latest: longDate(o.latest),
    contractEnds: contractEnds.length > 0 ? contractEnds.join(', ') : null,
    valueBands: tally(
      o.entries.map(e => e.valueBand),
      VALUE_BANDS,
      VALUE_BAND_LABELS,
    ),
    routes: tally(
      o.entries.map(e => e.route),
      ROUTES,
      ROUTE_LABELS,
    ),
    leadWeakness: weakness[0] ?? null,
    otherWeakness: weakness.slice(1),
    entriesCount: plural(o.entries.length, 'plan'),
    ...scoreColumn(entries.map(e => addressedArea(e, category))),
    rows: entries.map(e => {
      const area = addressedArea(e, category)
      const score = area === null ? undefined : maturity?.scores.get(e.organisation)?.get(area)
      return {
        organisation: e.organisationName,
        system: [e.currentSystem, e.supplier].filter(Boolean).join(', ') || 'Not recorded',
        contractEnd: e.contractEnd ? longDate(e.contractEnd) : 'Not recorded',
        plannedStart: e.plannedStart ? longDate(e.plannedStart) : 'Not recorded',
        valueAndRoute: `${VALUE_BAND_LABELS[e.valueBand]}; ${inSentence(ROUTE_LABELS[e.route])}`,
        status: STATUS_LABELS[e.status],
        area: area === null ? 'None named' : (maturity?.titles.get(area) ?? area),
        score: maturity && area !== null ? formatScore(score) : '–',
        weak: maturity !== undefined && score !== undefined && score < maturity.threshold,
      }
    }),
  }

  /** One area for every plan is named once, in the heading; several are named in each row. */
  function scoreColumn(areas: (string | null)[]) {
    const [only, ...others] = new Set(areas)
    if (only === undefined || only === null || others.length > 0)
      return { scoreHeading: 'Maturity on the area it addresses', areaInRows: true }
    return { scoreHeading: `Score on ${maturity?.titles.get(only) ?? only}`, areaInRows: false }
  }
}
