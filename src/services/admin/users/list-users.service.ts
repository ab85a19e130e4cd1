import type { Organisation } from '../../../domain/organisation'
import type { User } from '../../../domain/user'
import type { Repositories } from '../../../data'

export interface UserListing extends User {
  organisation: Organisation | undefined
}

export function listUsersService(repos: Repositories) {
  return async (): Promise<UserListing[]> => {
    const [users, organisations] = await Promise.all([repos.users.list(), repos.organisations.list()])
    const byId = new Map(organisations.map(o => [o.id, o]))
    return users.map(u => ({
      ...u,
      organisation: u.organisationId === null ? undefined : byId.get(u.organisationId),
    }))
  }
}
