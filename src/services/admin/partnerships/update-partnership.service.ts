import type { Repositories } from '../../../data'
import { fetchPartnershipService } from './fetch-partnership.service'
import { resolvePartnershipInput, type PartnershipForm } from './partnership-input'

export function updatePartnershipService(repos: Repositories) {
  const get = fetchPartnershipService(repos)
  return async (id: number, form: PartnershipForm, actorUserId: number): Promise<void> => {
    const before = await get(id)
    const input = await resolvePartnershipInput(repos, form, id)
    await repos.database.transaction(async trx => {
      await repos.partnerships.update(id, input, trx)
      await repos.audit.record(
        {
          actorUserId,
          action: 'partnership.updated',
          entityType: 'partnership',
          entityId: id,
          before: { name: before.name, description: before.description, memberIds: before.memberIds },
          after: input,
        },
        trx,
      )
    })
  }
}
