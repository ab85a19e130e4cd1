import type { Repositories } from '../../data'
import { londonDate } from '../../domain/assessment/round'
import type { AnalysedEntry } from '../../domain/estate/analysis'
import type { EstateEntry } from '../../domain/estate/estate'
import { scorecard } from '../../domain/estate/scorecard'
import type { Clock } from '../clock'
import { partnershipMembers } from '../estate/product-scorecard.service'

/** A point London, by the position rule, says a product does not meet. */
export interface FailingPoint {
  product: { id: number; name: string; supplier: string }
  standard: { key: string; version: number; title: string }
  point: { number: number; title: string }
  doesNotMeet: number
  rated: number
}

/** What the central roles' homes say of the estate: proposals to approve, and where London speaks as one. */
export interface EstateHeadline {
  proposals: number
  failing: FailingPoint[]
}

/** What a respondent's home says of its own register: systems not rated, and contracts ending within a year. */
export interface OwnEstate {
  systems: number
  unrated: number
  endingWithinYear: number
}

const byProduct = (entries: readonly AnalysedEntry[]): Map<number, AnalysedEntry[]> => {
  const grouped = new Map<number, AnalysedEntry[]>()
  for (const e of entries) grouped.set(e.productId, [...(grouped.get(e.productId) ?? []), e])
  return grouped
}

export async function estateHeadline(repos: Repositories, clock: Clock): Promise<EstateHeadline> {
  const [proposed, standards, entries, partnerships] = await Promise.all([
    repos.catalogue.listProducts({ statuses: ['proposed'] }),
    repos.standards.list({ statuses: ['published'] }),
    repos.estateAnalysis.entries(),
    partnershipMembers(repos),
  ])
  const today = londonDate(clock())
  const failing: FailingPoint[] = []
  for (const standard of standards) {
    const ratings = await repos.estateAnalysis.ratings(
      entries.map(e => e.entryId),
      standard.id,
    )
    for (const [, own] of byProduct(entries)) {
      const first = own[0]
      if (!first) continue
      const ids = new Set(own.map(e => e.entryId))
      const card = scorecard({
        entries: own,
        ratings: ratings.filter(r => ids.has(r.entryId)),
        points: standard.definition.points,
        partnerships,
        today,
      })
      card.points.forEach((p, i) => {
        if (p.position !== 'does_not_meet') return
        failing.push({
          product: { id: first.productId, name: first.productName, supplier: first.supplierName },
          standard: { key: standard.key, version: standard.version, title: standard.title },
          point: { number: i + 1, title: p.title },
          doesNotMeet: p.doesNotMeet,
          rated: p.meets + p.partly + p.doesNotMeet,
        })
      })
    }
  }
  return { proposals: proposed.length, failing: failing.sort((a, b) => b.doesNotMeet - a.doesNotMeet) }
}

/** A year from a London date, as 'YYYY-MM-DD'. */
const yearAfter = (today: string): string => `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`

export async function ownEstate(repos: Repositories, organisationId: number, clock: Clock): Promise<OwnEstate> {
  const entries: EstateEntry[] = await repos.estate.list({ organisationId })
  const summaries = await repos.estateRatings.summariesForEntries(entries.map(e => e.id))
  const today = londonDate(clock())
  return {
    systems: entries.length,
    unrated: entries.filter(e => (summaries.get(e.id) ?? []).length === 0).length,
    endingWithinYear: entries.filter(
      e => e.contractEnd !== null && e.contractEnd >= today && e.contractEnd <= yearAfter(today),
    ).length,
  }
}
