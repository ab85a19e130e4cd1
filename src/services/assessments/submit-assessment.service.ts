import { submitProblems, type SubmitProblem } from '../../domain/assessment/progress'
import type { AssessmentState } from '../../domain/assessment/workflow'
import { ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors'
import type { User } from '../../domain/user'
import type { AssessmentDeps } from './assessment-access'
import { moveState } from './move-state'
import { viewAssessment } from './view-assessment.service'

/** Submits a complete assessment for moderation; an incomplete one is refused with what is missing. */
export function submitAssessment(deps: AssessmentDeps) {
  const { repos } = deps
  const view = viewAssessment(deps)
  return async function submit(
    user: User,
    id: number,
  ): Promise<{ state: AssessmentState } | { problems: SubmitProblem[] }> {
    const current = await view(user, id)
    if (!current.editable.allowed) throw new ForbiddenError(current.editable.reason)
    const problems = submitProblems(current.definition, current.answers)
    if (problems.length > 0) return { problems }
    const state = await repos.database.transaction(async trx => {
      const assessment = await repos.assessments.lock(id, trx)
      if (!assessment) throw new NotFoundError('There is no such assessment')
      // Answers may have changed since the check above; check again under the lock.
      const answers = new Map((await repos.assessments.answers(id, trx)).map(a => [a.questionKey, a]))
      if (submitProblems(current.definition, answers).length > 0)
        throw new ConflictError('Answers changed while submitting: check them and submit again')
      return moveState(deps, trx, assessment, 'submit', user.id)
    })
    return { state }
  }
}
