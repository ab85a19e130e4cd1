import { mergeRefusal } from '../../domain/estate/catalogue'
import { NotFoundError } from '../../domain/errors'
import type { Product } from '../../domain/estate/estate'
import { isCentralRole } from '../../domain/roles'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { Clock } from '../clock'
import { catalogueSteps, productIdOf } from './catalogue-records'
import { approveProduct, renameProduct } from './change-product.service'
import { mergeProducts } from './merge-products.service'
import { proposeProduct } from './propose-product.service'

export { CURATORS, DuplicateProductError, ProductConflictError } from './catalogue-records'

/** A product in the catalogue with how many authorities run it. */
export interface ListedProduct extends Product {
  authorities: number
}

/**
 * London's shared catalogue of products: anyone signed in proposes one; LOTI's analysts and administrators
 * approve, rename and merge them, each change audited in its own transaction, each in a file of its own.
 */
/** Enough for any one service area's products, few enough to send with every page that asks. */
const SYSTEM_NAMES_MAX = 200

export function catalogueService(repos: Repositories, clock: Clock) {
  const steps = catalogueSteps(repos)

  return {
    categories: steps.categories,

    /** Products not merged away, with how many authorities run each; `categoryKey` narrows to one category. */
    async list(filter: { categoryKey?: string } = {}): Promise<ListedProduct[]> {
      const [products, counts] = await Promise.all([
        repos.catalogue.listProducts(filter),
        repos.catalogue.authorityCounts(),
      ])
      return products.map(p => ({ ...p, authorities: counts.get(p.id) ?? 0 }))
    },

    /** What a person may record their systems as: approved products, and their own authority’s proposals. */
    async usable(user: User): Promise<Product[]> {
      if (isCentralRole(user.role)) return repos.catalogue.listProducts()
      const approved = await repos.catalogue.listProducts({ statuses: ['approved'] })
      const own = user.organisationId === null ? [] : await repos.catalogue.proposedBy(user.organisationId)
      return [...approved, ...own].sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.id - b.id)
    },

    /**
     * The systems to offer when a council names a service area's main system: its own register's systems
     * in the area's categories first, as it most likely runs one of them, then the catalogue's approved
     * products there. At most SYSTEM_NAMES_MAX, so a page never carries the whole catalogue.
     */
    async systemNames(organisationId: number, categories: readonly string[]): Promise<string[]> {
      const [own, approved] = await Promise.all([
        Promise.all(categories.map(categoryKey => repos.estateAnalysis.entries({ categoryKey }))),
        Promise.all(
          categories.map(categoryKey => repos.catalogue.listProducts({ statuses: ['approved'], categoryKey })),
        ),
      ])
      const names = [
        ...own
          .flat()
          .filter(e => e.organisationId === organisationId)
          .map(e => e.productName),
        ...approved.flat().map(p => p.name),
      ]
      return [...new Set(names)].slice(0, SYSTEM_NAMES_MAX)
    },

    /** Any product, merged ones included, so old links still lead somewhere. */
    async get(id: number): Promise<Product> {
      const product = Number.isSafeInteger(id) && id > 0 ? await repos.catalogue.findProduct(id) : undefined
      if (!product) throw new NotFoundError('There is no such product')
      return product
    },

    /** How many authorities run a product, and how many systems in all. */
    usage: (id: number) => repos.catalogue.usage(id),

    /** Why `from` cannot be merged into the product `intoId`, or null when it can. */
    async mergeRefusal(from: Product, intoId: number): Promise<string | null> {
      return mergeRefusal(from, await repos.catalogue.findProduct(intoId))?.message ?? null
    },

    /** The products `from` may be merged into: the others of its category still in the catalogue. */
    async mergeTargets(from: Product): Promise<Product[]> {
      const same = await repos.catalogue.listProducts({ categoryKey: from.categoryKey })
      return same.filter(p => p.id !== from.id)
    },

    ...proposeProduct(repos, clock, steps),
    ...approveProduct(repos, clock, steps),
    ...renameProduct(repos, clock, steps),

    /** Merges product `id` into the product `rawInto` names; answers where it went and how many systems moved. */
    merge: (user: User, id: number, rawInto: unknown) =>
      mergeProducts(repos, clock, user, id, productIdOf(rawInto, 'into')),
  }
}

export type CatalogueService = ReturnType<typeof catalogueService>
