import { longDate } from '../../domain/format/dates'
import { plural } from '../../domain/format/plurals'
import { DEFAULT_WINDOW_MONTHS, type AreaWeakness } from '../../domain/pipeline/opportunities'
import type { OpportunityDetail, OpportunityList } from '../../services/pipeline/opportunity.service'
import type { PipelineMaturity } from '../../services/pipeline/pipeline-maturity'
import type { EstateDecision } from '../../domain/estate/decisions'
import type { PipelineCategory } from '../../domain/pipeline/entry'
import { paths } from '../../paths'
import { rowHeader, type TableCell, type TableHeadCell, type RowWithCells } from '../govuk-params'
import { element, joinHtml, link, listedHtml, text } from '../html'
import { authorityLink } from './cell-html'

/** Lower-cases a name's first letter inside a sentence, but leaves acronyms ("HR and payroll") alone. */
export const inSentence = (name: string): string =>
  /^[A-Z][a-z’']/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name

export const listed = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`

/** "9 of the 12 authorities with plans for a data platform are weak on data", with who has no score. */
export function weaknessSentence(w: AreaWeakness & { title: string }, categoryName: string): string {
  const n = w.organisations.length
  const u = w.unscored.length
  const area = inSentence(w.title)
  const plans = `with plans for ${inSentence(categoryName)}`
  if (u === n)
    return n === 1
      ? `The one authority ${plans} has no score on ${area}`
      : `None of the ${n} authorities ${plans} has a score on ${area}`
  const main =
    n === 1
      ? `The one authority ${plans} ${w.weak.length === 1 ? 'is' : 'is not'} weak on ${area}`
      : `${w.weak.length} of the ${n} authorities ${plans} ${w.weak.length === 1 ? 'is' : 'are'} weak on ${area}`
  return u === 0 ? main : `${main} (${u} of them ${u === 1 ? 'has' : 'have'} no score there)`
}

/** Says where the weaknesses come from, so nobody mistakes a partial round for a complete one. */
export function maturityNote(maturity: PipelineMaturity | undefined): string {
  if (!maturity) return 'No assessment round has scores yet, so plans cannot be joined to maturity.'
  const which = maturity.closed
    ? 'the latest closed round with scores'
    : 'the latest round with scores; it is still open, so only those that have handed in count'
  return `Weak means a final score below ${maturity.threshold} on the scale of 1 to 5 in ${maturity.round.name} (${which}), where ${plural(maturity.scored, 'organisation has', 'organisations have')} a score.`
}

/**
 * The estate beside the plans: "12 authorities’ finance and ERP contracts end by 27 November 2028; 8 rate
 * their product as not meeting point 7 (Open standards) of the Technology Code of Practice."
 */
export function estateSentence(decision: EstateDecision | undefined, categoryName: string, to: string): string {
  const n = decision?.organisations.length ?? 0
  const kind = inSentence(categoryName)
  if (!decision || n === 0)
    return `No system of this kind on an authority’s register has a contract ending by ${longDate(to)}.`
  const who = n === 1 ? 'One authority’s' : `${n} authorities’`
  const ends = `${who} ${kind} ${n === 1 ? 'contract ends' : 'contracts end'} by ${longDate(to)}`
  const w = decision.worstPoint
  if (!w) return `${ends}.`
  const rate = w.failing === 1 ? (n === 1 ? 'it rates its' : '1 rates its') : `${w.failing} rate their`
  return `${ends}; ${rate} product as not meeting point ${w.number} (${w.title}) of the ${w.standardTitle}.`
}

export const windowQuery = (months: number): string =>
  months === DEFAULT_WINDOW_MONTHS ? '' : `?windowMonths=${months}`

/** The type of the opportunities page's view model (the results under its form). */
export interface OpportunitiesView {
  months: number
  /** "12 months", "1 month" */
  monthsText: string
  from: string
  to: string
  hasRows: boolean
  /** One row a category, most authorities first, marked with the category's key. */
  opportunities: { head: TableHeadCell[]; rows: RowWithCells[] }
  hasTimeline: boolean
  /** Contract ends by quarter, one row a category and a row of totals, marked for the chart to draw. */
  timeline: { head: TableHeadCell[]; rows: RowWithCells[] }
  /** What the contract-ends chart shows, in words. */
  timelineSummary: string
  maturityNote: string
  /** Categories where registered contracts end in the window but nobody has a plan: one row each, most authorities first. */
  unplanned: { head: TableHeadCell[]; rows: RowWithCells[] }
  hasUnplanned: boolean
  /** What the table of unplanned categories holds, in a sentence, or why there is none. */
  unplannedSummary: string
}

const OPPORTUNITY_HEAD: TableHeadCell[] = [
  { text: 'Category and who' },
  { text: 'Authorities', format: 'numeric' },
  { text: 'Separate buyers', format: 'numeric' },
  { text: 'Dates' },
  { text: 'Systems ending on registers' },
  { text: 'Shared weakness' },
]

/** The category, linked to its brief, over the authorities named by GSS code, each linked to its organisation page. */
function categoryHeader(list: OpportunityList, category: PipelineCategory, organisations: readonly string[]) {
  const authorities = organisations
    .map(gss => list.organisations.get(gss) ?? { name: gss, slug: null })
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
    .map(a => (a.slug === null ? text(a.name) : authorityLink({ name: a.name, slug: a.slug })))
  return rowHeader({
    html: joinHtml(
      [
        link(paths.pipelineOpportunity(category.key, windowQuery(list.months)), category.name, '(opportunity brief)'),
        element('span', listedHtml(authorities), 'govuk-body-s app-secondary-text app-opportunities__who'),
      ],
      text(' '),
    ),
  })
}

/** One category's opportunity: who plans, how many buyers they make, when, what ends on registers, and where they are weak. */
function opportunityRow(list: OpportunityList, { opportunity: o, weakness }: OpportunityDetail): RowWithCells {
  const sentences = list.maturity ? weakness.map(w => weaknessSentence(w, o.category.name)) : []
  const noWeakness = list.maturity ? 'No maturity area named for these plans' : 'No scores to compare yet'
  return {
    attributes: { 'data-category': o.category.key },
    cells: [
      categoryHeader(list, o.category, o.organisations),
      { text: String(o.organisations.length), format: 'numeric' },
      { text: String(o.buyers), format: 'numeric' },
      { text: `${longDate(o.earliest)} to ${longDate(o.latest)}`, classes: 'app-opportunities__dates' },
      estateCell(list.estate.get(o.category.key)),
      {
        html:
          sentences.length === 0
            ? element('span', text(noWeakness), 'app-secondary-text')
            : joinHtml(sentences.map(w => element('p', text(w), 'govuk-body-s govuk-!-margin-bottom-1'))),
      },
    ],
  }
}

/** How many authorities' registered systems of this kind end in the window: decisions coming beside the plans. */
function estateCell(decision: EstateDecision | undefined): TableCell {
  const n = decision?.organisations.length ?? 0
  if (n === 0) return { html: element('span', text('None'), 'app-secondary-text') }
  const failing = decision?.worstPoint
  return {
    text: `${plural(n, 'authority', 'authorities')}${failing ? `; ${failing.failing} rate it as not meeting point ${failing.number} (${failing.title})` : ''}`,
    attributes: { 'data-estate-ending': n },
  }
}

const UNPLANNED_HEAD: TableHeadCell[] = [
  { text: 'Category and who' },
  { text: 'Authorities', format: 'numeric' },
  { text: 'Separate buyers', format: 'numeric' },
  { text: 'Contracts end' },
  { text: 'Rated as failing' },
]

/** What they rate their product as failing, in words: "8 of them: point 7 (Open standards) of the Technology Code of Practice". */
export function failingText(decision: EstateDecision): string {
  const w = decision.worstPoint
  if (!w) return 'None rated as not meeting any point'
  return `${w.failing} of them: point ${w.number} (${w.title}) of the ${w.standardTitle}`
}

/** A category where contracts end on registers but nobody has a plan yet: who, how many buyers, when, what fails. */
function unplannedRow(list: OpportunityList, { category, decision }: OpportunityList['unplanned'][number]) {
  return {
    attributes: { 'data-unplanned': category.key },
    cells: [
      categoryHeader(list, category, decision.organisations),
      numeric(decision.organisations.length),
      numeric(decision.buyers),
      {
        text:
          decision.earliest === decision.latest
            ? longDate(decision.earliest)
            : `${longDate(decision.earliest)} to ${longDate(decision.latest)}`,
        classes: 'app-opportunities__dates',
      },
      decision.worstPoint
        ? { text: failingText(decision) }
        : { html: element('span', text(failingText(decision)), 'app-secondary-text') },
    ],
  }
}

const numeric = (count: number): TableCell => ({ text: String(count), format: 'numeric' })

/** Open plans whose contracts end in each quarter, by category, with the totals of each quarter. */
function timelineTable(list: OpportunityList): OpportunitiesView['timeline'] {
  const timeline = list.opportunities
    .map(({ opportunity: o }) => ({
      name: o.category.name,
      counts: o.contractEndsByQuarter.map(q => q.count),
      total: o.contractEndsByQuarter.reduce((sum, q) => sum + q.count, 0),
    }))
    .filter(t => t.total > 0)
  if (timeline.length === 0) return { head: [], rows: [] }
  const quarterTotals = list.quarters.map((_, i) => timeline.reduce((sum, t) => sum + (t.counts[i] ?? 0), 0))
  const head: TableHeadCell[] = [
    { text: 'Category' },
    ...list.quarters.map((q): TableHeadCell => ({ text: q, format: 'numeric', attributes: { 'data-series': true } })),
    { text: 'Total', format: 'numeric' },
  ]
  const rows: RowWithCells[] = timeline.map(t => ({
    attributes: { 'data-chart-row': true },
    cells: [
      rowHeader({ text: t.name }),
      ...t.counts.map((count): TableCell => ({
        ...numeric(count),
        ...(count === 0 ? { classes: 'app-secondary-text' } : {}),
        attributes: { 'data-value': count },
      })),
      numeric(t.total),
    ],
  }))
  const total = quarterTotals.reduce((a, b) => a + b, 0)
  rows.push({
    classes: 'app-score-total',
    cells: [rowHeader({ text: 'All categories' }), ...quarterTotals.map(numeric), numeric(total)],
  })
  return { head, rows }
}

/** The chart's story in a sentence: how many contracts end, and the busiest quarter and its biggest category. */
export function timelineSummary(list: OpportunityList): string {
  const categories = list.opportunities.map(({ opportunity: o }) => ({
    name: o.category.name,
    counts: o.contractEndsByQuarter.map(q => q.count),
  }))
  const perQuarter = list.quarters.map((_, i) => categories.reduce((sum, c) => sum + (c.counts[i] ?? 0), 0))
  const total = perQuarter.reduce((a, b) => a + b, 0)
  if (total === 0) return 'No open plan has a contract ending in the window.'
  const most = Math.max(...perQuarter)
  const busiest = perQuarter.indexOf(most)
  const [lead] = [...categories].sort((a, b) => (b.counts[busiest] ?? 0) - (a.counts[busiest] ?? 0))
  const contracts = (n: number) => (n === 1 ? '1 contract' : `${n} contracts`)
  const largest = lead ? `; the largest category then is ${lead.name} (${lead.counts[busiest] ?? 0})` : ''
  return `${contracts(total)} in open plans ${total === 1 ? 'ends' : 'end'} in the window. The busiest quarter is ${list.quarters[busiest] ?? ''}, with ${contracts(most)}${largest}.`
}

/** Why the unplanned table holds what it does: decisions coming that nobody has planned for. */
export function unplannedSummary(list: Pick<OpportunityList, 'unplanned' | 'estate' | 'window'>): string {
  const by = longDate(list.window.to)
  if (list.unplanned.length > 0)
    return `In ${plural(list.unplanned.length, 'category', 'categories')}, systems on authorities’ registers have contracts ending by ${by} but no authority has an open plan yet. Each is a decision coming, and a chance to make it together.`
  if (list.estate.size === 0) return `No system on an authority’s register has a contract ending by ${by}.`
  return `Wherever a system on an authority’s register has a contract ending by ${by}, some authority already has an open plan in that category: see the table above.`
}

/** The opportunities page's view model: every figure in words, and the timeline table's numbers. */
export function opportunitiesView(list: OpportunityList): OpportunitiesView {
  const timeline = timelineTable(list)
  return {
    months: list.months,
    monthsText: plural(list.months, 'month'),
    from: longDate(list.window.from),
    to: longDate(list.window.to),
    hasRows: list.opportunities.length > 0,
    opportunities: { head: OPPORTUNITY_HEAD, rows: list.opportunities.map(o => opportunityRow(list, o)) },
    hasTimeline: timeline.rows.length > 0,
    timeline,
    timelineSummary: timelineSummary(list),
    maturityNote: maturityNote(list.maturity),
    unplanned: { head: UNPLANNED_HEAD, rows: list.unplanned.map(u => unplannedRow(list, u)) },
    hasUnplanned: list.unplanned.length > 0,
    unplannedSummary: unplannedSummary(list),
  }
}
