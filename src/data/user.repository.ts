import type { Knex } from 'knex'
import type { Role } from '../domain/roles'
import type { User, UserInput } from '../domain/user'
import type { Db } from './db'

export interface UserRow {
  id: number
  email: string
  name: string
  role: Role
  organisation_id: number | null
  password_hash: string | null
  disabled_at: Date | null
  last_signed_in_at: Date | null
}

export interface UserWithHash extends User {
  passwordHash: string | null
}

export const toUser = (row: UserRow): UserWithHash => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  organisationId: row.organisation_id,
  disabled: row.disabled_at !== null,
  hasPassword: row.password_hash !== null,
  lastSignedInAt: row.last_signed_in_at,
  passwordHash: row.password_hash,
})

export function userRepository(knex: Knex) {
  return {
    async findByEmail(email: string, db: Db = knex): Promise<UserWithHash | undefined> {
      const row = await db<UserRow>('users').where({ email }).first()
      return row && toUser(row)
    },

    async findById(id: number, db: Db = knex): Promise<UserWithHash | undefined> {
      const row = await db<UserRow>('users').where({ id }).first()
      return row && toUser(row)
    },

    async list(db: Db = knex): Promise<User[]> {
      const rows = await db<UserRow>('users').select('*').orderBy(['role', 'email'])
      return rows.map(toUser)
    },

    async count(db: Db = knex): Promise<number> {
      const row = await db('users').count<{ count: number }[]>('* as count').first()
      return row?.count ?? 0
    },

    async create(input: UserInput, passwordHash: string | null, db: Db = knex): Promise<number> {
      const [row] = await db('users')
        .insert({
          email: input.email,
          name: input.name,
          role: input.role,
          organisation_id: input.organisationId,
          password_hash: passwordHash,
        })
        .returning<{ id: number }[]>('id')
      if (!row) throw new Error('insert returned no id')
      return row.id
    },

    /** Adds the users that are missing, leaving any that exist as they are (demo seeding runs twice). */
    async createMissing(users: (UserInput & { passwordHash: string })[], db: Db = knex): Promise<number> {
      if (users.length === 0) return 0
      const rows = await db('users')
        .insert(
          users.map(u => ({
            email: u.email,
            name: u.name,
            role: u.role,
            organisation_id: u.organisationId,
            password_hash: u.passwordHash,
          })),
        )
        .onConflict('email')
        .ignore()
        .returning('id')
      return rows.length
    },

    async update(id: number, input: UserInput, db: Db = knex): Promise<void> {
      await db('users').where({ id }).update({
        email: input.email,
        name: input.name,
        role: input.role,
        organisation_id: input.organisationId,
        updated_at: db.fn.now(),
      })
    },

    async setDisabled(id: number, disabledAt: Date | null, db: Db = knex): Promise<void> {
      await db('users').where({ id }).update({ disabled_at: disabledAt, updated_at: db.fn.now() })
    },

    async setPasswordHash(id: number, passwordHash: string, db: Db = knex): Promise<void> {
      await db('users').where({ id }).update({ password_hash: passwordHash, updated_at: db.fn.now() })
    },

    async recordSignIn(id: number, at: Date, db: Db = knex): Promise<void> {
      await db('users').where({ id }).update({ last_signed_in_at: at })
    },
  }
}

export type UserRepository = ReturnType<typeof userRepository>
