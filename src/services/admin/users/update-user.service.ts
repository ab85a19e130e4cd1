import { ValidationError } from '../../../domain/errors'
import type { Repositories } from '../../../data'
import { fetchUserService } from './fetch-user.service'
import { emailTaken, resolveUserInput, type UserForm } from './user-input'

/** An admin changes someone's details; a change of role or organisation ends their sessions. */
export function updateUserService(repos: Repositories) {
  const get = fetchUserService(repos)
  return async (userId: number, form: UserForm, actorUserId: number): Promise<void> => {
    const before = await get(userId)
    const input = await resolveUserInput(repos, form)
    if (userId === actorUserId && input.role !== 'admin') {
      throw new ValidationError([{ field: 'role', message: 'You cannot remove your own admin role' }])
    }
    await repos.database.transaction(async trx => {
      const clash = await repos.users.findByEmail(input.email, trx)
      if (clash && clash.id !== userId) throw emailTaken()
      await repos.users.update(userId, input, trx)
      await repos.audit.record(
        {
          actorUserId,
          action: 'user.updated',
          entityType: 'user',
          entityId: userId,
          before: {
            email: before.email,
            name: before.name,
            role: before.role,
            organisationId: before.organisationId,
          },
          after: input,
        },
        trx,
      )
    })
    // A new role takes effect at once: open sessions would otherwise carry the old one's reach.
    if (before.role !== input.role || before.organisationId !== input.organisationId) {
      await repos.sessions.destroyForUser(userId)
    }
  }
}
