import { distinctBuyers } from '../insights/buyers'
import { quarterOf, quartersIn } from '../pipeline/window'
import { HOSTINGS, type Hosting, type Rating, type StandardPoint } from './estate'
import { countByAuthority, DEFAULT_MIN_RATERS, position, type Position, type RatingCounts } from './position'

/** One authority's system of the product, as the scorecard needs it. */
export interface ScoredEntry {
  entryId: number
  /** The authority's GSS code. */
  organisation: string
  hosting: Hosting
  /** 'YYYY-MM-DD' */
  contractEnd: string | null
  shareable: boolean
}

/** One point's rating of one entry, with when it was first given. */
export interface EntryPointRating {
  entryId: number
  point: string
  rating: Rating
  since: Date
}

export interface ScorecardPoint extends RatingCounts {
  key: string
  title: string
  position: Position
  /** When the earliest 'does not meet' rating of this point was first given; null when none. */
  failingSince: Date | null
}

export interface QuarterCount {
  quarter: string
  count: number
}

export interface Scorecard {
  /** GSS codes running the product, each once, sorted. */
  authorities: string[]
  buyers: number
  /** Authorities by where they run it; an authority with two entries hosted differently counts for both. */
  hosting: { hosting: Hosting; authorities: number }[]
  /** Authorities that rated the product on at least one point of the standard. */
  raters: number
  points: ScorecardPoint[]
  /** From today's quarter to the last contract end, empty quarters included; ended contracts are left out. */
  contractEnds: QuarterCount[]
}

export interface ScorecardInput {
  entries: readonly ScoredEntry[]
  ratings: readonly EntryPointRating[]
  points: readonly Pick<StandardPoint, 'key' | 'title'>[]
  partnerships: readonly (readonly string[])[]
  /** 'YYYY-MM-DD' in London. */
  today: string
  minRaters?: number
}

/** Contract ends on or after `today`, by quarter, with every quarter between filled in. */
export function contractEndsByQuarter(ends: readonly (string | null)[], today: string): QuarterCount[] {
  const coming = ends.filter((d): d is string => d !== null && d >= today).sort()
  const last = coming[coming.length - 1]
  if (last === undefined) return []
  const counts = new Map(quartersIn({ from: today, to: last }).map(q => [q, 0]))
  for (const d of coming) counts.set(quarterOf(d), (counts.get(quarterOf(d)) ?? 0) + 1)
  return [...counts].map(([quarter, count]) => ({ quarter, count }))
}

/** A product's scorecard: who runs it, where, when their contracts end, and London's position on each point. */
export function scorecard(input: ScorecardInput): Scorecard {
  const byEntry = new Map(input.entries.map(e => [e.entryId, e]))
  const authorities = [...new Set(input.entries.map(e => e.organisation))].sort()
  const hosting = HOSTINGS.map(h => ({
    hosting: h,
    authorities: new Set(input.entries.filter(e => e.hosting === h).map(e => e.organisation)).size,
  })).filter(h => h.authorities > 0)
  const located = input.ratings.flatMap(r => {
    const e = byEntry.get(r.entryId)
    return e ? [{ ...r, authority: e.organisation }] : []
  })
  const keys = input.points.map(p => p.key)
  const counts = countByAuthority(located, keys)
  const raters = new Set(located.filter(r => r.rating !== 'not_assessed').map(r => r.authority)).size
  const points = input.points.map((p): ScorecardPoint => {
    const c = counts.get(p.key) ?? { meets: 0, partly: 0, doesNotMeet: 0, notAssessed: 0 }
    const failing = located.filter(r => r.point === p.key && r.rating === 'does_not_meet').map(r => r.since.getTime())
    return {
      key: p.key,
      title: p.title,
      ...c,
      position: position(c, input.minRaters ?? DEFAULT_MIN_RATERS),
      failingSince: failing.length === 0 ? null : new Date(Math.min(...failing)),
    }
  })
  return {
    authorities,
    buyers: distinctBuyers(authorities, input.partnerships),
    hosting,
    raters,
    points,
    contractEnds: contractEndsByQuarter(
      input.entries.map(e => e.contractEnd),
      input.today,
    ),
  }
}

/** The next `n` contract ends from today, soonest first: whose decision comes next. */
export function nextContractEnds<E extends Pick<ScoredEntry, 'contractEnd'>>(
  entries: readonly E[],
  today: string,
  n = 5,
): E[] {
  return entries
    .filter(e => e.contractEnd !== null && e.contractEnd >= today)
    .sort((a, b) => (a.contractEnd ?? '').localeCompare(b.contractEnd ?? ''))
    .slice(0, n)
}
