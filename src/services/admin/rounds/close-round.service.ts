import { ConflictError } from '../../../domain/errors'
import type { Repositories } from '../../../data'
import type { Clock } from '../../clock'
import { fetchRoundService } from './fetch-round.service'

/** Closes a round now, whatever its closing date: only one that has opened, since closing cannot be undone. */
export function closeRoundService(repos: Repositories, clock: Clock) {
  const get = fetchRoundService(repos, clock)
  return async (id: number, actorUserId: number): Promise<void> => {
    const round = await get(id)
    if (round.closedAt) throw new ConflictError('This round is already closed')
    if (round.status === 'cancelled') throw new ConflictError('This round was cancelled, so there is nothing to close')
    if (round.status === 'scheduled')
      throw new ConflictError('This round has not opened yet, so it cannot be closed. Cancel it instead.')
    await repos.database.transaction(async trx => {
      await repos.rounds.close(id, clock(), trx)
      await repos.audit.record({ actorUserId, action: 'round.closed', entityType: 'round', entityId: id }, trx)
    })
  }
}
