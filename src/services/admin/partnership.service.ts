import { NotFoundError, ValidationError } from '../../domain/errors'
import type { Organisation } from '../../domain/organisation'
import { checkPartnershipInput } from '../../domain/partnership'
import type { Repositories } from '../../data'
import type { Partnership, PartnershipInput } from '../../data/partnership.repository'

export interface PartnershipForm {
  name?: unknown
  description?: unknown
  members?: unknown
}

export interface PartnershipListing extends Partnership {
  members: Organisation[]
}

export function partnershipService(repos: Repositories) {
  async function resolve(form: PartnershipForm, ownId?: number): Promise<PartnershipInput> {
    const checked = checkPartnershipInput(form)
    const errors = [...checked.errors]
    const organisations = await repos.organisations.list()
    const bySlug = new Map(organisations.map(o => [o.slug, o]))
    const unknown = (checked.value?.memberSlugs ?? []).filter(s => !bySlug.has(s))
    if (unknown.length > 0) errors.push({ field: 'members', message: 'Select members from the list' })
    if (checked.value) {
      const clash = await repos.partnerships.findByName(checked.value.name)
      if (clash && clash.id !== ownId)
        errors.push({ field: 'name', message: 'A partnership with this name already exists' })
    }
    if (errors.length > 0 || !checked.value) throw new ValidationError(errors)
    return {
      name: checked.value.name,
      description: checked.value.description,
      memberIds: checked.value.memberSlugs.map(s => bySlug.get(s)?.id ?? 0),
    }
  }

  return {
    async list(): Promise<PartnershipListing[]> {
      const [partnerships, organisations] = await Promise.all([repos.partnerships.list(), repos.organisations.list()])
      return partnerships.map(p => ({ ...p, members: organisations.filter(o => p.memberIds.includes(o.id)) }))
    },

    async get(id: number): Promise<PartnershipListing> {
      const found = (await this.list()).find(p => p.id === id)
      if (!found) throw new NotFoundError('There is no such partnership')
      return found
    },

    async create(form: PartnershipForm, actorUserId: number): Promise<number> {
      const input = await resolve(form)
      return repos.database.transaction(async trx => {
        const id = await repos.partnerships.create(input, trx)
        await repos.audit.record(
          { actorUserId, action: 'partnership.created', entityType: 'partnership', entityId: id, after: input },
          trx,
        )
        return id
      })
    },

    async update(id: number, form: PartnershipForm, actorUserId: number): Promise<void> {
      const before = await this.get(id)
      const input = await resolve(form, id)
      await repos.database.transaction(async trx => {
        await repos.partnerships.update(id, input, trx)
        await repos.audit.record(
          {
            actorUserId,
            action: 'partnership.updated',
            entityType: 'partnership',
            entityId: id,
            before: { name: before.name, description: before.description, memberIds: before.memberIds },
            after: input,
          },
          trx,
        )
      })
    },

    async remove(id: number, actorUserId: number): Promise<void> {
      const before = await this.get(id)
      await repos.database.transaction(async trx => {
        await repos.partnerships.remove(id, trx)
        await repos.audit.record(
          {
            actorUserId,
            action: 'partnership.deleted',
            entityType: 'partnership',
            entityId: id,
            before: { name: before.name, memberIds: before.memberIds },
          },
          trx,
        )
      })
    },
  }
}

export type PartnershipService = ReturnType<typeof partnershipService>
