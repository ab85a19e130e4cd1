import { londonDate, parseDate } from '../../../domain/assessment/round'
import { ConflictError, ValidationError } from '../../../domain/errors'
import type { Repositories } from '../../../data'
import type { Clock } from '../../clock'
import { fetchRoundService } from './fetch-round.service'
import { longDate } from '../../../domain/format/dates'

const closesOnError = (message: string): ValidationError => new ValidationError([{ field: 'closesOn', message }])

/** Moves an open or scheduled round's closing date later; a closed round's stays as it was. */
export function extendRoundService(repos: Repositories, clock: Clock) {
  const get = fetchRoundService(repos, clock)
  return async (id: number, rawClosesOn: unknown, actorUserId: number): Promise<void> => {
    const round = await get(id)
    const closesOn = parseDate(rawClosesOn)
    if (round.closedAt) throw new ConflictError('This round has been closed: its closing date can no longer change')
    if (round.cancelledAt) throw new ConflictError('This round was cancelled: its closing date can no longer change')
    if (!closesOn) throw closesOnError('Enter a real closing date, like 30 6 2026')
    if (closesOn <= round.closesOn) {
      throw closesOnError(`The new closing date must be after the current one, ${longDate(round.closesOn)}`)
    }
    if (closesOn < londonDate(clock())) throw closesOnError('The new closing date must be today or later')
    await repos.database.transaction(async trx => {
      await repos.rounds.setClosesOn(id, closesOn, trx)
      await repos.audit.record(
        {
          actorUserId,
          action: 'round.extended',
          entityType: 'round',
          entityId: id,
          before: { closesOn: round.closesOn },
          after: { closesOn },
        },
        trx,
      )
    })
  }
}
