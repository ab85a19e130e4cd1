import type { FieldError } from '../errors'
import { isStorable, UNSTORABLE_MESSAGE } from '../storable-text'
import { RATINGS, RATING_LABELS, type Rating, type StandardPoint } from './estate'

export const MAX_EVIDENCE_LENGTH = 5000

/** Which standard version a set of ratings is against, as a request names it. */
export interface StandardRef {
  key: string
  version: number
}

/** A system's ratings as checked: every point of the standard has one. */
export interface CheckedRatings {
  ratings: Record<string, Rating>
  evidence: string | null
  revision: number
}

/** One point's rating as stored, or as about to be: `since` is when it was first given and kept unchanged. */
export interface RatedPoint {
  rating: Rating
  since: Date
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isRating = (value: unknown): value is Rating =>
  typeof value === 'string' && (RATINGS as readonly string[]).includes(value)

const ratingWords = RATINGS.map(r => `“${r}” (${RATING_LABELS[r].toLowerCase()})`).join(', ')

/** The standard a request names, `{ key, version }`, or what is wrong with how it names it. */
export function standardRefOf(raw: unknown): { value?: StandardRef; errors: FieldError[] } {
  if (!isRecord(raw))
    return { errors: [{ field: '/standard', message: 'Say which standard, as { "key": "lgdss", "version": 1 }' }] }
  const errors: FieldError[] = []
  const key = raw.key
  const version = typeof raw.version === 'string' && /^\d{1,9}$/.test(raw.version) ? Number(raw.version) : raw.version
  if (typeof key !== 'string' || key === '' || key.length > 100)
    errors.push({ field: '/standard/key', message: 'Give the standard’s key, like “lgdss”' })
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1)
    errors.push({ field: '/standard/version', message: 'Give the standard’s version, a whole number from 1' })
  if (errors.length > 0) return { errors }
  return { value: { key: key as string, version: version as number }, errors }
}

/** The revision a save is based on: 0 before anything was saved. */
export function revisionOf(raw: unknown): number | undefined {
  const revision = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : raw
  return typeof revision === 'number' && Number.isSafeInteger(revision) && revision >= 0 ? revision : undefined
}

/**
 * Checks ratings against the standard's points: a point the standard does not have, or a rating that is
 * not one of the four, is refused naming the point; a point left out is not assessed. Evidence is optional.
 */
export function checkRatings(
  raw: { ratings?: unknown; evidence?: unknown; revision?: unknown },
  points: readonly StandardPoint[],
): { value?: CheckedRatings; errors: FieldError[] } {
  const errors: FieldError[] = []
  const known = new Map(points.map((p, i) => [p.key, { point: p, number: i + 1 }]))
  const ratings: Record<string, Rating> = Object.fromEntries(points.map(p => [p.key, 'not_assessed']))
  if (raw.ratings !== undefined && !isRecord(raw.ratings)) {
    errors.push({ field: '/ratings', message: 'Give the ratings as an object of point keys and ratings' })
  } else {
    for (const [key, rating] of Object.entries(raw.ratings ?? {})) {
      const at = `/ratings/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`
      const found = known.get(key)
      const named = key.length > 100 ? `“${key.slice(0, 100)}…”` : `“${key}”`
      if (!found) errors.push({ field: at, message: `The standard has no point ${named}` })
      else if (!isRating(rating))
        errors.push({
          field: at,
          message: `Point ${found.number} (${found.point.title}): the rating must be one of ${ratingWords}`,
        })
      else ratings[key] = rating
    }
  }
  let evidence: string | null = null
  if (raw.evidence !== undefined && raw.evidence !== null) {
    if (typeof raw.evidence !== 'string') errors.push({ field: '/evidence', message: 'Evidence must be text' })
    else if (raw.evidence.length > MAX_EVIDENCE_LENGTH)
      errors.push({ field: '/evidence', message: `Evidence must be ${MAX_EVIDENCE_LENGTH} characters or fewer` })
    else if (!isStorable(raw.evidence)) errors.push({ field: '/evidence', message: `Evidence ${UNSTORABLE_MESSAGE}` })
    else evidence = raw.evidence.trim() === '' ? null : raw.evidence.trim()
  }
  const revision = revisionOf(raw.revision)
  if (revision === undefined)
    errors.push({
      field: '/revision',
      message: 'Send the revision the ratings are based on: 0 for the first save, else the whole number you were given',
    })
  if (errors.length > 0 || revision === undefined) return { errors }
  return { value: { ratings, evidence, revision }, errors }
}

/** A point's `since`: kept while its rating stays the same, and now when the rating changes. */
export function sinceFor(previous: RatedPoint | undefined, rating: Rating, now: Date): Date {
  return previous && previous.rating === rating ? previous.since : now
}

/** Every point's rating with its `since`, given what was stored before. */
export function withSince(
  ratings: Record<string, Rating>,
  previous: Record<string, RatedPoint>,
  now: Date,
): Record<string, RatedPoint> {
  return Object.fromEntries(
    Object.entries(ratings).map(([key, rating]) => [key, { rating, since: sinceFor(previous[key], rating, now) }]),
  )
}

/** "9 of 15 points rated; 3 do not meet". */
export interface RatingSummary {
  points: number
  rated: number
  meets: number
  partly: number
  doesNotMeet: number
}

export function summarise(ratings: readonly Rating[], points: number): RatingSummary {
  const count = (r: Rating) => ratings.filter(x => x === r).length
  return {
    points,
    rated: ratings.filter(r => r !== 'not_assessed').length,
    meets: count('meets'),
    partly: count('partly'),
    doesNotMeet: count('does_not_meet'),
  }
}

export function summaryInWords(s: RatingSummary): string {
  const rated = `${s.rated} of ${s.points} ${s.points === 1 ? 'point' : 'points'} rated`
  return s.doesNotMeet > 0 ? `${rated}; ${s.doesNotMeet} ${s.doesNotMeet === 1 ? 'does' : 'do'} not meet` : rated
}
