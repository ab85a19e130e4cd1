import { transition, type AssessmentState } from '../../domain/assessment/workflow'
import { ConflictError } from '../../domain/errors'
import type { Transaction } from '../../data/db'
import type { AssessmentRecord } from '../../data/assessment.repository'
import type { AssessmentDeps } from './assessment-access'

/** Moves a locked assessment on by a respondent's action, with its audit event, in the caller's transaction. */
export async function moveState(
  { repos, clock }: AssessmentDeps,
  trx: Transaction,
  assessment: AssessmentRecord,
  action: 'start' | 'submit',
  actorUserId: number,
): Promise<AssessmentState> {
  const move = transition(assessment.state, action)
  if (!move.allowed) throw new ConflictError(move.reason)
  await repos.assessments.setState(
    assessment.id,
    move.to,
    action === 'submit' ? { submittedAt: clock(), submittedBy: actorUserId } : {},
    trx,
  )
  await repos.audit.record(
    {
      at: clock(),
      actorUserId,
      action: `assessment.${action === 'start' ? 'started' : 'submitted'}`,
      entityType: 'assessment',
      entityId: assessment.id,
      before: { state: assessment.state },
      after: { state: move.to },
    },
    trx,
  )
  return move.to
}
