import { londonDate } from '../../domain/assessment/round'
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors'
import type { Organisation } from '../../domain/organisation'
import type { PipelineCategory } from '../../domain/pipeline/entry'
import {
  DEFAULT_WINDOW_MONTHS,
  opportunities,
  parseWindowMonths,
  weaknessJoin,
  type AreaWeakness,
  type Opportunity,
} from '../../domain/pipeline/opportunities'
import { similarPlans, type SimilarPlans } from '../../domain/pipeline/similar'
import { quartersIn, windowFrom, type DateWindow } from '../../domain/pipeline/window'
import { isCentralRole } from '../../domain/roles'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { Partnership } from '../../data/partnership.repository'
import type { PipelineEntry } from '../../data/pipeline.repository'
import type { Clock } from '../clock'
import { pipelineMaturity, type PipelineMaturity } from './pipeline-maturity'
import { pipelinePlans } from './pipeline-plans'
import type { QuestionnaireService } from '../admin/questionnaire.service'

/** An entry with whose it is: `organisation` is the GSS code, as the pure functions take it. */
export interface LocatedEntry extends PipelineEntry {
  organisation: string
  organisationName: string
}

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
}

export interface SimilarPlan extends SimilarPlans<LocatedEntry> {
  category: PipelineCategory
  /** Names of the others that chose to share, and only those. */
  names: string[]
}

/** LOTI's view of who is about to buy what, joined to where they are weak; and each borough's share of it. */
export function opportunityService(repos: Repositories, questionnaires: QuestionnaireService, clock: Clock) {
  const central = (user: User) => {
    if (!isCentralRole(user.role))
      throw new ForbiddenError('Only LOTI analysts, assessors and admins see every authority’s plans')
  }

  async function located() {
    const [entries, organisations, categories, partnerships] = await Promise.all([
      repos.pipeline.list(),
      repos.organisations.list(),
      repos.pipeline.categories(),
      repos.partnerships.list(),
    ])
    const byId = new Map(organisations.map(o => [o.id, o]))
    const all = entries.flatMap((e): LocatedEntry[] => {
      const o = byId.get(e.organisationId)
      return o ? [{ ...e, organisation: o.gss, organisationName: o.name }] : []
    })
    return { entries: all, organisations, byId, categories, partnerships }
  }

  function windowOf(raw: Record<string, unknown>): { months: number; window: DateWindow } {
    const parsed = parseWindowMonths(raw.windowMonths)
    if (parsed.value === undefined) throw new ValidationError(parsed.errors)
    return { months: parsed.value, window: windowFrom(londonDate(clock()), parsed.value) }
  }

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

  async function list(user: User, raw: Record<string, unknown>): Promise<OpportunityList> {
    central(user)
    const { months, window } = windowOf(raw)
    const [{ entries, organisations, byId, categories, partnerships }, maturity] = await Promise.all([
      located(),
      pipelineMaturity(repos, questionnaires, clock()),
    ])
    const members = partnerships.map(p => p.memberIds.flatMap(id => byId.get(id)?.gss ?? []))
    return {
      months,
      window,
      quarters: quartersIn(window),
      opportunities: opportunities(entries, categories, window, members).map(o =>
        detail(o, maturity, partnerships, byId),
      ),
      maturity,
      organisations: new Map(organisations.map(o => [o.gss, o])),
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

    /**
     * For each of a respondent's own open entries, how many other authorities plan in the same category
     * over the next two years, and the names of only those that marked such a plan shareable.
     */
    async sharing(user: User): Promise<{ months: number; window: DateWindow; plans: SimilarPlan[] }> {
      if (user.role !== 'respondent' || user.organisationId === null)
        throw new ForbiddenError('Only a borough’s own respondents see who else plans the same as it')
      const { entries, organisations, categories } = await located()
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

    ...pipelinePlans(repos, clock, central),
  }
}

export type OpportunityService = ReturnType<typeof opportunityService>
