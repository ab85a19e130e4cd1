import { NotFoundError } from '../../../domain/errors'
import type { User } from '../../../domain/user'
import type { Repositories } from '../../../data'

export function withoutHash<T extends { passwordHash?: unknown }>(user: T): Omit<T, 'passwordHash'> {
  const { passwordHash: _omit, ...rest } = user
  return rest
}

/** One user, never with their password hash. */
export function fetchUserService(repos: Repositories) {
  return async (id: number): Promise<User> => {
    const user = await repos.users.findById(id)
    if (!user) throw new NotFoundError('There is no such user')
    return withoutHash(user)
  }
}
