import { roundStatus, type Round } from '../../domain/assessment/round'
import { score } from '../../domain/scoring'
import type { Repositories } from '../../data'
import type { QuestionnaireService } from '../admin/questionnaire.service'
import { loadRoundResults, moderatedLevels, SCORED_STATES } from '../insights/round-results'

/** The maturity data the pipeline is joined to: one round's final scores per dimension and theme. */
export interface PipelineMaturity {
  round: Round
  /** Whether the round has closed, so its scores are complete rather than a round still filling in. */
  closed: boolean
  threshold: number
  /** How many organisations the round scored. */
  scored: number
  /** GSS code → dimension or theme key → final score, only where there is one. */
  scores: Map<string, Map<string, number>>
  /** The same, as weak (below the threshold) or not: what weaknessJoin takes. */
  weakness: Map<string, Map<string, boolean>>
  /** Dimension and theme titles by key. */
  titles: Map<string, string>
}

/**
 * The round to judge plans against: the latest closed round with scored assessments, since an open
 * round holds only the few boroughs that have handed in so far; failing that, the latest round with any.
 */
async function chooseRound(repos: Repositories, now: Date): Promise<{ round: Round; closed: boolean } | undefined> {
  const withScores: { round: Round; closed: boolean }[] = []
  for (const round of await repos.rounds.list()) {
    const assessments = await repos.assessments.list({ roundId: round.id })
    if (!assessments.some(a => SCORED_STATES.includes(a.state))) continue
    const closed = roundStatus(round, now) === 'closed'
    if (closed) return { round, closed }
    withScores.push({ round, closed })
  }
  return withScores[0]
}

export async function pipelineMaturity(
  repos: Repositories,
  questionnaires: QuestionnaireService,
  now: Date,
): Promise<PipelineMaturity | undefined> {
  const chosen = await chooseRound(repos, now)
  if (!chosen) return undefined
  const { definition, results } = await loadRoundResults(repos, questionnaires, chosen.round.id)
  const threshold = definition.weakThreshold
  const scores = new Map<string, Map<string, number>>()
  for (const r of results.filter(x => x.scored)) {
    const final = score(definition, { answers: r.answers, moderatedLevels: moderatedLevels(r), basis: 'final' })
    const areas = new Map<string, number>()
    for (const d of final.dimensions) {
      if (d.score !== null) areas.set(d.key, d.score)
      for (const t of d.themes) if (t.score !== null) areas.set(t.key, t.score)
    }
    scores.set(r.organisation.gss, areas)
  }
  const weakness = new Map(
    [...scores].map(([gss, areas]) => [gss, new Map([...areas].map(([key, s]) => [key, s < threshold]))]),
  )
  const titles = new Map(
    definition.dimensions.flatMap(d => [[d.key, d.title] as const, ...d.themes.map(t => [t.key, t.title] as const)]),
  )
  return { ...chosen, threshold, scored: scores.size, scores, weakness, titles }
}
