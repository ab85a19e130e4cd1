import { checkProposal, existingProduct, matchSupplier, type ProductProposal } from '../../domain/estate/catalogue'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors'
import type { Product } from '../../domain/estate/estate'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { Transaction } from '../../data/db'

/** Who looks after London's catalogue: approving, renaming and merging products. */
export const CURATORS = ['analyst', 'admin'] as const

export const ENTITY = 'product'

export function requireCurator(user: User): void {
  if (!(CURATORS as readonly string[]).includes(user.role))
    throw new ForbiddenError('Only LOTI analysts and administrators can approve, change or merge products')
}

/** A change based on a stale revision: the caller is shown the product as it is now. */
export class ProductConflictError extends ConflictError {
  constructor(readonly current: Product) {
    super('Someone else changed this product since you loaded it')
  }
}

/** A proposal or rename that would put a product in the catalogue twice: names the one already there. */
export class DuplicateProductError extends ValidationError {
  constructor(readonly existing: Product) {
    super([
      {
        field: 'name',
        message: `${existing.name} from ${existing.supplier.name} is already in the catalogue: use that one`,
      },
    ])
  }
}

/** A product as its audit events record it. */
export const audited = (p: Product) => ({
  name: p.name,
  supplierId: p.supplier.id,
  supplier: p.supplier.name,
  categoryKey: p.categoryKey,
  status: p.status,
  mergedIntoId: p.mergedIntoId,
  revision: p.revision,
})

/** The revision a change is based on: optional, but a whole number when given. */
export function optionalRevision(raw: unknown): number | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined
  const revision = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw
  if (typeof revision === 'number' && Number.isSafeInteger(revision) && revision > 0) return revision
  throw new ValidationError([
    { field: 'revision', message: 'Send the revision the change is based on: the whole number you were given' },
  ])
}

/** The id of a product named in a form or a body, or a message saying it must be one. */
export function productIdOf(raw: unknown, field: string): number {
  const id = typeof raw === 'string' && /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : raw
  if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) return id
  throw new ValidationError([{ field, message: 'Choose a product from the catalogue to merge into' }])
}

/** The steps every catalogue change shares, over one set of repositories (see catalogueService). */
export function catalogueSteps(repos: Repositories) {
  const categories = () => repos.pipeline.categories()
  return {
    categories,

    async checked(raw: Record<string, unknown>): Promise<ProductProposal> {
      const result = checkProposal(
        raw,
        (await categories()).map(c => c.key),
      )
      if (!result.value) throw new ValidationError(result.errors)
      return result.value
    },

    /** The supplier a name means, made when no supplier answers to it. */
    async supplierFor(name: string, trx: Transaction): Promise<number> {
      const known = matchSupplier(name, await repos.catalogue.listSuppliers(trx))
      return known?.id ?? repos.catalogue.createSupplier(name, trx)
    },

    /** Refuses a product already in the catalogue, merged ones included (naming the one they joined). */
    async refuseDuplicate(proposal: ProductProposal, supplierId: number, trx: Transaction, self?: number) {
      const all = await repos.catalogue.listProducts({ statuses: ['proposed', 'approved', 'merged'] }, trx)
      const existing = existingProduct(
        proposal,
        supplierId,
        all.filter(p => p.id !== self),
      )
      if (existing) throw new DuplicateProductError(existing)
    },

    async locked(id: number, trx: Transaction): Promise<Product> {
      const product = await repos.catalogue.lockProduct(id, trx)
      if (!product) throw new NotFoundError('There is no such product')
      return product
    },

    checkCurrent(product: Product, revision: number | undefined): void {
      if (revision !== undefined && revision !== product.revision) throw new ProductConflictError(product)
    },
  }
}

export type CatalogueSteps = ReturnType<typeof catalogueSteps>
