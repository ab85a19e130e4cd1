import { londonDate } from '../../domain/assessment/round'
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors'
import type { Organisation } from '../../domain/organisation'
import {
  opportunities,
  parseWindowMonths,
  weaknessJoin,
  type AreaWeakness,
  type Opportunity,
} from '../../domain/pipeline/opportunities'
import { quartersIn, windowFrom, type DateWindow } from '../../domain/pipeline/window'
import { isCentralRole } from '../../domain/roles'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { Partnership } from '../../data/partnership.repository'
import type { Clock } from '../clock'
import { locatedEntries, type LocatedEntry } from './located-entries'
import { pipelineMaturity, type PipelineMaturity } from './pipeline-maturity'
import { pipelinePlans } from './pipeline-plans'
import { similarPlansOf } from './similar-plans.service'
import type { QuestionnaireService } from '../admin/questionnaire.service'
import { estateDecisionsIn } from '../estate/estate-views.service'
import type { EstateDecision } from '../../domain/estate/decisions'
import type { PipelineCategory } from '../../domain/pipeline/entry'

export type { LocatedEntry } from './located-entries'
export type { SimilarPlan } from './similar-plans.service'

export interface OpportunityDetail {
  opportunity: Opportunity<LocatedEntry>
  /** Per maturity area its entries address, weakest share first; `title` names the area. */
  weakness: (AreaWeakness & { title: string })[]
  /** Partnerships with two or more members in the opportunity: why buyers may be fewer than organisations. */
  partnerships: { name: string; members: string[] }[]
}

export interface OpportunityList {
  months: number
  window: DateWindow
  quarters: string[]
  opportunities: OpportunityDetail[]
  /** The round the weaknesses come from; undefined when no round has scores yet. */
  maturity: PipelineMaturity | undefined
  organisations: Map<string, Organisation>
  /** By category key: the systems on authorities' registers whose contracts end in the window, beside the plans. */
  estate: ReadonlyMap<string, EstateDecision>
  /** Categories where registered contracts end in the window but nobody has an open plan: decisions still to come. */
  unplanned: { category: PipelineCategory; decision: EstateDecision }[]
}

function windowOf(raw: Record<string, unknown>, now: Date): { months: number; window: DateWindow } {
  const parsed = parseWindowMonths(raw.windowMonths)
  if (parsed.value === undefined) throw new ValidationError(parsed.errors)
  return { months: parsed.value, window: windowFrom(londonDate(now), parsed.value) }
}

/** An opportunity joined to where its organisations are weak, and the partnerships that may buy together. */
function detail(
  opportunity: Opportunity<LocatedEntry>,
  maturity: PipelineMaturity | undefined,
  partnerships: Partnership[],
  byId: ReadonlyMap<number, Organisation>,
): OpportunityDetail {
  const inside = new Set(opportunity.organisations)
  return {
    opportunity,
    weakness: weaknessJoin(opportunity, maturity?.weakness ?? new Map()).map(w => ({
      ...w,
      title: maturity?.titles.get(w.area) ?? w.area,
    })),
    partnerships: partnerships
      .map(p => ({
        name: p.name,
        members: p.memberIds.flatMap(id => {
          const o = byId.get(id)
          return o && inside.has(o.gss) ? [o.name] : []
        }),
      }))
      .filter(p => p.members.length > 1),
  }
}

/** LOTI's view of who is about to buy what, joined to where they are weak; and each borough's share of it. */
export function opportunityService(repos: Repositories, questionnaires: QuestionnaireService, clock: Clock) {
  const central = (user: User) => {
    if (!isCentralRole(user.role))
      throw new ForbiddenError('Only LOTI analysts, assessors and admins see every authority’s plans')
  }

  async function list(user: User, raw: Record<string, unknown>): Promise<OpportunityList> {
    central(user)
    const { months, window } = windowOf(raw, clock())
    const [{ entries, organisations, byId, categories, partnerships }, maturity] = await Promise.all([
      locatedEntries(repos),
      pipelineMaturity(repos, questionnaires, clock()),
    ])
    const members = partnerships.map(p => p.memberIds.flatMap(id => byId.get(id)?.gss ?? []))
    const planned = opportunities(entries, categories, window, members)
    const estate = await estateDecisionsIn(repos, window, members)
    return {
      months,
      window,
      quarters: quartersIn(window),
      opportunities: planned.map(o => detail(o, maturity, partnerships, byId)),
      maturity,
      organisations: new Map(organisations.map(o => [o.gss, o])),
      estate: new Map(estate.map(d => [d.categoryKey, d])),
      unplanned: estate.flatMap(decision => {
        const category = categories.find(c => c.key === decision.categoryKey)
        const hasPlans = planned.some(o => o.category.key === decision.categoryKey)
        return category && !hasPlans ? [{ category, decision }] : []
      }),
    }
  }

  return {
    list,

    /** One category's opportunity in full, for a printable brief; `opportunity` is undefined when nobody plans in it. */
    async brief(user: User, categoryKey: string, raw: Record<string, unknown>) {
      central(user)
      const category = (await repos.pipeline.categories()).find(c => c.key === categoryKey)
      if (!category) throw new NotFoundError(`There is no pipeline category “${categoryKey}”`)
      const all = await list(user, raw)
      return { ...all, category, opportunity: all.opportunities.find(o => o.opportunity.category.key === category.key) }
    },

    ...similarPlansOf(repos, clock),
    ...pipelinePlans(repos, clock, central),
  }
}

export type OpportunityService = ReturnType<typeof opportunityService>
