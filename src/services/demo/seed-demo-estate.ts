import { DEMO_STANDARDS, DEMO_SUPPLIERS, demoEstate, demoRatings } from '../../../seeds/demo-estate'
import type { Repositories } from '../../data'
import type { AuditEventInput } from '../../data/audit.repository'
import type { Clock } from '../clock'

const missing = (name: string): never => {
  throw new Error(`no product ${name} in the catalogue`)
}

/**
 * The demo's invented catalogue and every authority's systems, each recorded by the authority's demo
 * respondent and audited as if they had typed it, then rated against each demo standard the database has
 * published (standards are reference data, loaded before the demo). Only into a register with no systems,
 * so made-up systems never mix with a borough's own. Returns whether it seeded.
 */
export async function seedDemoEstate(repos: Repositories, clock: Clock): Promise<boolean> {
  if (await repos.demoEstate.hasEntries()) return false
  const organisations = new Map((await repos.organisations.list()).map(o => [o.slug, o.id]))
  const respondentOf = new Map(
    (await repos.users.list()).filter(u => u.role === 'respondent').map(u => [u.organisationId, u.id]),
  )
  const categories = (await repos.pipeline.categories()).map(c => c.key)
  const standards = (await repos.standards.list({ statuses: ['published'] })).flatMap(s => {
    const demo = DEMO_STANDARDS.find(d => d.key === s.key && d.version === s.version)
    return demo ? [{ ...demo, id: s.id, pointKeys: s.definition.points.map(p => p.key) }] : []
  })
  const entries = demoEstate([...organisations.keys()], categories)
  const organisationOf = (slug: string) => {
    const id = organisations.get(slug)
    if (id === undefined) throw new Error(`no authority ${slug}`)
    return id
  }
  const byOf = (slug: string) => respondentOf.get(organisations.get(slug) ?? -1) ?? null
  const at = clock()
  await repos.database.transaction(async trx => {
    const productIds = new Map<string, number>()
    for (const supplier of DEMO_SUPPLIERS) {
      const supplierId = await repos.demoEstate.supplier(supplier.name, supplier.aliases, trx)
      for (const p of supplier.products) {
        if (!categories.includes(p.category)) continue
        const status = p.status ?? 'approved'
        const proposedBy = status === 'proposed' ? byOf(p.runBy?.[0] ?? '') : null
        const input = { name: p.name, supplierId, categoryKey: p.category, status, proposedBy }
        productIds.set(p.name, await repos.demoEstate.product(input, trx))
      }
    }
    const rows = entries.map(e => ({
      organisationId: organisationOf(e.slug),
      categoryKey: e.categoryKey,
      productId: productIds.get(e.product) ?? missing(e.product),
      hosting: e.hosting,
      contractEnd: e.contractEnd,
      costBand: e.costBand,
      shareable: e.shareable,
      notes: e.notes,
      at,
      by: byOf(e.slug),
    }))
    const ids = await repos.demoEstate.insertEntries(rows, trx)
    const idOf = (i: number) => {
      const id = ids[i]
      if (id === undefined) throw new Error('an entry was not saved')
      return id
    }
    const events: AuditEventInput[] = rows.map(({ at, by, ...content }, i) => ({
      at,
      actorUserId: by,
      action: 'estate_entry.created',
      entityType: 'estate_entry',
      entityId: idOf(i),
      after: { ...content, revision: 1 },
    }))
    for (const standard of standards) {
      const ratings = demoRatings(entries, standard).map(r => {
        const points = Object.entries(r.points).map(([pointKey, p]) => ({ pointKey, ...p, since: new Date(p.since) }))
        return {
          estateEntryId: idOf(r.entry),
          standardVersionId: standard.id,
          evidence: r.evidence,
          updatedAt: new Date(Math.max(...points.map(p => p.since.getTime()))),
          by: byOf(entries[r.entry]?.slug ?? ''),
          points,
        }
      })
      await repos.demoEstate.insertRatings(ratings, trx)
    }
    await repos.audit.recordMany(events, trx)
  })
  return true
}
