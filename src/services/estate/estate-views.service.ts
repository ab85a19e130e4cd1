import type { Repositories } from '../../data'
import { londonDate } from '../../domain/assessment/round'
import type { AnalysedEntry } from '../../domain/estate/analysis'
import { concentration, type Concentration } from '../../domain/estate/concentration'
import { estateDecisions, type EstateDecision } from '../../domain/estate/decisions'
import { ForbiddenError, ValidationError, type FieldError } from '../../domain/errors'
import type { Organisation } from '../../domain/organisation'
import { parseWindowMonths } from '../../domain/pipeline/opportunities'
import type { PipelineCategory } from '../../domain/pipeline/entry'
import { inWindow, windowFrom, type DateWindow } from '../../domain/pipeline/window'
import { isCentralRole } from '../../domain/roles'
import type { User } from '../../domain/user'
import type { Clock } from '../clock'
import { isGiven, stringOf } from './scorecard-query'

export interface CategoryConcentration extends Concentration {
  category: PipelineCategory
  suppliers: (Concentration['suppliers'][number] & { name: string; ending: AnalysedEntry[] })[]
}

export interface ConcentrationReport {
  months: number
  window: DateWindow
  categories: PipelineCategory[]
  chosen: string | undefined
  concentrations: CategoryConcentration[]
}

export interface EstateMapReport {
  organisations: Organisation[]
  categories: PipelineCategory[]
  category: PipelineCategory | undefined
  entries: AnalysedEntry[]
}

/** London's views across the estate: supplier concentration, the map, and the decisions coming up. */
export function estateViews(repos: Repositories, clock: Clock) {
  const central = (user: User, what: string) => {
    if (!isCentralRole(user.role)) throw new ForbiddenError(`Only LOTI analysts, assessors and admins see ${what}`)
  }
  const categoryOf = async (raw: unknown, errors: FieldError[]) => {
    const categories = await repos.pipeline.categories()
    const key = stringOf(raw)
    if (isGiven(raw) && !categories.some(c => c.key === key))
      errors.push({
        field: 'category',
        message: `There is no category “${typeof raw === 'string' ? raw.slice(0, 50) : 'list'}”: choose one from the list`,
      })
    return { categories, key: categories.some(c => c.key === key) ? key : undefined }
  }
  return {
    /** The kinds of system, for a form shown again with its errors. */
    categories: () => repos.pipeline.categories(),

    async concentration(user: User, raw: Record<string, unknown>): Promise<ConcentrationReport> {
      central(user, 'supplier concentration')
      const errors: FieldError[] = []
      const { categories, key } = await categoryOf(raw.category, errors)
      const months = parseWindowMonths(raw.windowMonths)
      errors.push(...months.errors)
      if (errors.length > 0 || months.value === undefined) throw new ValidationError(errors)
      const window = windowFrom(londonDate(clock()), months.value)
      const entries = await repos.estateAnalysis.entries(key ? { categoryKey: key } : {})
      const concentrations = categories.flatMap((category): CategoryConcentration[] => {
        const inside = entries.filter(e => e.categoryKey === category.key)
        if (inside.length === 0) return []
        const c = concentration(inside.map(e => ({ authority: e.organisation, supplierId: e.supplierId })))
        return [
          {
            ...c,
            category,
            suppliers: c.suppliers.map(s => ({
              ...s,
              name: inside.find(e => e.supplierId === s.supplierId)?.supplierName ?? '',
              ending: inside
                .filter(e => e.supplierId === s.supplierId && inWindow(e.contractEnd, window))
                .sort((a, b) => (a.contractEnd ?? '').localeCompare(b.contractEnd ?? '')),
            })),
          },
        ]
      })
      return { months: months.value, window, categories, chosen: key, concentrations }
    },

    /** What each authority runs in one category (the first with any system, unless asked). */
    async map(user: User, raw: Record<string, unknown>): Promise<EstateMapReport> {
      central(user, 'the estate map')
      const errors: FieldError[] = []
      const { categories, key } = await categoryOf(raw.category, errors)
      if (errors.length > 0) throw new ValidationError(errors)
      const [all, organisations] = await Promise.all([repos.estateAnalysis.entries(), repos.organisations.list()])
      const chosen = key ?? categories.find(c => all.some(e => e.categoryKey === c.key))?.key ?? categories[0]?.key
      return {
        organisations,
        categories,
        category: categories.find(c => c.key === chosen),
        entries: all.filter(e => e.categoryKey === chosen),
      }
    },
  }
}

/**
 * Per category, the systems on registers whose contracts end in the window and the point most of those
 * authorities rate their product as failing. `partnerships` lists each partnership's members by GSS code.
 */
export async function estateDecisionsIn(
  repos: Repositories,
  window: DateWindow,
  partnerships: readonly (readonly string[])[],
): Promise<EstateDecision[]> {
  const [entries, standards] = await Promise.all([
    repos.estateAnalysis.entries(),
    repos.standards.list({ statuses: ['published'] }),
  ])
  const ending = entries.filter(e => inWindow(e.contractEnd, window))
  const ratings = await repos.estateAnalysis.ratings(ending.map(e => e.entryId))
  return estateDecisions(ending, ratings, standards, window, partnerships)
}
