import {
  DEMO_STANDARDS,
  DEMO_SUPPLIERS,
  demoEstate,
  demoRatings,
  type DemoEstateEntry,
} from '../../../seeds/demo-estate'
import type { Repositories } from '../../data'
import type { AuditEventInput } from '../../data/audit.repository'
import type { Clock } from '../clock'

const missing = (what: string): never => {
  throw new Error(`no ${what} for the demo estate`)
}

interface Context {
  repos: Repositories
  organisationOf: (slug: string) => number
  respondentOf: (slug: string) => number | null
  plan: DemoEstateEntry[]
  at: Date
}

/**
 * The demo's invented catalogue and every authority's systems, each recorded by the authority's demo
 * respondent and audited as if they had typed it (only into a register with no systems, so made-up systems
 * never mix with a borough's own); then ratings of those systems against each demo standard that is
 * published and that nobody has rated against yet, so standards loaded after the register still get their
 * demo ratings on the next start. Returns whether it seeded anything.
 */
export async function seedDemoEstate(repos: Repositories, clock: Clock): Promise<boolean> {
  const organisations = new Map((await repos.organisations.list()).map(o => [o.slug, o.id]))
  const respondents = new Map(
    (await repos.users.list()).filter(u => u.role === 'respondent').map(u => [u.organisationId, u.id]),
  )
  const categories = (await repos.pipeline.categories()).map(c => c.key)
  const context: Context = {
    repos,
    organisationOf: slug => organisations.get(slug) ?? missing(`authority ${slug}`),
    respondentOf: slug => respondents.get(organisations.get(slug) ?? -1) ?? null,
    plan: demoEstate([...organisations.keys()], categories),
    at: clock(),
  }
  const registered = (await repos.demoEstate.hasEntries()) ? false : await seedRegister(context, categories)
  const rated = await seedRatings(context)
  return registered || rated
}

async function seedRegister({ repos, organisationOf, respondentOf, plan, at }: Context, categories: string[]) {
  await repos.database.transaction(async trx => {
    const productIds = new Map<string, number>()
    for (const supplier of DEMO_SUPPLIERS) {
      const supplierId = await repos.demoEstate.supplier(supplier.name, supplier.aliases, trx)
      for (const p of supplier.products) {
        if (!categories.includes(p.category)) continue
        const status = p.status ?? 'approved'
        const proposedBy = status === 'proposed' ? respondentOf(p.runBy?.[0] ?? '') : null
        const input = { name: p.name, supplierId, categoryKey: p.category, status, proposedBy }
        productIds.set(p.name, await repos.demoEstate.product(input, trx))
      }
    }
    const rows = plan.map(e => ({
      organisationId: organisationOf(e.slug),
      categoryKey: e.categoryKey,
      productId: productIds.get(e.product) ?? missing(`product ${e.product}`),
      hosting: e.hosting,
      contractEnd: e.contractEnd,
      costBand: e.costBand,
      shareable: e.shareable,
      notes: e.notes,
      at,
      by: respondentOf(e.slug),
    }))
    const ids = await repos.demoEstate.insertEntries(rows, trx)
    const events: AuditEventInput[] = rows.map(({ at, by, ...content }, i) => ({
      at,
      actorUserId: by,
      action: 'estate.added',
      entityType: 'estate-entry',
      entityId: ids[i] ?? missing('saved entry'),
      after: { ...content, revision: 1 },
    }))
    await repos.audit.recordMany(events, trx)
  })
  return true
}

/** Ratings for the demo's own systems, found again by authority, category and product. */
async function seedRatings({ repos, organisationOf, respondentOf, plan }: Context): Promise<boolean> {
  const rated = new Set(await repos.demoEstate.ratedStandardVersionIds())
  const standards = (await repos.standards.list({ statuses: ['published'] })).flatMap(s => {
    const demo = DEMO_STANDARDS.find(d => d.key === s.key && d.version === s.version)
    return demo && !rated.has(s.id) ? [{ ...demo, id: s.id, pointKeys: s.definition.points.map(p => p.key) }] : []
  })
  if (standards.length === 0) return false
  const key = (organisationId: number, categoryKey: string, product: string) =>
    `${organisationId}\u0000${categoryKey}\u0000${product}`
  const idOf = new Map(
    (await repos.demoEstate.entryKeys()).map(e => [key(e.organisationId, e.categoryKey, e.product), e.id]),
  )
  const found = plan.flatMap(e => {
    const id = idOf.get(key(organisationOf(e.slug), e.categoryKey, e.product))
    return id === undefined ? [] : [{ ...e, id }]
  })
  if (found.length === 0) return false
  await repos.database.transaction(async trx => {
    for (const standard of standards) {
      const ratings = demoRatings(found, standard).flatMap(r => {
        const entry = found[r.entry]
        if (!entry) return []
        const points = Object.entries(r.points).map(([pointKey, p]) => ({ pointKey, ...p, since: new Date(p.since) }))
        const updatedAt = new Date(Math.max(...points.map(p => p.since.getTime())))
        const by = respondentOf(entry.slug)
        return [
          { estateEntryId: entry.id, standardVersionId: standard.id, evidence: r.evidence, updatedAt, by, points },
        ]
      })
      await repos.demoEstate.insertRatings(ratings, trx)
    }
  })
  return true
}
