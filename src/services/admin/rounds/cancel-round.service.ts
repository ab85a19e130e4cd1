import { ConflictError } from '../../../domain/errors'
import type { Repositories } from '../../../data'
import type { Clock } from '../../clock'
import { fetchRoundService } from './fetch-round.service'

/** Cancels a round that has not opened yet: it never opens, and takes no answers. */
export function cancelRoundService(repos: Repositories, clock: Clock) {
  const get = fetchRoundService(repos, clock)
  return async (id: number, actorUserId: number): Promise<void> => {
    const round = await get(id)
    if (round.status === 'cancelled') throw new ConflictError('This round is already cancelled')
    if (round.status !== 'scheduled')
      throw new ConflictError('This round has already opened, so it cannot be cancelled. Close it instead.')
    await repos.database.transaction(async trx => {
      await repos.rounds.cancel(id, clock(), trx)
      await repos.audit.record(
        {
          actorUserId,
          action: 'round.cancelled',
          entityType: 'round',
          entityId: id,
          before: { status: 'scheduled' },
          after: { status: 'cancelled' },
        },
        trx,
      )
    })
  }
}
