import { ValidationError } from '../../domain/errors'
import { checkEntry, type EntryContent } from '../../domain/pipeline/entry'
import type { User } from '../../domain/user'
import type { OrganisationRef } from './pipeline-access'
import {
  audited,
  checkCurrent,
  checkRevision,
  contentOf,
  ENTITY,
  insertAudited,
  lockedForChange,
  type PipelineDeps,
} from './pipeline-entry-records'

/** Adding an entry by hand, and changing one: part of pipelineService. */
export function savePipelineEntry(deps: PipelineDeps) {
  const { repos, clock, access, options } = deps

  async function checked(raw: Record<string, unknown>): Promise<EntryContent> {
    const result = checkEntry(raw, await options.entryContext())
    if (!result.value) throw new ValidationError(result.errors)
    return result.value
  }

  return {
    async create(user: User, ref: OrganisationRef | undefined, raw: Record<string, unknown>): Promise<number> {
      const organisation = await access.writable(user, ref)
      const content = await checked(raw)
      return repos.database.transaction(trx => insertAudited(deps, trx, user, organisation.id, content, 'created'))
    },

    /** Replaces an entry's content when `revision` is still current; returns the new revision. */
    async update(user: User, id: number, raw: Record<string, unknown>, rawRevision: unknown): Promise<number> {
      const revision = checkRevision(rawRevision)
      const context = await options.entryContext()
      return repos.database.transaction(async trx => {
        const current = await lockedForChange(deps, user, id, trx)
        const result = checkEntry(raw, context)
        if (!result.value) throw new ValidationError(result.errors)
        await checkCurrent(repos, current, revision, trx)
        const content = result.value
        if (JSON.stringify(content) === JSON.stringify(contentOf(current))) return current.revision
        const at = clock()
        const next = current.revision + 1
        await repos.pipeline.update(id, content, { revision: next, at, by: user.id }, trx)
        await repos.audit.record(
          {
            at,
            actorUserId: user.id,
            action: `${ENTITY}.updated`,
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
