import type { Knex } from 'knex'
import type { Rating } from '../../src/domain/estate/estate'

/** Rows for the estate's read-only views, written straight into the tables (other features own the writing). */
export function estateRows(knex: Knex) {
  const at = new Date('2026-01-01T09:00:00Z')
  const orgId = async (slug: string) => (await knex('organisations').where({ slug }).first<{ id: number }>('id')).id
  return {
    async supplier(name: string): Promise<number> {
      const [row] = await knex('suppliers').insert({ name }).returning<{ id: number }[]>('id')
      return row!.id
    },
    async product(name: string, supplierId: number, categoryKey: string, mergedIntoId: number | null = null) {
      const [row] = await knex('products')
        .insert({
          name,
          supplier_id: supplierId,
          category_key: categoryKey,
          status: mergedIntoId === null ? 'approved' : 'merged',
          merged_into_id: mergedIntoId,
        })
        .returning<{ id: number }[]>('id')
      return row!.id
    },
    async entry(
      slug: string,
      productId: number,
      more: { categoryKey?: string; hosting?: string; contractEnd?: string | null; shareable?: boolean } = {},
    ): Promise<number> {
      const product = await knex('products').where({ id: productId }).first<{ category_key: string }>('category_key')
      const [row] = await knex('estate_entries')
        .insert({
          organisation_id: await orgId(slug),
          category_key: more.categoryKey ?? product.category_key,
          product_id: productId,
          hosting: more.hosting ?? 'saas',
          contract_end: more.contractEnd ?? null,
          shareable: more.shareable ?? false,
          created_at: at,
          updated_at: at,
        })
        .returning<{ id: number }[]>('id')
      return row!.id
    },
    async standard(key: string, version: number, title: string, points: { key: string; title: string }[]) {
      const definition = {
        key,
        version,
        title,
        source: 'Test',
        points: points.map(p => ({ ...p, description: p.title })),
      }
      const [row] = await knex('standard_versions')
        .insert({ standard_key: key, version, title, status: 'draft', definition: JSON.stringify(definition) })
        .returning<{ id: number }[]>('id')
      await knex('standard_versions').where({ id: row!.id }).update({ status: 'published', published_at: at })
      return row!.id
    },
    async rate(entryId: number, standardVersionId: number, points: Record<string, Rating>, since = at) {
      const [row] = await knex('estate_ratings')
        .insert({ estate_entry_id: entryId, standard_version_id: standardVersionId, updated_at: since })
        .returning<{ id: number }[]>('id')
      await knex('estate_rating_points').insert(
        Object.entries(points).map(([point_key, rating]) => ({ estate_rating_id: row!.id, point_key, rating, since })),
      )
    },
  }
}
