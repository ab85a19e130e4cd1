import type { Round } from '../../domain/assessment/round'
import type { AssessmentState } from '../../domain/assessment/workflow'
import type { AssessmentDeps } from './assessment-access'

const FINAL_STATES: readonly AssessmentState[] = ['submitted', 'in_moderation', 'moderated']

/** The latest earlier assessment of the same organisation whose answers are final, and how its keys map onto this round. */
export async function previousAnswers({ repos, questionnaires }: AssessmentDeps, organisationId: number, round: Round) {
  const earlier = (await repos.rounds.list()).filter(
    r => r.id !== round.id && r.opensOn < round.opensOn && r.questionnaireKey === round.questionnaireKey,
  )
  for (const previousRound of earlier) {
    const [previous] = await repos.assessments.list({ roundId: previousRound.id, organisationId })
    if (!previous || !FINAL_STATES.includes(previous.state)) continue
    const keyMap = await questionnaires.keyMapBetween(
      round.questionnaireKey,
      previousRound.questionnaireVersion,
      round.questionnaireVersion,
    )
    if (!keyMap) return undefined
    return { round: previousRound, assessment: previous, keyMap }
  }
  return undefined
}
