import type { Rating } from './estate'

/** London's position on one point of a standard, from how the authorities running a product rated it. */
export const POSITIONS = ['meets', 'does_not_meet', 'mixed', 'too_few'] as const
export type Position = (typeof POSITIONS)[number]
export const POSITION_LABELS: Record<Position, string> = {
  meets: 'Meets',
  does_not_meet: 'Does not meet',
  mixed: 'Mixed',
  too_few: 'Too few ratings',
}

/** The fewest authorities that must have rated a point before London takes a position on it. */
export const DEFAULT_MIN_RATERS = 3

export interface RatingCounts {
  meets: number
  partly: number
  doesNotMeet: number
  notAssessed: number
}

export const emptyCounts = (): RatingCounts => ({ meets: 0, partly: 0, doesNotMeet: 0, notAssessed: 0 })

/** Those that rated the point: 'not assessed' is no rating. */
export const ratedCount = (c: RatingCounts): number => c.meets + c.partly + c.doesNotMeet

/**
 * `too_few` below `minRaters` ratings; otherwise `does_not_meet` or `meets` when MORE than half of
 * those that rated say so (exactly half is not more than half), and `mixed` when neither has a majority.
 */
export function position(counts: RatingCounts, minRaters = DEFAULT_MIN_RATERS): Position {
  const rated = ratedCount(counts)
  if (rated < Math.max(1, minRaters)) return 'too_few'
  if (counts.doesNotMeet * 2 > rated) return 'does_not_meet'
  if (counts.meets * 2 > rated) return 'meets'
  return 'mixed'
}

/** Worst first: an authority's worst rating of a point speaks for it. */
const SEVERITY: Record<Rating, number> = { does_not_meet: 3, partly: 2, meets: 1, not_assessed: 0 }

/** The worse of two ratings; a rating given beats 'not assessed'. */
export const worseRating = (a: Rating, b: Rating): Rating => (SEVERITY[b] > SEVERITY[a] ? b : a)

/** One rating of one point of one authority's system. */
export interface AuthorityRating {
  /** The authority's id (or GSS code): ratings count once per authority. */
  authority: string | number
  point: string
  rating: Rating
}

/**
 * Per point, how many AUTHORITIES gave each rating. An authority that runs the product twice (two
 * entries) counts once, by its worst rating of the point. Every point in `points` gets counts, even if
 * nobody rated it; ratings of other points are ignored.
 */
export function countByAuthority(
  ratings: readonly AuthorityRating[],
  points: readonly string[],
): Map<string, RatingCounts> {
  const worst = new Map<string, Map<string | number, Rating>>(points.map(p => [p, new Map()]))
  for (const r of ratings) {
    const byAuthority = worst.get(r.point)
    if (!byAuthority) continue
    const before = byAuthority.get(r.authority)
    byAuthority.set(r.authority, before === undefined ? r.rating : worseRating(before, r.rating))
  }
  const counts = new Map<string, RatingCounts>()
  for (const [point, byAuthority] of worst) {
    const c = emptyCounts()
    for (const rating of byAuthority.values()) {
      if (rating === 'meets') c.meets++
      else if (rating === 'partly') c.partly++
      else if (rating === 'does_not_meet') c.doesNotMeet++
      else c.notAssessed++
    }
    counts.set(point, c)
  }
  return counts
}
