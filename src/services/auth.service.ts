import { createHash } from 'node:crypto'
import {
  ACCOUNT_AT_ADDRESS_POLICY,
  ADDRESS_POLICY,
  decide,
  strictest,
  windowEndsAt,
  type LimitPolicy,
} from '../domain/login-throttle'
import { normaliseEmail, type User } from '../domain/user'
import type { Repositories } from '../data'
import type { UserWithHash } from '../data/user.repository'
import type { Clock } from './clock'
import { spendVerificationTime, verifyPassword } from './passwords'

export type SignInResult =
  | { outcome: 'signed-in'; user: User }
  | { outcome: 'invalid' }
  | { outcome: 'disabled' }
  | { outcome: 'throttled'; retryAfterSeconds: number }

// Hashed, so the table of attempts holds no email addresses and every key fits its column.
const accountAtAddressKey = (email: string, address: string): string =>
  `account-at-address:${createHash('sha256').update(`${email}\n${address}`).digest('hex')}`
const addressKey = (address: string): string => `address:${address}`

export function authService(repos: Repositories, clock: Clock) {
  return {
    /**
     * Signs in from an address (req.ip). The attempt is counted before the password is checked and the
     * decision taken on that count, so parallel guesses cannot get more checks than the limits allow;
     * failures from elsewhere never stop the owner, only their own address's tries at their account.
     */
    async signIn(rawEmail: string, password: string, address: string): Promise<SignInResult> {
      const email = normaliseEmail(rawEmail)
      const now = clock()
      const [pairKey, placeKey] = [accountAtAddressKey(email, address), addressKey(address)]
      const limits: [string, LimitPolicy][] = [
        [pairKey, ACCOUNT_AT_ADDRESS_POLICY],
        [placeKey, ADDRESS_POLICY],
      ]
      const counts = await repos.loginAttempts.count(
        limits.map(([key, policy]) => ({ key, windowEndsAt: windowEndsAt(now, policy) })),
        now,
      )
      const decision = strictest(
        limits.map(([key, policy]) => {
          const count = counts.get(key)
          // The statement returns every key it counted; a missing one would be a fault, so refuse.
          return count ? decide(count, now, policy) : { allowed: false, retryAfterSeconds: 60 }
        }),
      )
      // A refused attempt never checks the password, so guessing while refused learns nothing.
      if (!decision.allowed) return { outcome: 'throttled', retryAfterSeconds: decision.retryAfterSeconds }

      const user = await repos.users.findByEmail(email)
      const valid = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : false
      if (!user?.passwordHash) await spendVerificationTime(password)
      if (!user || !valid) return { outcome: 'invalid' }
      // The right password: this account's count at this address starts again, and the address's
      // budget is for failures, so this attempt is given back.
      await repos.loginAttempts.clear(pairKey)
      await repos.loginAttempts.giveBack(placeKey)
      if (user.disabled) return { outcome: 'disabled' }
      await repos.users.recordSignIn(user.id, now)
      const { passwordHash: _omit, ...safeUser } = user
      return { outcome: 'signed-in', user: safeUser }
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
