import type { Knex } from 'knex'
import type { AuthorityFacts, Organisation } from '../domain/organisation'
import type { Db } from './db'

interface OrganisationRow {
  id: number
  gss: string
  name: string
  official_name: string
  slug: string
  inner_london: boolean
  tile_x: number | null
  tile_y: number | null
}

const toOrganisation = (row: OrganisationRow): Organisation => ({
  id: row.id,
  gss: row.gss,
  name: row.name,
  officialName: row.official_name,
  slug: row.slug,
  inner: row.inner_london,
  tile: row.tile_x === null || row.tile_y === null ? null : { x: row.tile_x, y: row.tile_y },
})

export function organisationRepository(knex: Knex) {
  return {
    async list(db: Db = knex): Promise<Organisation[]> {
      const rows = await db<OrganisationRow>('organisations').select('*').orderBy('name')
      return rows.map(toOrganisation)
    },

    async findBySlug(slug: string, db: Db = knex): Promise<Organisation | undefined> {
      const row = await db<OrganisationRow>('organisations').where({ slug }).first()
      return row && toOrganisation(row)
    },

    async findById(id: number, db: Db = knex): Promise<Organisation | undefined> {
      const row = await db<OrganisationRow>('organisations').where({ id }).first()
      return row && toOrganisation(row)
    },

    /** Every organisation's neighbours, as GSS codes keyed by GSS code. */
    async neighbourMap(db: Db = knex): Promise<Map<string, string[]>> {
      const rows = await db('organisation_neighbours as n')
        .join('organisations as a', 'a.id', 'n.organisation_id')
        .join('organisations as b', 'b.id', 'n.neighbour_id')
        .select<{ gss: string; neighbour: string }[]>('a.gss as gss', 'b.gss as neighbour')
        .orderBy(['a.gss', 'b.gss'])
      const map = new Map<string, string[]>()
      for (const row of rows) map.set(row.gss, [...(map.get(row.gss) ?? []), row.neighbour])
      return map
    },

    /** Brings the reference facts in: safe to run again, it updates in place and adds what is missing. */
    async upsertFacts(authorities: readonly AuthorityFacts[], db: Db = knex): Promise<void> {
      if (authorities.length === 0) return
      await db('organisations')
        .insert(
          authorities.map(a => ({
            gss: a.gss,
            name: a.name,
            official_name: a.officialName,
            slug: a.slug,
            inner_london: a.inner,
            tile_x: a.tile.x,
            tile_y: a.tile.y,
          })),
        )
        .onConflict('gss')
        .merge(['name', 'official_name', 'slug', 'inner_london', 'tile_x', 'tile_y'])
      const ids = new Map(
        (await db<OrganisationRow>('organisations').select('id', 'gss')).map(row => [row.gss, row.id] as const),
      )
      const pairs = authorities.flatMap(a =>
        a.neighbours.map(n => ({ organisation_id: ids.get(a.gss), neighbour_id: ids.get(n) })),
      )
      if (pairs.length > 0) await db('organisation_neighbours').insert(pairs).onConflict().ignore()
    },
  }
}

export type OrganisationRepository = ReturnType<typeof organisationRepository>
