import type { Repositories } from '../../data'
import { londonDate } from '../../domain/assessment/round'
import type { AnalysedEntry } from '../../domain/estate/analysis'
import type { Product, StandardVersion } from '../../domain/estate/estate'
import { nextContractEnds, scorecard, type Scorecard } from '../../domain/estate/scorecard'
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors'
import type { PipelineCategory } from '../../domain/pipeline/entry'
import { isCentralRole } from '../../domain/roles'
import type { User } from '../../domain/user'
import type { Clock } from '../clock'
import { parseScorecardQuery, productIdOf } from './scorecard-query'

export interface ProductScorecard {
  product: Product
  category: PipelineCategory | undefined
  /** Published standards to pick from, and the one shown (undefined when none is published). */
  standards: StandardVersion[]
  standard: StandardVersion | undefined
  minRaters: number
  card: Scorecard
  /** Systems the viewer may see named: every one for central roles, only shareable ones for respondents. */
  named: AnalysedEntry[]
  /** Whether the viewer sees every authority by name (central roles). */
  central: boolean
  today: string
}

/** Why a respondent is shown no scorecard: too few authorities rated the product for none to be picked out. */
export const withheldReason = (minimum: number): string =>
  `This product’s scorecard is shown once at least ${minimum} authorities have rated it, so no authority’s ratings can be picked out`

/** Below the disclosure minimum a respondent learns only what the product is, and why no more is shown. */
export interface WithheldScorecard {
  product: Product
  category: PipelineCategory | undefined
  standard: StandardVersion | undefined
  minimum: number
}

export type ScorecardOutcome = { merged: number } | { scorecard: ProductScorecard } | { withheld: WithheldScorecard }

export interface ProductBrief extends ProductScorecard {
  /** Points London says the product does not meet. */
  failing: Scorecard['points']
  /** The next contract ends, soonest first. */
  nextEnds: AnalysedEntry[]
}

/** Partnerships as lists of members' GSS codes, as the pure functions take them. */
export async function partnershipMembers(repos: Repositories): Promise<string[][]> {
  const [organisations, partnerships] = await Promise.all([repos.organisations.list(), repos.partnerships.list()])
  const byId = new Map(organisations.map(o => [o.id, o.gss]))
  return partnerships.map(p => p.memberIds.flatMap(id => byId.get(id) ?? []))
}

/** The published standards, and the one asked for (its latest published version unless one is named) or the first. */
async function chosenStandard(
  repos: Repositories,
  query: { standard?: string; version?: number },
): Promise<{ standards: StandardVersion[]; standard: StandardVersion | undefined }> {
  const standards = await repos.standards.list({ statuses: ['published'] })
  if (query.standard === undefined) return { standards, standard: standards[0] }
  const versions = (await repos.standards.list({ statuses: ['published', 'retired'] })).filter(
    s => s.key === query.standard,
  )
  const standard =
    query.version === undefined
      ? (versions.filter(s => s.status === 'published').at(-1) ?? versions.at(-1))
      : versions.find(s => s.version === query.version)
  if (!standard)
    throw new ValidationError([
      {
        field: query.version === undefined ? 'standard' : 'version',
        message:
          query.version === undefined
            ? `There is no published standard “${query.standard}”`
            : `Standard “${query.standard}” has no published version ${query.version}`,
      },
    ])
  return { standards, standard }
}

/** A product's scorecard for anyone (respondents only past the disclosure minimum), and its brief for LOTI. */
export function productScorecards(repos: Repositories, clock: Clock, options: { disclosureMinimum: number }) {
  const members = () => partnershipMembers(repos)
  async function scorecardOf(user: User, rawId: string, raw: Record<string, unknown>): Promise<ScorecardOutcome> {
    const id = productIdOf(rawId)
    const query = parseScorecardQuery(raw)
    if (query.errors.length > 0) throw new ValidationError(query.errors)
    const product = await repos.catalogue.findProduct(id)
    if (!product) throw new NotFoundError('There is no such product')
    if (product.mergedIntoId !== null) return { merged: product.mergedIntoId }
    const { standards, standard } = await chosenStandard(repos, query)
    const [entries, partnerships, categories] = await Promise.all([
      repos.estateAnalysis.entries({ productId: product.id }),
      members(),
      repos.pipeline.categories(),
    ])
    const ratings = standard
      ? await repos.estateAnalysis.ratings(
          entries.map(e => e.entryId),
          standard.id,
        )
      : []
    const today = londonDate(clock())
    const card = scorecard({
      entries: entries.map(e => ({ ...e })),
      ratings,
      points: standard?.definition.points ?? [],
      partnerships,
      today,
      minRaters: query.minRaters,
    })
    const isCentral = isCentralRole(user.role)
    const category = categories.find(c => c.key === product.categoryKey)
    if (!isCentral && card.raters < options.disclosureMinimum)
      return { withheld: { product, category, standard, minimum: options.disclosureMinimum } }
    return {
      scorecard: {
        product,
        category,
        standards,
        standard,
        minRaters: query.minRaters,
        card,
        named: isCentral ? entries : entries.filter(e => e.shareable),
        central: isCentral,
        today,
      },
    }
  }

  return {
    scorecard: scorecardOf,

    /** The printable brief for a meeting with the supplier: central roles only. */
    async brief(
      user: User,
      rawId: string,
      raw: Record<string, unknown>,
    ): Promise<{ merged: number } | { brief: ProductBrief }> {
      if (!isCentralRole(user.role))
        throw new ForbiddenError('Only LOTI analysts, assessors and admins see product briefs')
      const outcome = await scorecardOf(user, rawId, raw)
      if ('merged' in outcome) return outcome
      // Central roles see every scorecard, so a brief is never withheld.
      if ('withheld' in outcome) throw new ForbiddenError(withheldReason(outcome.withheld.minimum))
      const s = outcome.scorecard
      return {
        brief: {
          ...s,
          failing: s.card.points.filter(p => p.position === 'does_not_meet'),
          nextEnds: nextContractEnds(s.named, s.today),
        },
      }
    },
  }
}
