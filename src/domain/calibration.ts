/**
 * Calibration: how far assessors moved boroughs' self-assessed levels in a round, per organisation and
 * per assessor, so that systematic over- or under-rating and inconsistent assessors stand out.
 */

export interface Party {
  id: number
  name: string
}

/** One question an assessor moderated: the level they settled on, and the borough's own level. */
export interface ModeratedQuestion {
  organisation: Party
  /** Null when the assessor's account is no longer recorded against the moderation. */
  assessor: Party | null
  dimensionKey: string
  /** Null when the borough left the question unanswered or marked it not applicable. */
  selfLevel: number | null
  moderatedLevel: number
}

export type Direction = 'raised' | 'lowered' | 'no net change'

export interface Adjustments {
  /** Questions moderated. */
  reviewed: number
  /** Of those, the ones with a self-assessed level to compare with. */
  compared: number
  changed: number
  raised: number
  lowered: number
  /** Mean of (moderated − self) over the compared questions; null when none were compared. */
  meanAdjustment: number | null
  direction: Direction | null
  /** See SYSTEMATIC_MEAN and MIN_COMPARED. */
  systematic: boolean
}

export interface CalibrationRow {
  /** Null only for moderations whose assessor is no longer recorded. */
  id: number | null
  name: string
  all: Adjustments
  /** In the order of the dimension keys calibrate was given. */
  dimensions: (Adjustments & { key: string })[]
}

export interface AssessorRow extends CalibrationRow {
  /** Population standard deviation of this assessor's adjustments, in levels. */
  spread: number | null
  /** The same over every other assessor's adjustments taken together. */
  othersSpread: number | null
  inconsistent: boolean
}

export interface Calibration {
  organisations: CalibrationRow[]
  assessors: AssessorRow[]
}

/** A mean adjustment this far from zero, either way, is systematic: half a level on average. */
export const SYSTEMATIC_MEAN = 0.5
/** Fewer compared questions than this flag nothing: one or two changes are anecdote, not a pattern. */
export const MIN_COMPARED = 3
/** An assessor whose spread exceeds everyone else's by this many levels is inconsistent. */
export const INCONSISTENT_MARGIN = 0.5
export const UNRECORDED_ASSESSOR = 'Assessor not recorded'

// Spreads are square roots, so a margin met exactly can land a hair short in floating point.
const EPSILON = 1e-9

const adjustmentsOf = (questions: readonly ModeratedQuestion[]): number[] =>
  questions.flatMap(q => (q.selfLevel === null ? [] : [q.moderatedLevel - q.selfLevel]))

export function spread(adjustments: readonly number[]): number | null {
  if (adjustments.length === 0) return null
  const mean = adjustments.reduce((a, b) => a + b, 0) / adjustments.length
  return Math.sqrt(adjustments.reduce((sum, x) => sum + (x - mean) ** 2, 0) / adjustments.length)
}

export function summarise(questions: readonly ModeratedQuestion[]): Adjustments {
  const deltas = adjustmentsOf(questions)
  const raised = deltas.filter(d => d > 0).length
  const lowered = deltas.filter(d => d < 0).length
  // The sum is a whole number, so the direction and the flag never hinge on a rounding error.
  const sum = deltas.reduce((a, b) => a + b, 0)
  const compared = deltas.length
  return {
    reviewed: questions.length,
    compared,
    changed: raised + lowered,
    raised,
    lowered,
    meanAdjustment: compared === 0 ? null : sum / compared,
    direction: compared === 0 ? null : sum > 0 ? 'raised' : sum < 0 ? 'lowered' : 'no net change',
    systematic: compared >= MIN_COMPARED && Math.abs(sum) >= SYSTEMATIC_MEAN * compared,
  }
}

function groupBy(questions: readonly ModeratedQuestion[], party: (q: ModeratedQuestion) => Party | null) {
  const groups = new Map<number | null, { party: Party | null; questions: ModeratedQuestion[] }>()
  for (const q of questions) {
    const p = party(q)
    const group = groups.get(p?.id ?? null) ?? { party: p, questions: [] }
    group.questions.push(q)
    groups.set(p?.id ?? null, group)
  }
  return [...groups.values()]
}

function row(party: Party | null, questions: readonly ModeratedQuestion[], dimensionKeys: readonly string[]) {
  return {
    id: party?.id ?? null,
    name: party?.name ?? UNRECORDED_ASSESSOR,
    all: summarise(questions),
    dimensions: dimensionKeys.map(key => ({ key, ...summarise(questions.filter(q => q.dimensionKey === key)) })),
  }
}

// Named rows in alphabetical order; the unrecorded assessor, if any, last.
const byName = (a: CalibrationRow, b: CalibrationRow): number =>
  (a.id === null ? 1 : 0) - (b.id === null ? 1 : 0) || a.name.localeCompare(b.name, 'en-GB')

export function calibrate(dimensionKeys: readonly string[], questions: readonly ModeratedQuestion[]): Calibration {
  const organisations = groupBy(questions, q => q.organisation)
    .map(g => row(g.party, g.questions, dimensionKeys))
    .sort(byName)
  const assessors = groupBy(questions, q => q.assessor)
    .map(g => {
      const own = adjustmentsOf(g.questions)
      const others = adjustmentsOf(questions.filter(q => (q.assessor?.id ?? null) !== (g.party?.id ?? null)))
      const ownSpread = spread(own)
      const othersSpread = spread(others)
      const inconsistent =
        own.length >= MIN_COMPARED &&
        others.length >= MIN_COMPARED &&
        ownSpread !== null &&
        othersSpread !== null &&
        ownSpread - othersSpread >= INCONSISTENT_MARGIN - EPSILON
      return { ...row(g.party, g.questions, dimensionKeys), spread: ownSpread, othersSpread, inconsistent }
    })
    .sort(byName)
  return { organisations, assessors }
}
