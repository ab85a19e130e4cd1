import { createHash } from 'node:crypto'
import {
  ACCOUNT_AT_ADDRESS_POLICY,
  ADDRESS_POLICY,
  decide,
  windowEndsAt,
  type LimitPolicy,
  type ThrottleDecision,
} from '../../domain/login-throttle'
import { normaliseEmail } from '../../domain/user'
import type { Repositories } from '../../data'
import type { UserWithHash } from '../../data/user.repository'
import type { Clock } from '../clock'
import { spendVerificationTime, verifyPassword } from './passwords'

export type PasswordCheck =
  | { outcome: 'valid'; user: UserWithHash }
  | { outcome: 'invalid' }
  | { outcome: 'throttled'; retryAfterSeconds: number }

// Hashed, so the table of attempts holds no email addresses and every key fits its column.
const accountAtAddressKey = (email: string, address: string): string =>
  `account-at-address:${createHash('sha256').update(`${email}\n${address}`).digest('hex')}`
const addressKey = (address: string): string => `address:${address}`

/**
 * Checks an account's password from an address (req.ip), within the sign-in limits: at signing in, and
 * wherever a password is asked for again, so a borrowed session cannot guess faster than a stranger.
 *
 * The attempt is counted before the password is checked and the decision taken on that count, so
 * parallel guesses cannot get more checks than the limits allow; failures from elsewhere never stop the
 * owner, only that address's tries at their account.
 */
export function passwordCheck(repos: Repositories, clock: Clock) {
  /** Counts the attempt under one key, in one statement, and decides on the count it returns. */
  async function counted(key: string, policy: LimitPolicy, now: Date): Promise<ThrottleDecision> {
    const counts = await repos.loginAttempts.count([{ key, windowEndsAt: windowEndsAt(now, policy) }], now)
    const count = counts.get(key)
    // The statement returns every key it counted; a missing one would be a fault, so refuse.
    return count ? decide(count, now, policy) : { allowed: false, retryAfterSeconds: 60 }
  }

  return async (rawEmail: string, password: string, address: string): Promise<PasswordCheck> => {
    const email = normaliseEmail(rawEmail)
    const now = clock()
    const [pairKey, placeKey] = [accountAtAddressKey(email, address), addressKey(address)]
    // The account at this address first: an attempt it refuses is not counted against the address, so
    // one person's script stuck on a wrong password does not use up a whole council's shared budget.
    let decision = await counted(pairKey, ACCOUNT_AT_ADDRESS_POLICY, now)
    if (decision.allowed) {
      decision = await counted(placeKey, ADDRESS_POLICY, now)
      // Refused for the address alone: no password was checked, so the account's try is given back.
      if (!decision.allowed) await repos.loginAttempts.giveBack(pairKey)
    }
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
    return { outcome: 'valid', user }
  }
}

export type PasswordChecker = ReturnType<typeof passwordCheck>
