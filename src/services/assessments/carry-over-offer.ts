import type { CarryOverDecision } from '../../domain/assessment/carry-over'
import { respondentsMayEdit } from '../../domain/assessment/workflow'
import { ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors'
import type { User } from '../../domain/user'
import type { Transaction } from '../../data/db'
import { editability, loadAssessment, type AssessmentDeps } from './assessment-access'
import { previousAnswers } from './previous-assessment'

/** What a second person is told when someone in the council decided about last round's answers first. */
export function alreadyDecided(decision: CarryOverDecision, from: string): string {
  return decision === 'taken'
    ? `Someone in your council has already started from ${from}’s answers. Nothing more was carried over.`
    : `Someone in your council has already chosen to start without ${from}’s answers. Nothing was carried over.`
}

/**
 * The offer of last round's answers as this user may take or decline it: refused unless they may edit,
 * an earlier round's final answers exist, and no one has decided yet.
 */
export async function openOffer(deps: AssessmentDeps, user: User, id: number) {
  const loaded = await loadAssessment(deps, user, id)
  const editable = editability(user, loaded.assessment, loaded.round.status)
  if (!editable.allowed) throw new ForbiddenError(editable.reason)
  const previous = await previousAnswers(deps, loaded.assessment.organisationId, loaded.round)
  if (!previous) throw new ConflictError('There are no answers from an earlier round to start from')
  if (loaded.assessment.carryOver)
    throw new ConflictError(alreadyDecided(loaded.assessment.carryOver, previous.round.name))
  return { ...loaded, previous }
}

/**
 * Locks the assessment and records the decision, refusing if someone decided meanwhile or it was handed
 * in: the first of two people to choose wins, and the second changes nothing.
 */
export async function lockAndDecide(
  { repos, clock }: AssessmentDeps,
  trx: Transaction,
  user: User,
  id: number,
  decision: { carryOver: CarryOverDecision; from: string },
) {
  const assessment = await repos.assessments.lock(id, trx)
  if (!assessment) throw new NotFoundError('There is no such assessment')
  if (assessment.carryOver) throw new ConflictError(alreadyDecided(assessment.carryOver, decision.from))
  if (!respondentsMayEdit(assessment.state))
    throw new ForbiddenError('This assessment has been submitted: answers can be read but not changed')
  if (!(await repos.assessments.decideCarryOver(id, { carryOver: decision.carryOver, by: user.id, at: clock() }, trx)))
    throw new ConflictError(alreadyDecided(decision.carryOver, decision.from))
  return assessment
}
