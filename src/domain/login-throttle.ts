/**
 * Limits guessing at sign-in without letting a stranger lock an account against its owner.
 *
 * Attempts are counted under two keys: the account *and* the address together (so guesses from one
 * place use up only that place's tries at that account, never the owner's from anywhere else), and the
 * address alone, across accounts (so one place cannot spray every account; a council's shared egress
 * gets room for many people's typos). Each count runs in a fixed window from its first attempt; a
 * correct password clears its account-and-address count and gives back its address's attempt.
 *
 * An attempt is counted before its password is checked, and the decision is taken on the count that
 * counting returned, so a burst of parallel guesses gets no more checks than the limit allows.
 */
export interface LimitPolicy {
  /** Attempts a key may make in one window; the one after is refused. */
  limit: number
  windowMs: number
}

/** A key's count as the counting statement returned it, this attempt included. */
export interface AttemptCount {
  attempts: number
  windowEndsAt: Date
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

const MINUTE = 60_000

/** One account from one address: ten tries in fifteen minutes. */
export const ACCOUNT_AT_ADDRESS_POLICY: LimitPolicy = { limit: 10, windowMs: 15 * MINUTE }

/** One address, every account together: a council's offices may share one, so it gets more room. */
export const ADDRESS_POLICY: LimitPolicy = { limit: 50, windowMs: 15 * MINUTE }

/** When a window opened by an attempt now would end; a key's first attempt after that opens a new one. */
export function windowEndsAt(now: Date, policy: LimitPolicy): Date {
  return new Date(now.getTime() + policy.windowMs)
}

export function decide(count: AttemptCount, now: Date, policy: LimitPolicy): ThrottleDecision {
  if (count.attempts <= policy.limit) return { allowed: true }
  const remainingMs = count.windowEndsAt.getTime() - now.getTime()
  if (remainingMs <= 0) return { allowed: true }
  return { allowed: false, retryAfterSeconds: Math.ceil(remainingMs / 1000) }
}
