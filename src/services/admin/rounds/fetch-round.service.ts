import { roundStatus, type Round, type RoundStatus } from '../../../domain/assessment/round'
import { NotFoundError } from '../../../domain/errors'
import type { Repositories } from '../../../data'
import type { Clock } from '../../clock'

export interface RoundSummary extends Round {
  status: RoundStatus
}

export const withStatus = (round: Round, clock: Clock): RoundSummary => ({
  ...round,
  status: roundStatus(round, clock()),
})

export function listRoundsService(repos: Repositories, clock: Clock) {
  return async (): Promise<RoundSummary[]> => (await repos.rounds.list()).map(r => withStatus(r, clock))
}

export function fetchRoundService(repos: Repositories, clock: Clock) {
  return async (id: number): Promise<RoundSummary> => {
    const round = Number.isSafeInteger(id) ? await repos.rounds.findById(id) : undefined
    if (!round) throw new NotFoundError('There is no such round')
    return withStatus(round, clock)
  }
}
