import { mergeRefusal } from '../../domain/estate/catalogue'
import { NotFoundError, ValidationError } from '../../domain/errors'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { Clock } from '../clock'
import { audited, ENTITY, requireCurator } from './catalogue-records'

/**
 * Merges one product into another: every system recorded as it moves across (with its ratings, which
 * belong to the system), it keeps its row as 'merged' so old links still lead somewhere, and its
 * supplier's name becomes an alias of the other's supplier. One transaction, one audit event.
 */
export async function mergeProducts(
  repos: Repositories,
  clock: Clock,
  user: User,
  id: number,
  intoId: number,
): Promise<{ id: number; moved: number }> {
  requireCurator(user)
  return repos.database.transaction(async trx => {
    await repos.catalogue.holdCatalogue(trx)
    // Locked lowest id first, so two merges of the same pair cannot wait on each other.
    for (const each of [id, intoId].sort((a, b) => a - b)) await repos.catalogue.lockProduct(each, trx)
    const from = await repos.catalogue.findProduct(id, trx)
    if (!from) throw new NotFoundError('There is no such product')
    const into = await repos.catalogue.findProduct(intoId, trx)
    const refusal = mergeRefusal(from, into)
    if (refusal || !into) throw new ValidationError([refusal ?? { field: 'into', message: 'Choose a product' }])
    const at = clock()
    const moved = await repos.catalogue.moveEstateEntries(from.id, into.id, at, trx)
    const aliased =
      from.supplier.id !== into.supplier.id &&
      (await repos.catalogue.addAlias(into.supplier.id, from.supplier.name, trx))
    await repos.catalogue.markMerged(from.id, into.id, { revision: from.revision + 1, at }, trx)
    await repos.audit.record(
      {
        at,
        actorUserId: user.id,
        action: `${ENTITY}.merged`,
        entityType: ENTITY,
        entityId: from.id,
        before: { ...audited(from), estateEntries: moved },
        after: {
          ...audited(from),
          status: 'merged',
          mergedIntoId: into.id,
          into: audited(into),
          revision: from.revision + 1,
          movedEstateEntries: moved,
          supplierAlias: aliased ? from.supplier.name : null,
        },
      },
      trx,
    )
    return { id: into.id, moved }
  })
}
