import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { UserWithHash } from '../../data/user.repository'
import type { Clock } from '../clock'
import { passwordCheck } from './password-check'

export type SignInResult =
  | { outcome: 'signed-in'; user: User }
  | { outcome: 'invalid' }
  | { outcome: 'disabled' }
  | { outcome: 'throttled'; retryAfterSeconds: number }

export function authService(repos: Repositories, clock: Clock) {
  const checkPassword = passwordCheck(repos, clock)
  return {
    /** Signs in from an address (req.ip), within the limits on guessing (see password-check). */
    async signIn(email: string, password: string, address: string): Promise<SignInResult> {
      const checked = await checkPassword(email, password, address)
      if (checked.outcome !== 'valid') return checked
      const { passwordHash: _omit, ...user } = checked.user
      if (user.disabled) return { outcome: 'disabled' }
      await repos.users.recordSignIn(user.id, clock())
      return { outcome: 'signed-in', user }
    },

    /** The signed-in user, or nothing once the account is disabled or gone; read afresh unless given. */
    async currentUser(userId: number, read?: UserWithHash | null): Promise<User | undefined> {
      const user = read === undefined || read?.id !== userId ? await repos.users.findById(userId) : read
      if (!user || user.disabled) return undefined
      const { passwordHash: _omit, ...safeUser } = user
      return safeUser
    },
  }
}

export type AuthService = ReturnType<typeof authService>
