/**
 * Slows, then refuses, repeated failed sign-ins. Each key (an account or an address) has its own record.
 * Early failures are free; after that each attempt must wait twice as long as the last; past the limit
 * the key is refused until the lockout has passed since its last failure.
 */
export interface ThrottlePolicy {
  freeFailures: number
  lockoutFailures: number
  lockoutMs: number
  /** A record with no failure for this long is forgotten. */
  forgetAfterMs: number
  maxDelayMs: number
}

export interface AttemptRecord {
  failures: number
  lastFailureAt: Date
}

export type ThrottleDecision =
  { allowed: true } | { allowed: false; reason: 'slowed' | 'locked'; retryAfterSeconds: number }

const MINUTE = 60_000

export const ACCOUNT_POLICY: ThrottlePolicy = {
  freeFailures: 5,
  lockoutFailures: 10,
  lockoutMs: 15 * MINUTE,
  forgetAfterMs: 15 * MINUTE,
  maxDelayMs: 30_000,
}

// An address may be a whole council's shared egress, so it gets more room than one account.
export const ADDRESS_POLICY: ThrottlePolicy = {
  freeFailures: 20,
  lockoutFailures: 50,
  lockoutMs: 15 * MINUTE,
  forgetAfterMs: 15 * MINUTE,
  maxDelayMs: 30_000,
}

export function isForgotten(record: AttemptRecord, now: Date, policy: ThrottlePolicy): boolean {
  return now.getTime() - record.lastFailureAt.getTime() >= policy.forgetAfterMs
}

export function requiredWaitMs(failures: number, policy: ThrottlePolicy): number {
  if (failures >= policy.lockoutFailures) return policy.lockoutMs
  if (failures < policy.freeFailures) return 0
  return Math.min(1000 * 2 ** (failures - policy.freeFailures), policy.maxDelayMs)
}

export function decide(record: AttemptRecord | undefined, now: Date, policy: ThrottlePolicy): ThrottleDecision {
  if (record === undefined || isForgotten(record, now, policy)) return { allowed: true }
  const waitMs = requiredWaitMs(record.failures, policy)
  const remainingMs = record.lastFailureAt.getTime() + waitMs - now.getTime()
  if (remainingMs <= 0) return { allowed: true }
  return {
    allowed: false,
    reason: record.failures >= policy.lockoutFailures ? 'locked' : 'slowed',
    retryAfterSeconds: Math.ceil(remainingMs / 1000),
  }
}

/** The stricter of several decisions: refused if any refuses, for the longest wait. */
export function strictest(decisions: ThrottleDecision[]): ThrottleDecision {
  let worst: ThrottleDecision = { allowed: true }
  for (const d of decisions) {
    if (!d.allowed && (worst.allowed || d.retryAfterSeconds > worst.retryAfterSeconds)) worst = d
  }
  return worst
}
