import { londonDate } from '../../domain/assessment/round'
import { ForbiddenError } from '../../domain/errors'
import type { PipelineCategory } from '../../domain/pipeline/entry'
import { DEFAULT_WINDOW_MONTHS } from '../../domain/pipeline/opportunities'
import { similarPlans, type SimilarPlans } from '../../domain/pipeline/similar'
import { windowFrom, type DateWindow } from '../../domain/pipeline/window'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { Clock } from '../clock'
import { locatedEntries, type LocatedEntry } from './located-entries'

export interface SimilarPlan extends SimilarPlans<LocatedEntry> {
  category: PipelineCategory
  /** Names of the others that chose to share, and only those. */
  names: string[]
}

/** A borough's own share of the opportunity view: part of opportunityService. */
export function similarPlansOf(repos: Repositories, clock: Clock) {
  return {
    /**
     * For each of a respondent's own open entries, how many other authorities plan in the same category
     * over the next two years, and the names of only those that marked such a plan shareable.
     */
    async sharing(user: User): Promise<{ months: number; window: DateWindow; plans: SimilarPlan[] }> {
      if (user.role !== 'respondent' || user.organisationId === null)
        throw new ForbiddenError('Only a borough’s own respondents see who else plans the same as it')
      const { entries, organisations, categories } = await locatedEntries(repos)
      const own = organisations.find(o => o.id === user.organisationId)
      const window = windowFrom(londonDate(clock()), DEFAULT_WINDOW_MONTHS)
      const nameOf = new Map(organisations.map(o => [o.gss, o.name]))
      const plans = own
        ? similarPlans(own.gss, entries, window).flatMap(s => {
            const category = categories.find(c => c.key === s.entry.categoryKey)
            return category ? [{ ...s, category, names: s.named.map(gss => nameOf.get(gss) ?? gss) }] : []
          })
        : []
      return { months: DEFAULT_WINDOW_MONTHS, window, plans }
    },
  }
}
