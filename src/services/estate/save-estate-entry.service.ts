import type { User } from '../../domain/user'
import type { OrganisationRef } from './estate-access'
import {
  audited,
  checkCurrent,
  checked,
  checkRevision,
  contentOf,
  ENTITY,
  entryContext,
  lockedForChange,
  type EstateDeps,
} from './estate-records'

/** Adding a system by hand, and changing one: part of estateService. */
export function saveEstateEntry(deps: EstateDeps) {
  const { repos, clock, access } = deps
  return {
    /** Records a system the authority runs; returns its id and first revision. */
    async create(user: User, ref: OrganisationRef | undefined, raw: Record<string, unknown>) {
      const organisation = await access.writable(user, ref)
      return repos.database.transaction(async trx => {
        const content = checked(raw, await entryContext(repos, trx))
        const at = clock()
        const id = await repos.estate.insert(organisation.id, content, { at, by: user.id }, trx)
        await repos.audit.record(
          {
            at,
            actorUserId: user.id,
            action: 'estate.added',
            entityType: ENTITY,
            entityId: id,
            after: { organisationId: organisation.id, ...content, revision: 1 },
          },
          trx,
        )
        return { id, revision: 1, organisation }
      })
    },

    /** Replaces an entry's content when `revision` is still current; returns the new revision. */
    async update(user: User, id: number, raw: Record<string, unknown>, rawRevision: unknown): Promise<number> {
      const revision = checkRevision(rawRevision)
      return repos.database.transaction(async trx => {
        const current = await lockedForChange(deps, user, id, trx)
        const content = checked(raw, await entryContext(repos, trx))
        await checkCurrent(deps, user, current, revision, trx)
        if (JSON.stringify(content) === JSON.stringify(contentOf(current))) return current.revision
        const at = clock()
        const next = current.revision + 1
        await repos.estate.update(id, content, { revision: next, at, by: user.id }, trx)
        await repos.audit.record(
          {
            at,
            actorUserId: user.id,
            action: 'estate.changed',
            entityType: ENTITY,
            entityId: id,
            before: audited(current),
            after: { organisationId: current.organisationId, ...content, revision: next },
          },
          trx,
        )
        return next
      })
    },
  }
}
