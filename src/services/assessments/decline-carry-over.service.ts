import type { User } from '../../domain/user'
import type { AssessmentDeps } from './assessment-access'
import { lockAndDecide, openOffer } from './carry-over-offer'

/** Records that the council starts without last round's answers: the offer goes, and nothing is carried. */
export function declineCarryOver(deps: AssessmentDeps) {
  const { repos, clock } = deps
  return async function declineCarryOver(user: User, id: number): Promise<{ from: string }> {
    const { previous } = await openOffer(deps, user, id)
    const from = previous.round.name
    await repos.database.transaction(async trx => {
      await lockAndDecide(deps, trx, user, id, { carryOver: 'declined', from })
      await repos.audit.record(
        {
          at: clock(),
          actorUserId: user.id,
          action: 'assessment.carry-over-declined',
          entityType: 'assessment',
          entityId: id,
          after: { from },
        },
        trx,
      )
    })
    return { from }
  }
}
