import { HOSTING_LABELS } from '../../domain/estate/estate'
import { POSITION_LABELS, type Position } from '../../domain/estate/position'
import type { QuarterCount, ScorecardPoint } from '../../domain/estate/scorecard'
import { longDate } from '../../domain/format/dates'
import { plural } from '../../domain/format/plurals'
import type { AnalysedEntry } from '../../domain/estate/analysis'
import type { ProductBrief, ProductScorecard, WithheldScorecard } from '../../services/estate/estate-analysis.service'
import { paths } from '../../paths'
import { rowHeader, type RowWithCells, type SummaryListRow, type TableCell, type TableHeadCell } from '../govuk-params'
import { element, joinHtml, link, listedHtml, tag, text, type Html } from '../html'
import { authorityLink } from '../pipeline/cell-html'

/** London's position as a tag: the words say it, the colour only repeats them. */
export const POSITION_TAG_CLASSES: Record<Position, string> = {
  meets: 'govuk-tag--green',
  does_not_meet: 'govuk-tag--red',
  mixed: 'govuk-tag--yellow',
  too_few: 'govuk-tag--grey',
}
export const positionTag = (p: Position): Html => tag({ text: POSITION_LABELS[p], classes: POSITION_TAG_CLASSES[p] })

const numeric = (n: number): TableCell => ({ text: String(n), format: 'numeric' })

/** The standard as the query string that picks it. */
export const standardQuery = (s: { key: string; version: number }): string =>
  `?standard=${encodeURIComponent(s.key)}&version=${s.version}`

/** "2027 Q1" for the chart's columns; the sentence names the busiest quarter. */
export function contractEndsSummary(ends: readonly QuarterCount[]): string {
  const total = ends.reduce((sum, q) => sum + q.count, 0)
  if (total === 0) return 'No authority running it has told us of a contract ending from today on.'
  const most = Math.max(...ends.map(q => q.count))
  const busiest = ends.find(q => q.count === most)?.quarter ?? ''
  const contracts = plural(total, 'contract')
  return `${contracts} for it ${total === 1 ? 'ends' : 'end'} from today on; the busiest quarter is ${busiest}, with ${most}.`
}

/** One row the chart draws (one bar a quarter) over the table that carries the same numbers. */
export function contractEndsTable(ends: readonly QuarterCount[]): { head: TableHeadCell[]; rows: RowWithCells[] } {
  if (ends.length === 0) return { head: [], rows: [] }
  return {
    head: [
      { text: 'Contracts' },
      ...ends.map((q): TableHeadCell => ({ text: q.quarter, format: 'numeric', attributes: { 'data-series': true } })),
    ],
    rows: [
      {
        attributes: { 'data-chart-row': true },
        cells: [
          rowHeader({ text: 'Contracts ending' }),
          ...ends.map((q): TableCell => ({ ...numeric(q.count), attributes: { 'data-value': q.count } })),
        ],
      },
    ],
  }
}

const POINT_HEAD: TableHeadCell[] = [
  { text: 'Point' },
  { text: 'Meets', format: 'numeric' },
  { text: 'Partly meets', format: 'numeric' },
  { text: 'Does not meet', format: 'numeric' },
  { text: 'Not assessed', format: 'numeric' },
  { text: 'London’s position' },
]

const sentenceCase = (words: string): string => words.charAt(0).toUpperCase() + words.slice(1)

function pointRows(points: readonly ScorecardPoint[]): RowWithCells[] {
  return points.map((p, i) => ({
    attributes: { 'data-point': p.key },
    cells: [
      rowHeader({ text: `${i + 1}. ${p.title}` }),
      numeric(p.meets),
      numeric(p.partly),
      numeric(p.doesNotMeet),
      numeric(p.notAssessed),
      { html: positionTag(p.position) },
    ],
  }))
}

const authorityNames = (entries: readonly AnalysedEntry[], linked: boolean): Html => {
  const seen = new Map(entries.map(e => [e.organisation, e]))
  const items = [...seen.values()]
    .sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'en-GB'))
    .map(e =>
      linked ? authorityLink({ name: e.organisationName, slug: e.organisationSlug }) : text(e.organisationName),
    )
  return listedHtml(items)
}

function facts(s: ProductScorecard): SummaryListRow[] {
  const count = s.card.authorities.length
  const named = s.named.length > 0
  const who: Html = s.central
    ? count === 0
      ? text('No authority has it on its register')
      : joinHtml([text(`${count}: `), authorityNames(s.named, true)])
    : named
      ? joinHtml([text(`${count}, among them (those that share their entry) `), authorityNames(s.named, false)])
      : text(String(count))
  const hosting = s.card.hosting
    .map(h => `${HOSTING_LABELS[h.hosting].toLowerCase()} at ${plural(h.authorities, 'authority', 'authorities')}`)
    .join('; ')
  return [
    { key: { text: 'Supplier' }, value: { text: s.product.supplier.name } },
    { key: { text: 'Kind of system' }, value: { text: s.category?.name ?? s.product.categoryKey } },
    { key: { text: 'Authorities running it' }, value: { html: who } },
    {
      key: { text: 'Separate buyers' },
      value: { text: `${s.card.buyers} (authorities that buy through a shared service count once)` },
    },
    { key: { text: 'Where it runs' }, value: { text: hosting === '' ? 'Not recorded' : sentenceCase(hosting) } },
  ]
}

export interface ScorecardView {
  heading: string
  caption: string
  facts: SummaryListRow[]
  /** One link per published standard; the one shown is text, not a link. */
  standards: { html: Html }[]
  hasStandard: boolean
  standardTitle: string
  ratersNote: string
  points: { head: TableHeadCell[]; rows: RowWithCells[] }
  hasContractEnds: boolean
  contractEnds: { head: TableHeadCell[]; rows: RowWithCells[] }
  contractEndsSummary: string
  /** The plans that would replace it: for central roles, who see the pipeline's opportunities. */
  replaceHref: string | null
  briefHref: string | null
  /** London's views of the same kind of system, for central roles: who runs what, and how concentrated. */
  mapHref: string | null
  concentrationHref: string | null
}

export function scorecardView(s: ProductScorecard): ScorecardView {
  const query = s.standard ? standardQuery(s.standard) : ''
  const ends = contractEndsTable(s.card.contractEnds)
  return {
    heading: s.product.name,
    caption: `${s.product.supplier.name} · ${s.category?.name ?? s.product.categoryKey}`,
    facts: facts(s),
    standards: s.standards.map(st => {
      const label = `${st.title} (version ${st.version})`
      return {
        html:
          s.standard?.id === st.id
            ? element('strong', text(`${label} (shown below)`))
            : link(paths.product(s.product.id, standardQuery(st)), label),
      }
    }),
    hasStandard: s.standard !== undefined,
    standardTitle: s.standard ? `${s.standard.title} (version ${s.standard.version})` : '',
    ratersNote: `${plural(s.card.raters, 'authority has', 'authorities have')} rated it against this standard. London takes a position on a point once at least ${s.minRaters} have rated it: more than half saying it does not meet, or more than half saying it meets; otherwise the position is mixed.`,
    points: { head: POINT_HEAD, rows: pointRows(s.card.points) },
    hasContractEnds: ends.rows.length > 0,
    contractEnds: ends,
    contractEndsSummary: contractEndsSummary(s.card.contractEnds),
    replaceHref: s.central ? paths.pipelineOpportunity(s.product.categoryKey) : null,
    briefHref: s.central ? paths.productBrief(s.product.id, query) : null,
    mapHref: s.central ? paths.estateMap(`?category=${encodeURIComponent(s.product.categoryKey)}`) : null,
    concentrationHref: s.central
      ? paths.estateConcentration(`?category=${encodeURIComponent(s.product.categoryKey)}`)
      : null,
  }
}

export interface ProductBriefView {
  heading: string
  caption: string
  backHref: string
  facts: SummaryListRow[]
  hasFailing: boolean
  failing: { head: TableHeadCell[]; rows: TableCell[][] }
  hasNextEnds: boolean
  nextEnds: { head: TableHeadCell[]; rows: TableCell[][] }
}

export function productBriefView(b: ProductBrief): ProductBriefView {
  const query = b.standard ? standardQuery(b.standard) : ''
  return {
    heading: b.product.name,
    caption: `Brief for a meeting with ${b.product.supplier.name}${b.standard ? `, against ${b.standard.title} (version ${b.standard.version})` : ''}`,
    backHref: paths.product(b.product.id, query),
    facts: facts(b).filter(f => f.key.text !== 'Kind of system'),
    hasFailing: b.failing.length > 0,
    failing: {
      head: [
        { text: 'Point' },
        { text: 'Authorities saying it does not meet', format: 'numeric' },
        { text: 'Of those that rated it', format: 'numeric' },
        { text: 'Failing since' },
      ],
      rows: b.failing.map(p => [
        rowHeader({ text: `${b.card.points.indexOf(p) + 1}. ${p.title}` }),
        numeric(p.doesNotMeet),
        numeric(p.meets + p.partly + p.doesNotMeet),
        { text: p.failingSince ? longDate(p.failingSince) : '' },
      ]),
    },
    hasNextEnds: b.nextEnds.length > 0,
    nextEnds: {
      head: [{ text: 'Authority' }, { text: 'Contract ends' }, { text: 'Where it runs' }],
      rows: b.nextEnds.map(e => [
        rowHeader({ text: e.organisationName }),
        { text: e.contractEnd ? longDate(e.contractEnd) : '' },
        { text: HOSTING_LABELS[e.hosting] },
      ]),
    },
  }
}

/** The type of the page a respondent sees for a product too few authorities have rated. */
export interface WithheldScorecardView {
  heading: string
  caption: string
  explanation: string
  backHref: string
}

export function withheldScorecardView(w: WithheldScorecard): WithheldScorecardView {
  const against = w.standard ? ` against the ${w.standard.title}` : ''
  return {
    heading: w.product.name,
    caption: `${w.product.supplier.name} · ${w.category?.name ?? w.product.categoryKey}`,
    explanation: `London’s scorecard for this product is shown to councils once at least ${w.minimum} authorities have rated it${against}, so no one authority’s ratings can be picked out. Rate your own system, if you run it, to bring that day closer.`,
    backHref: paths.products,
  }
}
