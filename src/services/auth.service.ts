import { ACCOUNT_POLICY, ADDRESS_POLICY, decide, strictest } from '../domain/login-throttle'
import { normaliseEmail, type User } from '../domain/user'
import type { Repositories } from '../data'
import type { UserWithHash } from '../data/user.repository'
import type { Clock } from './clock'
import { spendVerificationTime, verifyPassword } from './passwords'

export type SignInResult =
  | { outcome: 'signed-in'; user: User }
  | { outcome: 'invalid' }
  | { outcome: 'disabled' }
  | { outcome: 'throttled'; retryAfterSeconds: number; locked: boolean }

const accountKey = (email: string): string => `account:${email}`
const addressKey = (ip: string): string => `address:${ip}`

export function authService(repos: Repositories, clock: Clock) {
  return {
    async signIn(rawEmail: string, password: string, ip: string): Promise<SignInResult> {
      const email = normaliseEmail(rawEmail)
      const now = clock()
      const keys = [accountKey(email), addressKey(ip)]
      const records = await repos.loginAttempts.find(keys)
      const decision = strictest([
        decide(records.get(keys[0] ?? ''), now, ACCOUNT_POLICY),
        decide(records.get(keys[1] ?? ''), now, ADDRESS_POLICY),
      ])
      // A refused attempt never checks the password, so guessing during a lockout learns nothing.
      if (!decision.allowed) {
        return {
          outcome: 'throttled',
          retryAfterSeconds: decision.retryAfterSeconds,
          locked: decision.reason === 'locked',
        }
      }

      const user = await repos.users.findByEmail(email)
      const valid = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : false
      if (!user?.passwordHash) await spendVerificationTime(password)
      if (!user || !valid) {
        const forgetBefore = new Date(now.getTime() - ACCOUNT_POLICY.forgetAfterMs)
        await repos.loginAttempts.recordFailure(keys, now, forgetBefore)
        return { outcome: 'invalid' }
      }
      await repos.loginAttempts.clear(accountKey(email))
      if (user.disabled) return { outcome: 'disabled' }
      await repos.users.recordSignIn(user.id, now)
      const { passwordHash: _omit, ...safeUser } = user
      return { outcome: 'signed-in', user: safeUser }
    },

    /** The signed-in user as they are now: a disabled or deleted account no longer counts. */
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
