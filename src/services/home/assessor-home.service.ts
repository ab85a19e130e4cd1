import type { AssessorRow } from '../../domain/calibration'
import { assessorQueue, type QueueGroup } from '../../domain/home/assessor-queue'
import type { Organisation } from '../../domain/organisation'
import type { User } from '../../domain/user'
import type { AssessmentRecord } from '../../data/assessment-rows'
import type { HomeDeps } from './home-deps'

const QUEUED = new Set(['submitted', 'in_moderation', 'returned'])

export interface QueuedAssessment {
  assessment: AssessmentRecord
  organisation: Organisation
  round: { id: number; name: string }
  returnComment: string | null
}

export interface AssessorHome {
  queue: Record<QueueGroup, QueuedAssessment[]>
  /** How this assessor's own adjustments compare, in the newest round they moderated in; undefined if none. */
  calibration:
    { round: { id: number; name: string }; row: AssessorRow; dimensions: { key: string; title: string }[] } | undefined
}

/** An assessor's morning: the queue, oldest first, and what calibration says about their own moderating. */
export function assessorHome({ repos, calibration }: HomeDeps) {
  return async function forAssessor(user: User): Promise<AssessorHome> {
    const [records, organisations, rounds] = await Promise.all([
      repos.assessments.list({}),
      repos.organisations.list(),
      repos.rounds.list(),
    ])
    const waiting = records.filter(r => QUEUED.has(r.state))
    const ids = waiting.map(r => r.id)
    const [moderations, comments] = await Promise.all([
      repos.moderations.forAssessments(ids),
      repos.moderations.returnComments(ids),
    ])
    const organisationOf = new Map(organisations.map(o => [o.id, o]))
    const roundOf = new Map(rounds.map(r => [r.id, r]))
    const candidates = waiting.flatMap(assessment => {
      const organisation = organisationOf.get(assessment.organisationId)
      const round = roundOf.get(assessment.roundId)
      if (!organisation || !round) return []
      return [
        {
          ...assessment,
          assessment,
          organisation,
          round: { id: round.id, name: round.name },
          returnComment: comments.get(assessment.id) ?? null,
          moderatorIds: (moderations.get(assessment.id) ?? []).flatMap(m => (m.assessor ? [m.assessor.id] : [])),
        },
      ]
    })
    return { queue: assessorQueue(candidates, user), calibration: await ownCalibration(user, rounds) }
  }

  async function ownCalibration(user: User, rounds: readonly { id: number; name: string }[]) {
    // Newest round first: the first one this assessor moderated in is the one worth knowing about.
    for (const round of rounds) {
      const { assessors, dimensions } = await calibration.forRound(user, round.id)
      const row = assessors.find(a => a.id === user.id)
      if (row) return { round: { id: round.id, name: round.name }, row, dimensions }
    }
    return undefined
  }
}
