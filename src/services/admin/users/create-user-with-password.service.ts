import { ValidationError } from '../../../domain/errors'
import { checkNewPassword } from '../../../domain/user'
import type { Repositories } from '../../../data'
import { hashPassword } from '../../account/passwords'
import { emailTaken, resolveUserInput, type UserForm } from './user-input'

/** For the command line: an account with a password, e.g. the first admin of an empty database. */
export function createUserWithPasswordService(repos: Repositories) {
  return async (form: UserForm, password: string): Promise<number> => {
    const input = await resolveUserInput(repos, form)
    const problems = checkNewPassword(password, password, input.email)
    if (problems.length > 0) throw new ValidationError(problems)
    const passwordHash = await hashPassword(password)
    return repos.database.transaction(async trx => {
      if (await repos.users.findByEmail(input.email, trx)) throw emailTaken()
      const userId = await repos.users.create(input, passwordHash, trx)
      await repos.audit.record(
        { actorUserId: null, action: 'user.created', entityType: 'user', entityId: userId, after: input },
        trx,
      )
      return userId
    })
  }
}
