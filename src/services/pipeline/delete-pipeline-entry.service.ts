import type { User } from '../../domain/user'
import {
  audited,
  checkCurrent,
  checkRevision,
  ENTITY,
  located,
  lockedForChange,
  type EntryView,
  type PipelineDeps,
} from './pipeline-entry-records'

/** Deleting an entry, refused when based on a stale revision: part of pipelineService. */
export function deletePipelineEntry(deps: PipelineDeps) {
  const { repos, clock } = deps
  return {
    async remove(user: User, id: number, rawRevision: unknown): Promise<EntryView> {
      const revision = checkRevision(rawRevision)
      return repos.database.transaction(async trx => {
        const current = await lockedForChange(deps, user, id, trx)
        await checkCurrent(repos, current, revision, trx)
        await repos.pipeline.remove(id, trx)
        await repos.audit.record(
          {
            at: clock(),
            actorUserId: user.id,
            action: `${ENTITY}.deleted`,
            entityType: ENTITY,
            entityId: id,
            before: audited(current),
          },
          trx,
        )
        return located(repos, current, trx)
      })
    },
  }
}
