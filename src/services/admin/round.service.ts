import type { Repositories } from '../../data'
import type { Clock } from '../clock'
import { cancelRoundService } from './rounds/cancel-round.service'
import { closeRoundService } from './rounds/close-round.service'
import { createRoundService } from './rounds/create-round.service'
import { extendRoundService } from './rounds/extend-round.service'
import { fetchRoundService, listRoundsService } from './rounds/fetch-round.service'

export type { RoundForm } from './rounds/create-round.service'
export type { RoundSummary } from './rounds/fetch-round.service'

/** Assessment rounds: one use case a file in ./rounds, gathered here as the one service callers know. */
export function roundService(repos: Repositories, clock: Clock) {
  return {
    list: listRoundsService(repos, clock),
    get: fetchRoundService(repos, clock),
    create: createRoundService(repos),
    extend: extendRoundService(repos, clock),
    close: closeRoundService(repos, clock),
    cancel: cancelRoundService(repos, clock),
  }
}

export type RoundService = ReturnType<typeof roundService>
