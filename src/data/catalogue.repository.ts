import type { Knex } from 'knex'
import type { Product, ProductStatus, Supplier } from '../domain/estate/estate'
import type { Db } from './db'

interface ProductRow {
  id: number
  name: string
  supplier_id: number
  supplier_name: string
  category_key: string
  status: ProductStatus
  merged_into_id: number | null
  revision: number
}

const toProduct = (r: ProductRow): Product => ({
  id: r.id,
  name: r.name,
  supplier: { id: r.supplier_id, name: r.supplier_name },
  categoryKey: r.category_key,
  status: r.status,
  mergedIntoId: r.merged_into_id,
  revision: r.revision,
})

const productColumns = [
  'p.id',
  'p.name',
  'p.supplier_id',
  's.name as supplier_name',
  'p.category_key',
  'p.status',
  'p.merged_into_id',
  'p.revision',
]

/** London's shared catalogue of suppliers and the products they sell. */
export function catalogueRepository(knex: Knex) {
  const products = (db: Db) => db('products as p').join('suppliers as s', 's.id', 'p.supplier_id')
  async function findProduct(id: number, db: Db = knex): Promise<Product | undefined> {
    const row = await products(db).where('p.id', id).first<ProductRow | undefined>(productColumns)
    return row && toProduct(row)
  }
  return {
    /** Products by name; merged products only when asked for, as they live on in the product they joined. */
    async listProducts(
      filter: { statuses?: readonly ProductStatus[]; categoryKey?: string } = {},
      db: Db = knex,
    ): Promise<Product[]> {
      const query = products(db).select<ProductRow[]>(productColumns).orderByRaw('lower(p.name), p.id')
      query.whereIn('p.status', filter.statuses ?? ['proposed', 'approved'])
      if (filter.categoryKey) query.where('p.category_key', filter.categoryKey)
      return (await query).map(toProduct)
    },

    findProduct,

    async listSuppliers(db: Db = knex): Promise<Supplier[]> {
      const rows = await db('suppliers').select<{ id: number; name: string }[]>('id', 'name').orderByRaw('lower(name)')
      const aliases = await db('supplier_aliases').select<{ supplier_id: number; alias: string }[]>('supplier_id', 'alias')
      return rows.map(r => ({
        ...r,
        aliases: aliases.filter(a => a.supplier_id === r.id).map(a => a.alias),
      }))
    },

    /** The proposals an authority's own people made: usable in its register before anyone approves them. */
    async proposedBy(organisationId: number, db: Db = knex): Promise<Product[]> {
      const rows = await products(db)
        .join('users as u', 'u.id', 'p.proposed_by')
        .where({ 'p.status': 'proposed', 'u.organisation_id': organisationId })
        .select<ProductRow[]>(productColumns)
      return rows.map(toProduct)
    },

    /** How many authorities run each product, by product id; products no one runs are absent. */
    async authorityCounts(db: Db = knex): Promise<Map<number, number>> {
      const rows = await db('estate_entries')
        .select<{ product_id: number; count: string | number }[]>(
          'product_id',
          db.raw('count(distinct organisation_id) as count'),
        )
        .groupBy('product_id')
      return new Map(rows.map(r => [r.product_id, Number(r.count)]))
    },

    /** How many authorities run the product, and how many of their systems are it. */
    async usage(productId: number, db: Db = knex): Promise<{ authorities: number; entries: number }> {
      const row = await db('estate_entries')
        .where({ product_id: productId })
        .first<{ authorities: string | number; entries: string | number } | undefined>(
          db.raw('count(distinct organisation_id) as authorities'),
          db.raw('count(*) as entries'),
        )
      return { authorities: Number(row?.authorities ?? 0), entries: Number(row?.entries ?? 0) }
    },

    /**
     * Holds London's catalogue for this transaction: two people proposing the same product (or adding the
     * same supplier) at once then take turns, so the second is told it exists instead of failing on the
     * unique index. Catalogue changes are rare, so waiting costs nothing anyone notices.
     */
    async holdCatalogue(trx: Knex.Transaction): Promise<void> {
      await trx.raw("select pg_advisory_xact_lock(hashtext('products catalogue'))")
    },

    ...catalogueWrites(knex, findProduct),
  }
}


/** Adding suppliers and products, approving, renaming and merging them: each inside the caller's transaction. */
function catalogueWrites(knex: Knex, findProduct: (id: number, db: Db) => Promise<Product | undefined>) {
  return {
    async createSupplier(name: string, db: Db = knex): Promise<number> {
      const [row] = await db('suppliers').insert({ name }).returning<{ id: number }[]>('id')
      if (!row) throw new Error('The supplier was not saved')
      return row.id
    },

    /** Adds another name a supplier is known by, unless some supplier already answers to it. */
    async addAlias(supplierId: number, alias: string, db: Db = knex): Promise<boolean> {
      const taken = await db('supplier_aliases').whereRaw('lower(alias) = lower(?)', [alias]).first<{ alias: string } | undefined>('alias')
      const named = await db('suppliers').where({ id: supplierId }).whereRaw('lower(name) = lower(?)', [alias]).first<{ id: number } | undefined>('id')
      if (taken || named) return false
      await db('supplier_aliases').insert({ supplier_id: supplierId, alias })
      return true
    },

    async createProduct(
      product: { name: string; supplierId: number; categoryKey: string; status: 'proposed' | 'approved' },
      by: { userId: number; at: Date },
      db: Db = knex,
    ): Promise<number> {
      const [row] = await db('products')
        .insert({
          name: product.name,
          supplier_id: product.supplierId,
          category_key: product.categoryKey,
          status: product.status,
          proposed_by: by.userId,
          revision: 1,
          created_at: by.at,
          updated_at: by.at,
        })
        .returning<{ id: number }[]>('id')
      if (!row) throw new Error('The product was not saved')
      return row.id
    },

    /** The product, locked until the transaction ends, so two changes to it happen one after the other. */
    async lockProduct(id: number, trx: Knex.Transaction): Promise<Product | undefined> {
      const locked = await trx('products').where({ id }).forUpdate().first<{ id: number } | undefined>('id')
      return locked && findProduct(id, trx)
    },

    /** Writes a product's name, supplier, category and status at the next revision. */
    async updateProduct(
      id: number,
      change: { name: string; supplierId: number; categoryKey: string; status: 'proposed' | 'approved' },
      stamp: { revision: number; at: Date },
      db: Db = knex,
    ): Promise<void> {
      await db('products').where({ id }).update({
        name: change.name,
        supplier_id: change.supplierId,
        category_key: change.categoryKey,
        status: change.status,
        revision: stamp.revision,
        updated_at: stamp.at,
      })
    },

    /** Every system recorded as one product becomes the other; returns how many moved. */
    async moveEstateEntries(fromId: number, intoId: number, at: Date, db: Db = knex): Promise<number> {
      return db('estate_entries').where({ product_id: fromId }).update({ product_id: intoId, updated_at: at })
    },

    async markMerged(id: number, intoId: number, stamp: { revision: number; at: Date }, db: Db = knex): Promise<void> {
      await db('products')
        .where({ id })
        .update({ status: 'merged', merged_into_id: intoId, revision: stamp.revision, updated_at: stamp.at })
    },
  }
}
