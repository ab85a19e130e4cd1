import authorities from '../../../seeds/data/london-authorities.json'
import { DEMO_PARTNERSHIPS } from '../../../seeds/demo-partnerships'
import { PLANTED } from '../../../seeds/demo-estate'
import { createTestApp, type TestApp } from '../../support/test-app'

/** Suppliers to UK councils whose names the demo must never put beside invented ratings. */
const REAL_SUPPLIERS = [
  'Capita',
  'Civica',
  'Northgate',
  'NEC',
  'Idox',
  'Agilisys',
  'Unit4',
  'Oracle',
  'SAP',
  'Microsoft',
  'Salesforce',
  'Liquidlogic',
  'Mosaic',
  'Servelec',
  'Academy',
  'Jadu',
  'Granicus',
  'Firmstep',
  'Arcus',
  'Uniform',
  'Tascomi',
  'Orchard',
  'Aareon',
  'MRI',
  'Netcall',
  'Abavus',
  'Ricoh',
  'Sopra Steria',
  'Clarion',
]

const LGDSS_POINTS = [
  'user-needs',
  'team',
  'agile',
  'iterate',
  'tools-and-systems',
  'data-security-privacy',
  'open-standards',
  'end-to-end-testing',
  'offline-plan',
  'simple-to-use',
  'consistent-experience',
  'encourage-use',
  'performance',
  'ongoing-research',
  'senior-test',
]

let t: TestApp

beforeAll(async () => {
  t = await createTestApp({ DEMO_DATA: '1' })
  await t.services.seed.seedDemoAccounts('demo-password')
  await t.services.seed.seedDemoPartnerships()
  expect(await t.services.seed.seedDemoEstate()).toBe(true)
  // Stand-in for the standards shipped as reference data, only where they are not loaded already: a standard
  // published after the register was seeded still gets the demo's ratings on the next start.
  const late = !(await t.repos.standards.find('lgdss', 1))
  if (late) {
    const points = LGDSS_POINTS.map(key => ({ key, title: key, description: key }))
    const definition = {
      key: 'lgdss',
      version: 1,
      title: 'Local Government Digital Service Standard',
      source: 'test',
      points,
    }
    await t.db.knex('standard_versions').insert({
      standard_key: 'lgdss',
      version: 1,
      title: definition.title,
      status: 'draft',
      definition: JSON.stringify(definition),
    })
    await t.db
      .knex('standard_versions')
      .where({ standard_key: 'lgdss', version: 1 })
      .update({ status: 'published', published_at: new Date() })
  }
  expect(await t.services.seed.seedDemoEstate()).toBe(late)
}, 60_000)
afterAll(() => t.close())

const entries = () =>
  t.db
    .knex('estate_entries as e')
    .join('organisations as o', 'o.id', 'e.organisation_id')
    .join('products as p', 'p.id', 'e.product_id')
    .join('suppliers as s', 's.id', 'p.supplier_id')
    .select<{ slug: string; category: string; product: string; supplier: string; contract_end: unknown }[]>(
      'o.slug',
      'e.category_key as category',
      'p.name as product',
      's.name as supplier',
      t.db.knex.raw("to_char(e.contract_end, 'YYYY-MM-DD') as contract_end"),
    )

describe('the demo estate', () => {
  it('gives every authority systems in most categories, once', async () => {
    const rows = await entries()
    for (const { slug } of authorities) {
      const categories = new Set(rows.filter(r => r.slug === slug).map(r => r.category))
      expect([slug, categories.size >= 9]).toEqual([slug, true])
    }
    const ratings = await t.db.knex('estate_ratings').count<{ count: number }[]>('* as count')
    expect(await t.services.seed.seedDemoEstate()).toBe(false)
    expect(await entries()).toHaveLength(rows.length)
    expect(await t.db.knex('estate_ratings').count<{ count: number }[]>('* as count')).toEqual(ratings)
  })

  it('names no real supplier, and leaves aliases, a proposal and a duplicate for analysts', async () => {
    const suppliers = await t.repos.catalogue.listSuppliers()
    const products = await t.repos.catalogue.listProducts()
    const names = [...suppliers.flatMap(s => [s.name, ...s.aliases]), ...products.map(p => p.name)]
    for (const real of REAL_SUPPLIERS) {
      const word = new RegExp(`\\b${real}\\b`, 'i')
      expect([real, names.filter(n => word.test(n))]).toEqual([real, []])
    }
    expect(suppliers.filter(s => s.aliases.length > 0).length).toBeGreaterThanOrEqual(3)
    expect(products.filter(p => p.status === 'proposed').map(p => p.name)).toEqual(['Puddleford Repairs'])
    const kerbfinch = products.filter(p => p.supplier.name === 'Kerbfinch Systems' && p.categoryKey === 'parking')
    expect(kerbfinch.map(p => p.name).sort()).toEqual(['Kerbfinch PE', 'Kerbfinch Parking Enforcement'])
  })

  it('ends every contract between 2027 and 2031', async () => {
    const ends = (await entries()).map(r => String(r.contract_end))
    expect(ends.filter(end => !(end >= '2027-01-01' && end <= '2031-12-31'))).toEqual([])
    expect(new Set(ends.map(end => end.slice(0, 4)))).toEqual(new Set(['2027', '2028', '2029', '2030', '2031']))
  })

  it('has one category highly concentrated on a supplier and another spread thinly', async () => {
    const rows = await entries()
    const hhi = (category: string) => {
      const inCategory = rows.filter(r => r.category === category)
      const authorities = new Set(inCategory.map(r => r.slug)).size
      const bySupplier = new Map<string, Set<string>>()
      for (const r of inCategory) bySupplier.set(r.supplier, (bySupplier.get(r.supplier) ?? new Set()).add(r.slug))
      return [...bySupplier.values()].reduce((sum, runs) => sum + ((100 * runs.size) / authorities) ** 2, 0)
    }
    expect(hhi('revenues-benefits')).toBeGreaterThan(2500)
    expect(hhi('customer-contact-crm')).toBeLessThan(1500)
  })

  it('rates many systems against the standard, some points not assessed, since 2025 or 2026', async () => {
    const points = await t.db.knex('estate_rating_points').select<{ rating: string; since: Date }[]>('rating', 'since')
    const ratings = new Set(points.map(p => p.rating))
    expect(ratings).toEqual(new Set(['meets', 'partly', 'does_not_meet', 'not_assessed']))
    expect(points.length).toBeGreaterThan(100 * LGDSS_POINTS.length)
    const years = new Set(points.map(p => new Date(p.since).getUTCFullYear()))
    expect([...years].sort()).toEqual([2025, 2026])
  })

  it('plants one revenues and benefits product failing open standards across a partnership and its neighbours', async () => {
    const worst = await t.db
      .knex('estate_rating_points as rp')
      .join('estate_ratings as r', 'r.id', 'rp.estate_rating_id')
      .join('standard_versions as sv', 'sv.id', 'r.standard_version_id')
      .join('estate_entries as e', 'e.id', 'r.estate_entry_id')
      .join('products as p', 'p.id', 'e.product_id')
      .join('organisations as o', 'o.id', 'e.organisation_id')
      .where({
        'sv.standard_key': 'lgdss',
        'sv.version': 1,
        'rp.point_key': 'open-standards',
        'p.name': PLANTED.product,
      })
      .whereNot('rp.rating', 'not_assessed')
      .groupBy('o.slug')
      .select<{ slug: string; worst: number }[]>(
        'o.slug',
        t.db.knex.raw("max(case rp.rating when 'does_not_meet' then 3 when 'partly' then 2 else 1 end)::int as worst"),
      )
    const failing = worst.filter(w => w.worst === 3).map(w => w.slug)
    expect(failing.length).toBeGreaterThanOrEqual(5)
    expect(failing.length * 2).toBeGreaterThan(worst.length)
    // Every failing authority is in the east London partnership or borders one of its members.
    const partnership = DEMO_PARTNERSHIPS.find(p => p.memberSlugs.includes('havering'))!.memberSlugs
    const gss = new Map(authorities.map(a => [a.slug, a.gss]))
    const near = new Set(
      authorities
        .filter(a => partnership.includes(a.slug) || a.neighbours.some(n => partnership.some(m => gss.get(m) === n)))
        .map(a => a.slug),
    )
    expect(failing.filter(slug => !near.has(slug))).toEqual([])
    expect(failing).toEqual(expect.arrayContaining(partnership))
  })

  it('fails no other product on any point of any standard by a majority of three or more raters', async () => {
    const counts = await t.db
      .knex('estate_rating_points as rp')
      .join('estate_ratings as r', 'r.id', 'rp.estate_rating_id')
      .join('standard_versions as sv', 'sv.id', 'r.standard_version_id')
      .join('estate_entries as e', 'e.id', 'r.estate_entry_id')
      .join('products as p', 'p.id', 'e.product_id')
      .whereNot('rp.rating', 'not_assessed')
      .groupBy('sv.standard_key', 'p.name', 'rp.point_key')
      .select<{ standard: string; product: string; point: string; rated: number; failing: number }[]>(
        'sv.standard_key as standard',
        'p.name as product',
        'rp.point_key as point',
        t.db.knex.raw('count(distinct e.organisation_id)::int as rated'),
        t.db.knex.raw("count(distinct e.organisation_id) filter (where rp.rating = 'does_not_meet')::int as failing"),
      )
    const fails = counts
      .filter(c => c.rated >= 3 && c.failing * 2 > c.rated)
      .map(c => `${c.standard} ${c.product}: ${c.point}`)
    expect(fails).toEqual([`lgdss ${PLANTED.product}: ${PLANTED.point}`])
  })
})
