import { ValidationError } from '../../domain/errors'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { Clock } from '../clock'
import { audited, ENTITY, optionalRevision, requireCurator, type CatalogueSteps } from './catalogue-records'

/** Approving a proposal: part of catalogueService. */
export function approveProduct(repos: Repositories, clock: Clock, steps: CatalogueSteps) {
  return {
    /** Approves a proposal; approving an approved product changes nothing. Returns the revision. */
    async approve(user: User, id: number, rawRevision?: unknown): Promise<number> {
      requireCurator(user)
      const revision = optionalRevision(rawRevision)
      return repos.database.transaction(async trx => {
        const current = await steps.locked(id, trx)
        if (current.status === 'merged')
          throw new ValidationError([
            { field: 'status', message: `${current.name} has been merged and cannot be approved` },
          ])
        steps.checkCurrent(current, revision)
        if (current.status === 'approved') return current.revision
        const at = clock()
        const next = current.revision + 1
        const { name, categoryKey } = current
        await repos.catalogue.updateProduct(
          id,
          { name, supplierId: current.supplier.id, categoryKey, status: 'approved' },
          { revision: next, at },
          trx,
        )
        const after = { ...audited(current), status: 'approved', revision: next }
        await repos.audit.record(
          {
            at,
            actorUserId: user.id,
            action: `${ENTITY}.approved`,
            entityType: ENTITY,
            entityId: id,
            before: audited(current),
            after,
          },
          trx,
        )
        return next
      })
    },
  }
}

/** Renaming a product: part of catalogueService. */
export function renameProduct(repos: Repositories, clock: Clock, steps: CatalogueSteps) {
  return {
    /** Changes a product's name, supplier or category; refused when based on a stale revision. */
    async rename(user: User, id: number, raw: Record<string, unknown>, rawRevision?: unknown): Promise<number> {
      requireCurator(user)
      const revision = optionalRevision(rawRevision)
      const proposal = await steps.checked(raw)
      return repos.database.transaction(async trx => {
        await repos.catalogue.holdCatalogue(trx)
        const current = await steps.locked(id, trx)
        if (current.status === 'merged')
          throw new ValidationError([
            { field: 'name', message: `${current.name} has been merged and cannot be changed` },
          ])
        steps.checkCurrent(current, revision)
        const supplierId = await steps.supplierFor(proposal.supplier, trx)
        const unchanged =
          proposal.name === current.name &&
          supplierId === current.supplier.id &&
          proposal.categoryKey === current.categoryKey
        if (unchanged) return current.revision
        await steps.refuseDuplicate(proposal, supplierId, trx, id)
        const at = clock()
        const next = current.revision + 1
        await repos.catalogue.updateProduct(
          id,
          { ...proposal, supplierId, status: current.status },
          { revision: next, at },
          trx,
        )
        const after = audited(await steps.locked(id, trx))
        await repos.audit.record(
          {
            at,
            actorUserId: user.id,
            action: `${ENTITY}.renamed`,
            entityType: ENTITY,
            entityId: id,
            before: audited(current),
            after,
          },
          trx,
        )
        return next
      })
    },
  }
}
