import { isCentralRole } from '../../domain/roles'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { Clock } from '../clock'
import { audited, ENTITY, type CatalogueSteps } from './catalogue-records'

/**
 * Adds a product: approved at once when a central role proposes it; awaiting approval, but usable by the
 * proposer's own authority, when a respondent does. Part of catalogueService.
 */
export function proposeProduct(repos: Repositories, clock: Clock, steps: CatalogueSteps) {
  return {
    async propose(user: User, raw: Record<string, unknown>): Promise<{ id: number; status: 'proposed' | 'approved' }> {
      const proposal = await steps.checked(raw)
      const status = isCentralRole(user.role) ? 'approved' : 'proposed'
      return repos.database.transaction(async trx => {
        await repos.catalogue.holdCatalogue(trx)
        const supplierId = await steps.supplierFor(proposal.supplier, trx)
        await steps.refuseDuplicate(proposal, supplierId, trx)
        const at = clock()
        const id = await repos.catalogue.createProduct(
          { ...proposal, supplierId, status },
          { userId: user.id, at },
          trx,
        )
        const created = await steps.locked(id, trx)
        await repos.audit.record(
          {
            at,
            actorUserId: user.id,
            action: `${ENTITY}.proposed`,
            entityType: ENTITY,
            entityId: id,
            after: audited(created),
          },
          trx,
        )
        return { id, status }
      })
    },
  }
}
