import type { Repositories } from '../../../data'
import { resolvePartnershipInput, type PartnershipForm } from './partnership-input'

export function createPartnershipService(repos: Repositories) {
  return async (form: PartnershipForm, actorUserId: number): Promise<number> => {
    const input = await resolvePartnershipInput(repos, form)
    return repos.database.transaction(async trx => {
      const id = await repos.partnerships.create(input, trx)
      await repos.audit.record(
        { actorUserId, action: 'partnership.created', entityType: 'partnership', entityId: id, after: input },
        trx,
      )
      return id
    })
  }
}
