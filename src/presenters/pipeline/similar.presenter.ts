import { STATUS_LABELS } from '../../domain/pipeline/entry'
import type { DateWindow } from '../../domain/pipeline/window'
import type { SimilarPlan } from '../../services/pipeline/opportunity.service'
import { paths } from '../../paths'
import { listed, longDate } from './opportunities.presenter'

/** The type of the "who else is planning the same" page's view model. */
export interface SimilarView {
  months: number
  to: string
  pipelineHref: string
  hasPlans: boolean
  plans: {
    key: string
    name: string
    detail: string
    others: number
    /** The others that share their name, listed; null when none does. */
    names: string | null
    /** "and 2 more that have not shared", or null when every other one is named. */
    unnamed: string | null
    /** Said when nobody is named: nobody shares, or nobody else plans the same. */
    nobody: string
  }[]
}

/** For each of a borough's open plans, how many others plan the same, naming only those that share. */
export function similarView(sharing: {
  months: number
  window: DateWindow
  plans: readonly SimilarPlan[]
}): SimilarView {
  return {
    months: sharing.months,
    to: longDate(sharing.window.to),
    pipelineHref: paths.pipeline,
    hasPlans: sharing.plans.length > 0,
    plans: sharing.plans.map(p => {
      const e = p.entry
      const system = [e.currentSystem, e.supplier].filter(Boolean).join(', ') || 'No current system recorded'
      const detail = [
        system,
        STATUS_LABELS[e.status].toLowerCase(),
        ...(e.contractEnd ? [`contract ends ${longDate(e.contractEnd)}`] : []),
        ...(e.plannedStart ? [`starts ${longDate(e.plannedStart)}`] : []),
      ].join('; ')
      const more = p.others - p.names.length
      return {
        key: p.category.key,
        name: p.category.name,
        detail,
        others: p.others,
        names: p.names.length > 0 ? listed(p.names) : null,
        unnamed: more > 0 ? `and ${more === 1 ? '1 more that has' : `${more} more that have`} not shared` : null,
        nobody: p.others > 0 ? 'None has chosen to share' : 'Nobody else yet',
      }
    }),
  }
}
