import { score, type Basis, type Scores } from '../../domain/scoring'
import type { User } from '../../domain/user'
import type { AssessmentDeps } from './assessment-access'
import { viewAssessment } from './view-assessment.service'

/** Scores by the published rule, on the respondent's answers (self) or with moderated levels (final). */
export function assessmentScores(deps: AssessmentDeps) {
  const view = viewAssessment(deps)
  return async function scores(user: User, id: number, basis: Basis): Promise<Scores> {
    const current = await view(user, id)
    const moderatedLevels = new Map((await deps.repos.moderations.forAssessment(id)).map(m => [m.questionKey, m.level]))
    return score(current.definition, { answers: current.answers, moderatedLevels, basis })
  }
}
