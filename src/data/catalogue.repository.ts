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

    async findProduct(id: number, db: Db = knex): Promise<Product | undefined> {
      const row = await products(db).where('p.id', id).first<ProductRow | undefined>(productColumns)
      return row && toProduct(row)
    },

    async listSuppliers(db: Db = knex): Promise<Supplier[]> {
      const rows = await db('suppliers').select<{ id: number; name: string }[]>('id', 'name').orderByRaw('lower(name)')
      const aliases = await db('supplier_aliases').select<{ supplier_id: number; alias: string }[]>('supplier_id', 'alias')
      return rows.map(r => ({
        ...r,
        aliases: aliases.filter(a => a.supplier_id === r.id).map(a => a.alias),
      }))
    },
  }
}
