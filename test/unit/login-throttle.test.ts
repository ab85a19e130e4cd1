import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  decide,
  requiredWaitMs,
  strictest,
  type AttemptRecord,
} from '../../src/domain/login-throttle'

const t0 = new Date('2026-01-01T09:00:00Z')
const at = (ms: number) => new Date(t0.getTime() + ms)
const record = (failures: number, lastFailureAt = t0): AttemptRecord => ({ failures, lastFailureAt })

describe('login throttle', () => {
  it('lets anyone with no recent failures try', () => {
    expect(decide(undefined, t0, ACCOUNT_POLICY)).toEqual({ allowed: true })
  })

  it.each([0, 1, 4])('allows an immediate retry after %i failures', failures => {
    expect(decide(record(failures), t0, ACCOUNT_POLICY)).toEqual({ allowed: true })
  })

  it.each([
    [5, 1],
    [6, 2],
    [7, 4],
    [8, 8],
    [9, 16],
  ])('after %i failures an account must wait %i seconds', (failures, seconds) => {
    expect(decide(record(failures), t0, ACCOUNT_POLICY)).toEqual({
      allowed: false,
      reason: 'slowed',
      retryAfterSeconds: seconds,
    })
    expect(decide(record(failures), at(seconds * 1000 - 1), ACCOUNT_POLICY).allowed).toBe(false)
    expect(decide(record(failures), at(seconds * 1000), ACCOUNT_POLICY)).toEqual({ allowed: true })
  })

  it('locks an account for 15 minutes after 10 failures', () => {
    expect(decide(record(10), at(60_000), ACCOUNT_POLICY)).toEqual({
      allowed: false,
      reason: 'locked',
      retryAfterSeconds: 14 * 60,
    })
    expect(decide(record(10), at(15 * 60_000), ACCOUNT_POLICY)).toEqual({ allowed: true })
  })

  it('forgets failures after a quiet spell', () => {
    expect(decide(record(9), at(15 * 60_000), ACCOUNT_POLICY)).toEqual({ allowed: true })
  })

  it('never asks for a wait longer than the cap before the lockout', () => {
    const policy = { ...ACCOUNT_POLICY, lockoutFailures: 100 }
    expect(requiredWaitMs(40, policy)).toBe(policy.maxDelayMs)
  })

  it('gives an address more room than an account, since a council may share one', () => {
    expect(decide(record(10), t0, ADDRESS_POLICY)).toEqual({ allowed: true })
    expect(decide(record(20), t0, ADDRESS_POLICY).allowed).toBe(false)
    expect(decide(record(50), at(60_000), ADDRESS_POLICY)).toMatchObject({ allowed: false, reason: 'locked' })
  })

  it('takes the strictest of several decisions', () => {
    expect(strictest([{ allowed: true }, { allowed: true }])).toEqual({ allowed: true })
    const slowed = { allowed: false, reason: 'slowed', retryAfterSeconds: 4 } as const
    const locked = { allowed: false, reason: 'locked', retryAfterSeconds: 600 } as const
    expect(strictest([slowed, { allowed: true }, locked])).toEqual(locked)
    expect(strictest([locked, slowed])).toEqual(locked)
  })
})
