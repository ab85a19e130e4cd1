import type { User } from '../../domain/user'
import {
  audited,
  checkCurrent,
  checkRevision,
  ENTITY,
  locatedOne,
  lockedForChange,
  type EstateDeps,
  type EstateEntryView,
} from './estate-records'

/** Removing a system from the register, refused when based on a stale revision: part of estateService. */
export function deleteEstateEntry(deps: EstateDeps) {
  const { repos, clock } = deps
  return {
    async remove(user: User, id: number, rawRevision: unknown): Promise<EstateEntryView> {
      const revision = checkRevision(rawRevision)
      return repos.database.transaction(async trx => {
        const current = await lockedForChange(deps, user, id, trx)
        await checkCurrent(deps, user, current, revision, trx)
        const view = await locatedOne(deps, user, current, trx)
        await repos.estate.remove(id, trx)
        await repos.audit.record(
          {
            at: clock(),
            actorUserId: user.id,
            action: 'estate.removed',
            entityType: ENTITY,
            entityId: id,
            before: audited(current),
          },
          trx,
        )
        return view
      })
    },
  }
}
