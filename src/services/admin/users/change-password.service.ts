import { ValidationError } from '../../../domain/errors'
import { checkNewPassword, type User } from '../../../domain/user'
import type { Repositories } from '../../../data'
import type { Clock } from '../../clock'
import { passwordCheck } from '../../account/password-check'
import { hashPassword } from '../../account/passwords'
import { setNewPassword } from './set-new-password'

export interface PasswordForm {
  currentPassword?: unknown
  password?: unknown
  confirmPassword?: unknown
}

export type PasswordChange = { outcome: 'changed' } | { outcome: 'throttled'; retryAfterSeconds: number }

/**
 * A person changes their own password on Your account, giving the current one, which is checked
 * within the sign-in limits. Every session of theirs ends and every token is revoked; the route
 * then signs this browser in again under a new session id.
 */
export function changePasswordService(repos: Repositories, clock: Clock) {
  const checkPassword = passwordCheck(repos, clock)
  const setPassword = setNewPassword(repos)
  return async (user: User, form: PasswordForm, address: string): Promise<PasswordChange> => {
    const current = typeof form.currentPassword === 'string' ? form.currentPassword : ''
    if (current === '') {
      throw new ValidationError([{ field: 'currentPassword', message: 'Enter your current password' }])
    }
    const problems = checkNewPassword(form.password, form.confirmPassword, user.email)
    if (problems.length > 0) throw new ValidationError(problems)
    const checked = await checkPassword(user.email, current, address)
    if (checked.outcome === 'throttled') return checked
    if (checked.outcome === 'invalid' || checked.user.id !== user.id) {
      throw new ValidationError([{ field: 'currentPassword', message: 'Your current password is not right' }])
    }
    const passwordHash = await hashPassword(form.password as string)
    const at = clock()
    await repos.database.transaction(trx => setPassword(user.id, passwordHash, at, trx, 'user.password-changed'))
    await repos.sessions.destroyForUser(user.id)
    return { outcome: 'changed' }
  }
}
