import type { Hosting, Rating } from './estate'

/** One authority's system, with whose it is and what it is: the row every estate analysis starts from. */
export interface AnalysedEntry {
  entryId: number
  organisationId: number
  /** GSS code */
  organisation: string
  organisationName: string
  organisationSlug: string
  categoryKey: string
  productId: number
  productName: string
  supplierId: number
  supplierName: string
  hosting: Hosting
  /** 'YYYY-MM-DD' */
  contractEnd: string | null
  shareable: boolean
}

export interface AnalysedRating {
  entryId: number
  standardVersionId: number
  point: string
  rating: Rating
  since: Date
}
