import type { Knex } from 'knex'
import type { Db } from './db'

export interface Partnership {
  id: number
  name: string
  description: string
  memberIds: number[]
}

export interface PartnershipInput {
  name: string
  description: string
  memberIds: number[]
}

export function partnershipRepository(knex: Knex) {
  return {
    async list(db: Db = knex): Promise<Partnership[]> {
      const rows = await db('partnerships').select<{ id: number; name: string; description: string }[]>(
        'id',
        'name',
        'description',
      ).orderBy('name')
      const members = await db('partnership_members').select<{ partnership_id: number; organisation_id: number }[]>(
        'partnership_id',
        'organisation_id',
      )
      return rows.map(r => ({
        ...r,
        memberIds: members.filter(m => m.partnership_id === r.id).map(m => m.organisation_id),
      }))
    },

    async findById(id: number, db: Db = knex): Promise<Partnership | undefined> {
      return (await this.list(db)).find(p => p.id === id)
    },

    async findByName(name: string, db: Db = knex): Promise<{ id: number } | undefined> {
      return db('partnerships').whereRaw('lower(name) = lower(?)', [name]).first<{ id: number } | undefined>('id')
    },

    async create(input: PartnershipInput, db: Db = knex): Promise<number> {
      const [row] = await db('partnerships')
        .insert({ name: input.name, description: input.description })
        .returning<{ id: number }[]>('id')
      if (!row) throw new Error('insert returned no id')
      await this.setMembers(row.id, input.memberIds, db)
      return row.id
    },

    async update(id: number, input: PartnershipInput, db: Db = knex): Promise<void> {
      await db('partnerships').where({ id }).update({ name: input.name, description: input.description })
      await this.setMembers(id, input.memberIds, db)
    },

    async setMembers(id: number, memberIds: number[], db: Db = knex): Promise<void> {
      await db('partnership_members').where({ partnership_id: id }).delete()
      if (memberIds.length > 0) {
        await db('partnership_members').insert(memberIds.map(organisation_id => ({ partnership_id: id, organisation_id })))
      }
    },

    async remove(id: number, db: Db = knex): Promise<void> {
      await db('partnerships').where({ id }).delete()
    },
  }
}

export type PartnershipRepository = ReturnType<typeof partnershipRepository>
