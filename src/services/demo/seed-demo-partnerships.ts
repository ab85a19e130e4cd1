import { DEMO_PARTNERSHIPS } from '../../../seeds/demo-partnerships'
import type { Repositories } from '../../data'
import type { Clock } from '../clock'

/**
 * The demo's shared-service partnerships, audited as created by nobody (the seed). Only into a database
 * with no partnerships, so made-up memberships never mix with an admin's own. Returns whether it seeded.
 */
export async function seedDemoPartnerships(repos: Repositories, clock: Clock): Promise<boolean> {
  if ((await repos.partnerships.list()).length > 0) return false
  const idOf = new Map((await repos.organisations.list()).map(o => [o.slug, o.id]))
  const at = clock()
  await repos.database.transaction(async trx => {
    for (const { name, description, memberSlugs } of DEMO_PARTNERSHIPS) {
      const memberIds = memberSlugs.flatMap(slug => idOf.get(slug) ?? [])
      const input = { name, description, memberIds }
      const id = await repos.partnerships.create(input, trx)
      await repos.audit.record(
        { at, actorUserId: null, action: 'partnership.created', entityType: 'partnership', entityId: id, after: input },
        trx,
      )
    }
  })
  return true
}
