import type { AnswerContent } from '../../domain/assessment/answer'
import { carryOver as carryAnswersOver } from '../../domain/assessment/carry-over'
import { ConflictError, ForbiddenError } from '../../domain/errors'
import type { User } from '../../domain/user'
import type { AssessmentDeps } from './assessment-access'
import { contentOf } from './answer-event'
import { moveState } from './move-state'
import { previousAnswers } from './previous-assessment'
import { viewAssessment } from './view-assessment.service'

/**
 * Starts an empty assessment from the organisation's last final answers (moderated levels where there
 * are some), each marked as carried so the respondent confirms or changes it. Returns how many.
 */
export function carryOver(deps: AssessmentDeps) {
  const { repos } = deps
  const view = viewAssessment(deps)
  return async function carryOver(user: User, id: number): Promise<number> {
    const current = await view(user, id)
    if (!current.editable.allowed) throw new ForbiddenError(current.editable.reason)
    const previous = await previousAnswers(deps, current.assessment.organisationId, current.round)
    if (!previous || current.answers.size > 0)
      throw new ConflictError('There are no answers from an earlier round to start from')
    const [oldAnswers, oldModerations] = await Promise.all([
      repos.assessments.answers(previous.assessment.id),
      repos.moderations.forAssessment(previous.assessment.id),
    ])
    const old = new Map(oldAnswers.map(a => [a.questionKey, contentOf(a)]))
    const moderatedLevels = new Map(oldModerations.map(m => [m.questionKey, m.level]))
    const carried = carryAnswersOver(old, current.definition, previous.keyMap, moderatedLevels)
    await writeCarried(deps, user, id, carried, previous.round.name)
    return carried.size
  }
}

/** The carried answers, their audit event and the start of the assessment, if no one has begun it meanwhile. */
async function writeCarried(
  deps: AssessmentDeps,
  user: User,
  id: number,
  carried: Map<string, AnswerContent>,
  from: string,
): Promise<void> {
  const { repos, clock } = deps
  await repos.database.transaction(async trx => {
    const assessment = await repos.assessments.lock(id, trx)
    if (!assessment || (await repos.assessments.answers(id, trx)).length > 0)
      throw new ConflictError('Someone has started this assessment meanwhile')
    const now = clock()
    for (const [questionKey, content] of carried) {
      await repos.assessments.writeAnswer(
        id,
        questionKey,
        content,
        { revision: 1, at: now, by: user.id, carriedFrom: from },
        trx,
      )
    }
    await repos.audit.record(
      {
        at: clock(),
        actorUserId: user.id,
        action: 'assessment.carried-over',
        entityType: 'assessment',
        entityId: id,
        after: { from, answers: carried.size },
      },
      trx,
    )
    if (assessment.state === 'not_started' && carried.size > 0) await moveState(deps, trx, assessment, 'start', user.id)
  })
}
