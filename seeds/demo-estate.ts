import type { CostBand, Hosting, ProductStatus, Rating } from '../src/domain/estate/estate'
import { randomFrom } from './demo-assessments'
import { DEMO_PARTNERSHIPS } from './demo-partnerships'
import catalogue from './data/demo-estate.json'

/**
 * What each authority runs today, for the demo: the same every time, from an invented catalogue
 * (seeds/data/demo-estate.json). Planted so the estate has stories worth finding: revenues and benefits
 * concentrated on one supplier whose product fails the open standards point across the east London shared
 * back office and its neighbours; customer contact and data platforms fragmented across many suppliers; a
 * duplicate parking product waiting for an analyst to merge; a product proposed by a borough, not yet approved.
 */
export const DEMO_ESTATE_SEED = 20261207
export const DEMO_ESTATE_NOTE = 'Demo data: synthetic, describes no real council’s systems.'

/** The product, point and authorities of the planted failure: a partnership's members and their neighbours. */
export const PLANTED = {
  product: 'Tallyhouse Revenues and Benefits',
  category: 'revenues-benefits',
  standard: 'lgdss',
  point: 'open-standards',
  failing: ['havering', 'newham', 'barking-and-dagenham', 'redbridge', 'bexley', 'tower-hamlets', 'waltham-forest'],
} as const

/** The standards the demo rates against, where the database has them published. */
export const DEMO_STANDARDS = [
  { key: 'lgdss', version: 1, share: 0.65 },
  { key: 'tcop', version: 1, share: 0.25 },
] as const

export interface DemoProduct {
  name: string
  category: string
  /** How often authorities not named in `runBy` pick it, beside the category's other products. */
  weight: number
  hosting: Hosting
  /** How likely each point is to be rated `meets`. */
  quality: number
  status?: ProductStatus
  /** Authorities that always run it. */
  runBy?: string[]
}

export interface DemoSupplier {
  name: string
  aliases: string[]
  products: DemoProduct[]
}

export const DEMO_SUPPLIERS = catalogue.suppliers as DemoSupplier[]

export interface DemoEstateEntry {
  slug: string
  categoryKey: string
  supplier: string
  product: string
  hosting: Hosting
  /** A calendar date, 'YYYY-MM-DD', between 2027 and 2031. */
  contractEnd: string
  costBand: CostBand
  shareable: boolean
  notes: string | null
}

/** How often an authority has a system recorded in each category; the rest always do. */
const PRESENCE: Record<string, number> = {
  'housing-management': 0.9,
  'planning-building-control': 0.95,
  waste: 0.85,
  parking: 0.9,
  'data-platform': 0.8,
  'identity-access': 0.85,
  'hosting-network': 0.7,
  'telephony-contact-centre': 0.9,
  education: 0.6,
}

const BIG = new Set([
  'finance-erp',
  'revenues-benefits',
  'adult-social-care',
  'childrens-social-care',
  'housing-management',
])

const NOTES = [
  'Runs alongside an older module kept for archived cases.',
  'Extended once; the next renewal goes to the market.',
  'Heavily customised, which makes upgrades slow.',
  'Shared with a neighbouring council under one contract.',
  'Support from the supplier is good; reporting is weak.',
]

const OTHER_HOSTINGS: Hosting[] = ['on_premises', 'private_cloud', 'public_cloud', 'saas']

/** The catalogue's products by category, in file order. */
export function productsByCategory(): Map<string, (DemoProduct & { supplier: string })[]> {
  const byCategory = new Map<string, (DemoProduct & { supplier: string })[]>()
  for (const supplier of DEMO_SUPPLIERS)
    for (const product of supplier.products) {
      const list = byCategory.get(product.category) ?? []
      list.push({ ...product, supplier: supplier.name })
      byCategory.set(product.category, list)
    }
  return byCategory
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The last day of a month, as 'YYYY-MM-DD'. */
function endOfMonth(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`
}

/**
 * Every demo system, for the authorities given (by slug). Members of a demo partnership run what the first
 * member runs, on the same contract, as a shared service would; an authority named in a product's `runBy`
 * always runs that product.
 */
export function demoEstate(slugs: readonly string[], categories: readonly string[]): DemoEstateEntry[] {
  const random = randomFrom(DEMO_ESTATE_SEED)
  const chance = (p: number) => random() < p
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const leadOf = new Map(DEMO_PARTNERSHIPS.flatMap(p => p.memberSlugs.slice(1).map(s => [s, p.memberSlugs[0] ?? s])))
  const byCategory = productsByCategory()
  const entries: DemoEstateEntry[] = []
  for (const categoryKey of categories) {
    const products = byCategory.get(categoryKey)
    if (!products) continue
    const chosen = new Map<string, DemoEstateEntry>()
    for (const slug of slugs) {
      const forced = products.find(p => p.runBy?.includes(slug))
      const lead = chosen.get(leadOf.get(slug) ?? '')
      const present = chance(PRESENCE[categoryKey] ?? 1)
      if (!forced && !lead && !present) continue
      const total = products.reduce((sum, p) => sum + p.weight, 0)
      let roll = random() * total
      const weighted = products.find(p => (roll -= p.weight) < 0) ?? products[0]
      const product = forced ?? (lead && products.find(p => p.name === lead.product)) ?? weighted
      if (!product) continue
      const year = 2027 + Math.floor(random() * 5)
      const entry: DemoEstateEntry = {
        slug,
        categoryKey,
        supplier: product.supplier,
        product: product.name,
        hosting: chance(0.75) ? product.hosting : pick(OTHER_HOSTINGS),
        contractEnd:
          lead?.product === product.name ? lead.contractEnd : endOfMonth(year, 1 + Math.floor(random() * 12)),
        costBand: chance(0.06)
          ? 'unknown'
          : BIG.has(categoryKey)
            ? pick(['500k-1m', '1m-5m'])
            : pick(['under-100k', '100k-500k']),
        shareable: chance(0.85),
        notes: chance(0.25) ? `${pick(NOTES)} ${DEMO_ESTATE_NOTE}` : null,
      }
      chosen.set(slug, entry)
      entries.push(entry)
    }
  }
  return entries
}

export interface DemoRatings {
  /** Index into the entries given. */
  entry: number
  points: Record<string, { rating: Rating; since: string }>
  evidence: string | null
}

const qualityOf = new Map(DEMO_SUPPLIERS.flatMap(s => s.products.map(p => [p.name, p.quality])))

/** A day in 2025 or 2026 up to late November, as an ISO timestamp. */
function sinceFrom(random: () => number, from = 0, span = 690): string {
  const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(from + random() * span) * 86_400_000)
  return `${day.toISOString().slice(0, 10)}T09:00:00.000Z`
}

/**
 * Ratings of the demo systems against one standard, point by point. Most products come out mixed or
 * meeting each point; nowhere does a product fail a point by majority except the planted one, so the
 * planted story is the one the scorecards find.
 */
export function demoRatings(
  entries: readonly DemoEstateEntry[],
  standard: { key: string; pointKeys: readonly string[]; share: number },
): DemoRatings[] {
  const random = randomFrom(DEMO_ESTATE_SEED + standard.key.length * 97 + standard.pointKeys.length)
  const planted = (e: DemoEstateEntry, point: string) =>
    standard.key === PLANTED.standard && point === PLANTED.point && e.product === PLANTED.product
  const ratings: DemoRatings[] = []
  entries.forEach((e, i) => {
    const mustRate =
      standard.key === PLANTED.standard && e.product === PLANTED.product && PLANTED.failing.some(s => s === e.slug)
    // Few of the product's other users rate it, so the planted failures are the majority of its raters.
    const share = standard.key === PLANTED.standard && e.product === PLANTED.product ? 0.35 : standard.share
    if (!mustRate && random() >= share) return
    const q = qualityOf.get(e.product) ?? 0.5
    const points: DemoRatings['points'] = {}
    for (const key of standard.pointKeys) {
      const roll = random()
      let rating: Rating =
        roll < q
          ? 'meets'
          : roll < q + (1 - q) * 0.65
            ? 'partly'
            : roll < q + (1 - q) * 0.85
              ? 'does_not_meet'
              : 'not_assessed'
      let since = sinceFrom(random)
      if (planted(e, key)) {
        const failing = PLANTED.failing.some(s => s === e.slug)
        rating = failing ? 'does_not_meet' : rating === 'does_not_meet' ? 'partly' : rating
        if (failing) since = sinceFrom(random, 31, 150)
      }
      points[key] = { rating, since }
    }
    const evidence = mustRate
      ? `Council tax and benefits data leave only in the supplier’s own format; no open interface. ${DEMO_ESTATE_NOTE}`
      : random() < 0.3
        ? `Rated at the annual review of systems. ${DEMO_ESTATE_NOTE}`
        : null
    ratings.push({ entry: i, points, evidence })
  })
  soften(entries, ratings, planted)
  return ratings
}

/**
 * Keeps every other product's failures short of a majority on each point, and out of sight where fewer
 * than three rated it, by softening the last of them; and keeps the planted failure a clear majority of
 * its raters, whatever order the standard lists its points in, by leaving the rest of its users unassessed.
 */
function soften(
  entries: readonly DemoEstateEntry[],
  ratings: readonly DemoRatings[],
  planted: (e: DemoEstateEntry, point: string) => boolean,
): void {
  const byProductPoint = new Map<string, { rating: Rating }[]>()
  const plantedPoints: { point: { rating: Rating }; failing: boolean }[] = []
  for (const r of ratings)
    for (const [key, point] of Object.entries(r.points)) {
      const e = entries[r.entry]
      if (!e) continue
      if (planted(e, key)) {
        plantedPoints.push({ point, failing: PLANTED.failing.some(s => s === e.slug) })
        continue
      }
      const id = `${e.product}\u0000${key}`
      byProductPoint.set(id, [...(byProductPoint.get(id) ?? []), point])
    }
  for (const points of byProductPoint.values()) {
    const rated = points.filter(p => p.rating !== 'not_assessed').length
    const failing = points.filter(p => p.rating === 'does_not_meet')
    for (const point of failing.slice(rated < 3 ? 0 : Math.floor(rated / 2))) point.rating = 'partly'
  }
  const failing = plantedPoints.filter(p => p.failing).length
  const others = plantedPoints.filter(p => !p.failing && p.point.rating !== 'not_assessed')
  for (const { point } of others.slice(Math.max(0, failing - 2))) point.rating = 'not_assessed'
}
