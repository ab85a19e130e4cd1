import type { Answer } from '../../domain/assessment/answer'
import type { Moderation } from '../../domain/assessment/moderation'
import type { Round } from '../../domain/assessment/round'
import { comparableQuestions, remapKeys, restrictTo } from '../../domain/comparison'
import type { QuestionnaireDefinition } from '../../domain/questionnaire/definition'
import { score, type Scores } from '../../domain/scoring'
import type { Repositories } from '../../data'
import type { QuestionnaireService } from '../admin/questionnaire.service'
import { SCORED_STATES, moderatedLevels } from '../insights/round-results'

export interface Change {
  key: string
  title: string
  previous: number | null
  current: number | null
  change: number | null
}

/** One assessment's answers and moderations, with the questionnaire they answer. */
export interface Scored {
  definition: QuestionnaireDefinition
  answers: ReadonlyMap<string, Answer>
  moderations: ReadonlyMap<string, Moderation>
}

export const finalScores = (s: Scored, definition = s.definition): Scores =>
  score(definition, { answers: s.answers, moderatedLevels: moderatedLevels(s), basis: 'final' })

/** The latest earlier round on the same questionnaire in which this organisation handed in an assessment. */
async function previousResult(
  repos: Repositories,
  questionnaires: QuestionnaireService,
  round: Round,
  organisationId: number,
) {
  const earlier = (await repos.rounds.list())
    .filter(r => r.questionnaireKey === round.questionnaireKey && r.opensOn < round.opensOn)
    .sort((a, b) => b.opensOn.localeCompare(a.opensOn))
  for (const previousRound of earlier) {
    const [assessment] = await repos.assessments.list({ roundId: previousRound.id, organisationId })
    if (!assessment || !SCORED_STATES.includes(assessment.state)) continue
    const [version, answers, moderations, keyMap] = await Promise.all([
      questionnaires.get(previousRound.questionnaireKey, previousRound.questionnaireVersion),
      repos.assessments.answers(assessment.id),
      repos.moderations.forAssessment(assessment.id),
      questionnaires.keyMapBetween(
        round.questionnaireKey,
        previousRound.questionnaireVersion,
        round.questionnaireVersion,
      ),
    ])
    if (!keyMap) return undefined
    return {
      round: previousRound,
      definition: version.definition,
      keyMap,
      answers: new Map(answers.map(a => [a.questionKey, a])),
      moderations: new Map(moderations.map(m => [m.questionKey, m])),
    }
  }
  return undefined
}

const line = (key: string, title: string, was: number | null, now: number | null): Change => ({
  key,
  title,
  previous: was,
  current: now,
  change: was === null || now === null ? null : now - was,
})

/**
 * How a borough's final scores moved since its last handed-in assessment, over only the questions the two
 * questionnaires have in common; null when there is no earlier assessment to compare with.
 */
export async function changeSincePrevious(
  repos: Repositories,
  questionnaires: QuestionnaireService,
  current: Scored,
  round: Round,
  organisationId: number,
) {
  const previous = await previousResult(repos, questionnaires, round, organisationId)
  if (!previous) return null
  const pairs = comparableQuestions(previous.definition, current.definition, previous.keyMap)
  const comparable = restrictTo(current.definition, new Set(pairs.keys()))
  const before = finalScores(
    {
      definition: comparable,
      answers: remapKeys(previous.answers, previous.keyMap),
      moderations: remapKeys(previous.moderations, previous.keyMap),
    },
    comparable,
  )
  const after = finalScores(current, comparable)
  return {
    previousRound: previous.round,
    comparableQuestions: pairs.size,
    lines: [
      ...comparable.dimensions.map((d, i) =>
        line(d.key, d.title, before.dimensions[i]?.score ?? null, after.dimensions[i]?.score ?? null),
      ),
      line('overall', 'Overall', before.overall, after.overall),
    ],
  }
}
