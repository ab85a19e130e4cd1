import { distinctBuyers } from '../insights/buyers'
import { inWindow, type DateWindow } from '../pipeline/window'
import type { AnalysedEntry, AnalysedRating } from './analysis'
import type { StandardVersion } from './estate'

/** The point of a published standard that most of a category's authorities rate their product as failing. */
export interface FailingPoint {
  key: string
  title: string
  standardTitle: string
  /** The point's place in its standard, from 1. */
  number: number
  /** Authorities rating it `does_not_meet`, each once however many systems it runs. */
  failing: number
}

type Entry = Pick<AnalysedEntry, 'entryId' | 'organisation' | 'categoryKey' | 'contractEnd'>
type Standard = Pick<StandardVersion, 'id' | 'title' | 'definition'>

/** One category's registered contracts ending in a window: a decision every one of those authorities must make. */
export interface EstateDecision<E extends Entry = AnalysedEntry> {
  categoryKey: string
  /** The systems whose contracts end in the window, soonest first. */
  systems: E[]
  /** Authorities (GSS codes) whose systems' contracts end in the window, each once, sorted. */
  organisations: string[]
  /** How many separate buyers they make, each partnership chain counting once. */
  buyers: number
  /** The first and last of those contract ends, 'YYYY-MM-DD'. */
  earliest: string
  latest: string
  worstPoint: FailingPoint | undefined
}

/** The point most authorities fail among the entries given; on a tie, the first standard's and point's. */
function worstPoint(
  inside: readonly Entry[],
  ratings: readonly AnalysedRating[],
  standards: readonly Standard[],
): FailingPoint | undefined {
  const organisationOf = new Map(inside.map(e => [e.entryId, e.organisation]))
  let worst: FailingPoint | undefined
  for (const standard of standards) {
    standard.definition.points.forEach((point, i) => {
      const failing = new Set(
        ratings
          .filter(r => r.standardVersionId === standard.id && r.point === point.key && r.rating === 'does_not_meet')
          .flatMap(r => organisationOf.get(r.entryId) ?? []),
      ).size
      if (failing > 0 && (worst === undefined || failing > worst.failing))
        worst = { key: point.key, title: point.title, standardTitle: standard.title, number: i + 1, failing }
    })
  }
  return worst
}

/**
 * Per category, the systems on authorities' registers whose contracts end inside the window, most
 * authorities first (then by category key), with how many buyers they make and the point of a published
 * standard most of them rate their product as failing. Only ratings of those ending systems count:
 * an authority whose contract runs on is not choosing now.
 */
export function estateDecisions<E extends Entry>(
  entries: readonly E[],
  ratings: readonly AnalysedRating[],
  standards: readonly Standard[],
  window: DateWindow,
  partnerships: readonly (readonly string[])[],
): EstateDecision<E>[] {
  const ending = entries.filter(e => inWindow(e.contractEnd, window))
  const keys = [...new Set(ending.map(e => e.categoryKey))]
  return keys
    .map(categoryKey => {
      const inside = ending
        .filter(e => e.categoryKey === categoryKey)
        .sort((a, b) => (a.contractEnd ?? '').localeCompare(b.contractEnd ?? '') || a.entryId - b.entryId)
      const organisations = [...new Set(inside.map(e => e.organisation))].sort()
      const dates = inside.flatMap(e => e.contractEnd ?? [])
      return {
        categoryKey,
        systems: inside,
        organisations,
        buyers: distinctBuyers(organisations, partnerships),
        earliest: dates[0] ?? window.from,
        latest: dates[dates.length - 1] ?? window.to,
        worstPoint: worstPoint(inside, ratings, standards),
      }
    })
    .sort((a, b) => b.organisations.length - a.organisations.length || a.categoryKey.localeCompare(b.categoryKey))
}
