import { roundStatus, type Round, type RoundStatus } from '../assessment/round'
import type { AssessmentState } from '../assessment/workflow'

/** How far a round's assessments have got, in the four steps a reader follows. */
export interface RoundProgress {
  notStarted: number
  /** Started, or returned to the borough for changes. */
  inProgress: number
  /** Handed in and waiting for, or in, moderation. */
  submitted: number
  moderated: number
  total: number
  /** Handed in, so scored across London: submitted, in moderation or moderated. */
  scored: number
}

const STEP: Record<AssessmentState, keyof Omit<RoundProgress, 'total' | 'scored'>> = {
  not_started: 'notStarted',
  in_progress: 'inProgress',
  returned: 'inProgress',
  submitted: 'submitted',
  in_moderation: 'submitted',
  moderated: 'moderated',
}

/** A round's progress from how many of its assessments are in each state. */
export function roundProgress(counts: Partial<Record<AssessmentState, number>>): RoundProgress {
  const progress: RoundProgress = { notStarted: 0, inProgress: 0, submitted: 0, moderated: 0, total: 0, scored: 0 }
  for (const [state, count] of Object.entries(counts) as [AssessmentState, number][]) {
    progress[STEP[state]] += count
    progress.total += count
  }
  progress.scored = progress.submitted + progress.moderated
  return progress
}

export interface RoundWithProgress {
  round: Round
  progress: RoundProgress
}

/** Why a round is the one shown by default. */
export type DefaultReason = 'enough-scored' | 'latest-closed' | 'newest'

/** A pilot left aside for an earlier round, and the wider round it runs beside. */
export interface PassedOver {
  round: Round
  beside: Round
}

export interface DefaultRound {
  round: Round
  reason: DefaultReason
  status: RoundStatus
  /** Newer pilots with enough scored assessments, left aside for London-wide evidence; absent when none. */
  passedOver?: PassedOver[]
}

const overlap = (a: Round, b: Round): boolean => a.opensOn <= b.closesOn && b.opensOn <= a.closesOn

/** The round, if any, that runs at the same time as this one for more authorities: this one is then a pilot. */
function widerBeside(r: RoundWithProgress, rounds: readonly RoundWithProgress[]): Round | undefined {
  return rounds.find(
    o =>
      o.round.id !== r.round.id &&
      o.round.cancelledAt === null &&
      o.progress.total > r.progress.total &&
      overlap(o.round, r.round),
  )?.round
}

/**
 * The round Insights opens on when none is asked for: where the evidence is. The latest round with at
 * least `minimum` scored assessments, leaving aside pilots (rounds for fewer authorities beside a wider
 * one), whose few authorities are not London's picture, unless only a pilot has enough; failing that the
 * latest closed round; failing that the newest.
 * `rounds` is newest first, as the repository lists them; undefined when there are none.
 */
export function defaultInsightsRound(
  rounds: readonly RoundWithProgress[],
  minimum: number,
  now: Date,
): DefaultRound | undefined {
  const withStatus = rounds.map(r => ({ ...r, status: roundStatus(r.round, now), beside: widerBeside(r, rounds) }))
  const hasEnough = (r: (typeof withStatus)[number]) => r.status !== 'scheduled' && r.progress.scored >= minimum
  const enough = withStatus.find(r => hasEnough(r) && !r.beside) ?? withStatus.find(hasEnough)
  if (enough) {
    const passedOver = withStatus
      .slice(0, withStatus.indexOf(enough))
      .flatMap(r => (r.beside && hasEnough(r) ? [{ round: r.round, beside: r.beside }] : []))
    return {
      round: enough.round,
      reason: 'enough-scored',
      status: enough.status,
      ...(passedOver.length > 0 ? { passedOver } : {}),
    }
  }
  const closed = withStatus.find(r => r.status === 'closed')
  if (closed) return { round: closed.round, reason: 'latest-closed', status: closed.status }
  // A cancelled round never held evidence: the newest that was not cancelled, if any was not.
  const newest = withStatus.find(r => r.status !== 'cancelled') ?? withStatus[0]
  return newest && { round: newest.round, reason: 'newest', status: newest.status }
}
