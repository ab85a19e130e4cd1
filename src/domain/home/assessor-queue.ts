import type { AssessmentState } from '../assessment/workflow'

/** What an assessor's morning queue is made of, in the order the home page lists it. */
export const QUEUE_GROUPS = ['resubmitted', 'awaiting', 'mine', 'others', 'returned'] as const
export type QueueGroup = (typeof QUEUE_GROUPS)[number]

export interface QueueCandidate {
  id: number
  state: AssessmentState
  organisationId: number
  submittedAt: Date | null
  /** The comment it was last returned with, if it ever was. */
  returnComment: string | null
  /** Who has moderated any of its questions. */
  moderatorIds: readonly number[]
}

/**
 * Sorts assessments into the assessor's queue: resubmitted after a return, awaiting a first moderation,
 * in moderation by them, in moderation by others (or by nobody yet), and returned to the borough. Their
 * own organisation's assessment is never theirs to moderate, so it is left out. Oldest submission first.
 */
export function assessorQueue<T extends QueueCandidate>(
  candidates: readonly T[],
  me: { id: number; organisationId: number | null },
): Record<QueueGroup, T[]> {
  const queue: Record<QueueGroup, T[]> = { resubmitted: [], awaiting: [], mine: [], others: [], returned: [] }
  const oldestFirst = [...candidates].sort(
    (a, b) => (a.submittedAt?.getTime() ?? Infinity) - (b.submittedAt?.getTime() ?? Infinity) || a.id - b.id,
  )
  for (const c of oldestFirst) {
    if (c.organisationId === me.organisationId) continue
    const group = groupOf(c, me.id)
    if (group) queue[group].push(c)
  }
  return queue
}

function groupOf(c: QueueCandidate, me: number): QueueGroup | null {
  switch (c.state) {
    case 'submitted':
      return c.returnComment === null ? 'awaiting' : 'resubmitted'
    case 'in_moderation':
      return c.moderatorIds.includes(me) ? 'mine' : 'others'
    case 'returned':
      return 'returned'
    default:
      return null
  }
}
