import { NotFoundError } from '../../../domain/errors'
import type { Organisation } from '../../../domain/organisation'
import type { Repositories } from '../../../data'
import type { Partnership } from '../../../data/partnership.repository'

export interface PartnershipListing extends Partnership {
  members: Organisation[]
}

export function listPartnershipsService(repos: Repositories) {
  return async (): Promise<PartnershipListing[]> => {
    const [partnerships, organisations] = await Promise.all([repos.partnerships.list(), repos.organisations.list()])
    return partnerships.map(p => ({ ...p, members: organisations.filter(o => p.memberIds.includes(o.id)) }))
  }
}

export function fetchPartnershipService(repos: Repositories) {
  const list = listPartnershipsService(repos)
  return async (id: number): Promise<PartnershipListing> => {
    const found = (await list()).find(p => p.id === id)
    if (!found) throw new NotFoundError('There is no such partnership')
    return found
  }
}
