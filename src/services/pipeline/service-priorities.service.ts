import { ValidationError } from '../../domain/errors'
import { checkPriorities } from '../../domain/pipeline/priorities'
import type { User } from '../../domain/user'
import type { OrganisationRef } from './pipeline-access'
import type { PipelineDeps } from './pipeline-entry-records'

/** An organisation's ranked service priorities, read and replaced: part of pipelineService. */
export function servicePriorities({ repos, clock, access, options }: PipelineDeps) {
  return {
    async priorities(user: User, ref?: OrganisationRef) {
      const organisation = await access.organisation(user, ref)
      if (!organisation) throw new ValidationError([{ field: 'organisation', message: 'Choose an organisation' }])
      const [areas, priorities] = await Promise.all([
        options.serviceAreas(),
        repos.pipeline.priorities(organisation.id),
      ])
      return {
        organisation,
        priorities: priorities.map(p => ({ ...p, title: areas.get(p.serviceArea) ?? p.serviceArea })),
      }
    },

    /** Replaces the organisation's ranked priorities with the service areas given, in rank order. */
    async replacePriorities(user: User, ref: OrganisationRef | undefined, raw: readonly unknown[]): Promise<string[]> {
      const organisation = await access.writable(user, ref)
      const result = checkPriorities(raw, await options.serviceAreas())
      if (!result.value) throw new ValidationError(result.errors)
      const chosen = result.value
      await repos.database.transaction(async trx => {
        await repos.pipeline.lockPriorities(organisation.id, trx)
        const before = await repos.pipeline.priorities(organisation.id, trx)
        const at = clock()
        const after = chosen.map((serviceArea, i) => ({ rank: i + 1, serviceArea, notes: null }))
        await repos.pipeline.replacePriorities(organisation.id, after, { at, by: user.id }, trx)
        await repos.audit.record(
          {
            at,
            actorUserId: user.id,
            action: 'service_priorities.replaced',
            entityType: 'service_priorities',
            entityId: organisation.id,
            before: before.map(p => p.serviceArea),
            after: chosen,
          },
          trx,
        )
      })
      return chosen
    },
  }
}
