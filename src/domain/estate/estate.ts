import { VALUE_BANDS, VALUE_BAND_LABELS, type ValueBand } from '../pipeline/entry'

/** Where a system runs. */
export const HOSTINGS = ['on_premises', 'private_cloud', 'public_cloud', 'saas'] as const
export type Hosting = (typeof HOSTINGS)[number]
export const HOSTING_LABELS: Record<Hosting, string> = {
  on_premises: 'On premises',
  private_cloud: 'Private cloud',
  public_cloud: 'Public cloud',
  saas: 'Software as a service',
}

/** An estate entry's annual cost uses the pipeline's bands, so plans and systems compare. */
export const COST_BANDS = VALUE_BANDS
export type CostBand = ValueBand
export const COST_BAND_LABELS = VALUE_BAND_LABELS

/** How a system measures up to one point of a standard. */
export const RATINGS = ['meets', 'partly', 'does_not_meet', 'not_assessed'] as const
export type Rating = (typeof RATINGS)[number]
export const RATING_LABELS: Record<Rating, string> = {
  meets: 'Meets',
  partly: 'Partly meets',
  does_not_meet: 'Does not meet',
  not_assessed: 'Not assessed',
}

export const PRODUCT_STATUSES = ['proposed', 'approved', 'merged'] as const
export type ProductStatus = (typeof PRODUCT_STATUSES)[number]

export interface Supplier {
  id: number
  name: string
  aliases: string[]
}

export interface Product {
  id: number
  name: string
  supplier: { id: number; name: string }
  categoryKey: string
  status: ProductStatus
  /** Set only on a merged product: the product that now holds its history. */
  mergedIntoId: number | null
  revision: number
}

/** What an authority records about one system it runs. */
export interface EstateContent {
  categoryKey: string
  productId: number
  hosting: Hosting
  /** A calendar date, 'YYYY-MM-DD'. */
  contractEnd: string | null
  costBand: CostBand | null
  shareable: boolean
  notes: string | null
}

export interface EstateEntry extends EstateContent {
  id: number
  organisationId: number
  revision: number
  createdAt: Date
  updatedAt: Date
  updatedBy: number | null
}

/** One point of a standard, as the standard's document states it. */
export interface StandardPoint {
  key: string
  title: string
  description: string
}

/** A standard's document: `{ key, version, title, source, points }`, checked like a questionnaire. */
export interface StandardDefinition {
  key: string
  version: number
  title: string
  /** Who wrote it, which edition, and where to read it. */
  source: string
  points: StandardPoint[]
}

export const STANDARD_STATUSES = ['draft', 'published', 'retired'] as const
export type StandardStatus = (typeof STANDARD_STATUSES)[number]

export interface StandardVersion {
  id: number
  key: string
  version: number
  title: string
  status: StandardStatus
  definition: StandardDefinition
  publishedAt: Date | null
}

/** One system's ratings against one standard version. */
export interface EstateRatings {
  estateEntryId: number
  standardVersionId: number
  /** Every point of the standard; a point never rated is 'not_assessed'. */
  points: Record<string, { rating: Rating; since: Date }>
  evidence: string | null
  /** 0 before the first rating is saved. */
  revision: number
  updatedAt: Date | null
}
