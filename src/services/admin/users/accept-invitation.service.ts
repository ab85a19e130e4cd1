import { NotFoundError, ValidationError } from '../../../domain/errors'
import { checkNewPassword, type User } from '../../../domain/user'
import type { Repositories } from '../../../data'
import type { Clock } from '../../clock'
import { hashPassword } from '../../account/passwords'
import { findInvitationService } from './find-invitation.service'
import { hashInvitationToken } from './invitations'
import { setNewPassword } from './set-new-password'

const USED_OR_EXPIRED = 'This invitation link has expired or has already been used'

/** The person sets a password through their invitation or reset link, which then cannot be used again. */
export function acceptInvitationService(repos: Repositories, clock: Clock) {
  const findInvitation = findInvitationService(repos, clock)
  const setPassword = setNewPassword(repos)
  return async (token: string, password: unknown, confirmation: unknown): Promise<User> => {
    const user = await findInvitation(token)
    if (!user) throw new NotFoundError(USED_OR_EXPIRED)
    const problems = checkNewPassword(password, confirmation, user.email)
    if (problems.length > 0) throw new ValidationError(problems)
    const passwordHash = await hashPassword(password as string)
    const at = clock()
    await repos.database.transaction(async trx => {
      if (!(await repos.invitations.markUsed(hashInvitationToken(token), at, trx))) {
        throw new NotFoundError(USED_OR_EXPIRED)
      }
      await setPassword(user.id, passwordHash, at, trx)
    })
    // After the commit, so a sign-in with the old password just before it is ended too. A reset link
    // may be opened anywhere, so no browser keeps its session.
    await repos.sessions.destroyForUser(user.id)
    return user
  }
}
