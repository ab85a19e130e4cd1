import type { Repositories } from '../../../data'
import { fetchPartnershipService } from './fetch-partnership.service'

export function removePartnershipService(repos: Repositories) {
  const get = fetchPartnershipService(repos)
  return async (id: number, actorUserId: number): Promise<void> => {
    const before = await get(id)
    await repos.database.transaction(async trx => {
      await repos.partnerships.remove(id, trx)
      await repos.audit.record(
        {
          actorUserId,
          action: 'partnership.deleted',
          entityType: 'partnership',
          entityId: id,
          before: { name: before.name, memberIds: before.memberIds },
        },
        trx,
      )
    })
  }
}
