import { STATUS_LABELS } from '../../domain/pipeline/entry'
import type { DateWindow } from '../../domain/pipeline/window'
import type { SimilarPlan } from '../../services/pipeline/opportunity.service'
import { paths } from '../../paths'
import { longDate } from '../../domain/format/dates'
import { listed } from './opportunities.presenter'
import { rowHeader, type TableHeadCell, type RowWithCells } from '../govuk-params'
import { element, type Html, joinHtml, text } from '../html'
import { plural } from '../../domain/format/plurals'

/** The type of the "who else is planning the same" page's view model. */
export interface SimilarView {
  months: number
  /** "12 months", "1 month" */
  monthsText: string
  to: string
  pipelineHref: string
  hasPlans: boolean
  head: TableHeadCell[]
  /** One row a plan, marked with its category's key. */
  rows: RowWithCells[]
}

const HEAD: TableHeadCell[] = [
  { text: 'Your plan' },
  { text: 'Other authorities planning the same', format: 'numeric' },
  { text: 'Those that share their name' },
]

const secondary = (words: string, block: boolean): Html =>
  element('span', text(words), block ? 'govuk-body-s app-secondary-text app-similar__detail' : 'app-secondary-text')

/** What the plan is now: its system, status and dates. */
function detailOf(plan: SimilarPlan): string {
  const e = plan.entry
  const system = [e.currentSystem, e.supplier].filter(Boolean).join(', ') || 'No current system recorded'
  return [
    system,
    STATUS_LABELS[e.status].toLowerCase(),
    ...(e.contractEnd ? [`contract ends ${longDate(e.contractEnd)}`] : []),
    ...(e.plannedStart ? [`starts ${longDate(e.plannedStart)}`] : []),
  ].join('; ')
}

/**
 * The others that share their name, listed, and how many more have not; or why nobody is named. The names
 * stay words, not links: a borough's respondent may not open another authority's organisation page.
 */
function whoShares(plan: SimilarPlan): Html {
  if (plan.names.length === 0) return secondary(plan.others > 0 ? 'None has chosen to share' : 'Nobody else yet', false)
  const more = plan.others - plan.names.length
  const unnamed = `and ${plural(more, 'more that has', 'more that have')} not shared`
  return joinHtml([text(listed(plan.names)), ...(more > 0 ? [secondary(unnamed, true)] : [])])
}

/** For each of a borough's open plans, how many others plan the same, naming only those that share. */
export function similarView(sharing: {
  months: number
  window: DateWindow
  plans: readonly SimilarPlan[]
}): SimilarView {
  return {
    months: sharing.months,
    monthsText: plural(sharing.months, 'month'),
    to: longDate(sharing.window.to),
    pipelineHref: paths.pipeline,
    hasPlans: sharing.plans.length > 0,
    head: HEAD,
    rows: sharing.plans.map(p => ({
      attributes: { 'data-category': p.category.key },
      cells: [
        rowHeader({
          html: joinHtml([element('strong', text(p.category.name)), secondary(detailOf(p), true)], text(' ')),
        }),
        { text: String(p.others), format: 'numeric', attributes: { 'data-testid': 'others' } },
        { html: whoShares(p) },
      ],
    })),
  }
}
