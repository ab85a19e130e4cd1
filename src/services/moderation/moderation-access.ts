import { transition, type AssessmentState, type WorkflowAction } from '../../domain/assessment/workflow'
import { ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { AssessmentRecord } from '../../data/assessment.repository'
import type { Transaction } from '../../data/db'
import type { Clock } from '../clock'
import type { QuestionnaireService } from '../admin/questionnaire.service'

/** What every moderation use case is built on. */
export interface ModerationDeps {
  repos: Repositories
  questionnaires: QuestionnaireService
  clock: Clock
}

const MODERATORS = ['assessor', 'admin']

/** The assessment, if this user may moderate it: a central moderator, never of their own organisation. */
export async function moderatable({ repos }: ModerationDeps, user: User, id: number): Promise<AssessmentRecord> {
  const assessment = Number.isSafeInteger(id) ? await repos.assessments.findById(id) : undefined
  if (!assessment) throw new NotFoundError('There is no such assessment')
  if (!MODERATORS.includes(user.role)) throw new ForbiddenError('Only assessors can moderate assessments')
  if (user.organisationId === assessment.organisationId) {
    throw new ForbiddenError('You cannot moderate your own organisation’s assessment')
  }
  return assessment
}

/**
 * Moves a moderatable assessment on by a moderator's action, under its lock and with its audit event;
 * `extra` writes what goes with the move (a comment) in the same transaction.
 */
export async function moveAssessment(
  deps: ModerationDeps,
  user: User,
  id: number,
  action: WorkflowAction,
  extra: (trx: Transaction) => Promise<unknown> = () => Promise.resolve(),
): Promise<AssessmentState> {
  const { repos, clock } = deps
  await moderatable(deps, user, id)
  return repos.database.transaction(async trx => {
    const assessment = await repos.assessments.lock(id, trx)
    if (!assessment) throw new NotFoundError('There is no such assessment')
    const next = transition(assessment.state, action)
    if (!next.allowed) throw new ConflictError(next.reason)
    await extra(trx)
    await repos.assessments.setState(id, next.to, {}, trx)
    await repos.audit.record(
      {
        at: clock(),
        actorUserId: user.id,
        action: `assessment.${action}`,
        entityType: 'assessment',
        entityId: id,
        before: { state: assessment.state },
        after: { state: next.to },
      },
      trx,
    )
    return next.to
  })
}
