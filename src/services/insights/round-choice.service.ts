import {
  defaultInsightsRound,
  roundProgress,
  type DefaultRound,
  type RoundWithProgress,
} from '../../domain/insights/default-round'
import type { Repositories } from '../../data'
import type { Clock } from '../clock'

export interface RoundChoice {
  /** Every round, newest first, with how far its assessments have got. */
  rounds: RoundWithProgress[]
  /** Where Insights opens when no round is asked for; undefined when there are no rounds. */
  chosen: DefaultRound | undefined
  /** The fewest scored assessments that make a round worth opening on (DISCLOSURE_MINIMUM). */
  minimum: number
}

/** Which round Insights opens on, and the progress of every round, for the sentence that says why. */
export function roundChoiceService(repos: Repositories, clock: Clock, minimum: number) {
  return {
    async choose(): Promise<RoundChoice> {
      const [rounds, counts] = await Promise.all([repos.rounds.list(), repos.assessments.stateCountsByRound()])
      const withProgress = rounds.map(round => ({ round, progress: roundProgress(counts.get(round.id) ?? {}) }))
      return { rounds: withProgress, chosen: defaultInsightsRound(withProgress, minimum, clock()), minimum }
    },
  }
}

export type RoundChoiceService = ReturnType<typeof roundChoiceService>
