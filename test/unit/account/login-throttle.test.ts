import {
  ACCOUNT_AT_ADDRESS_POLICY,
  ADDRESS_POLICY,
  decide,
  windowEndsAt,
  type AttemptCount,
} from '../../../src/domain/login-throttle'

const t0 = new Date('2026-01-01T09:00:00Z')
const at = (ms: number) => new Date(t0.getTime() + ms)
const MINUTE = 60_000
/** The count returned for an attempt in a window opened at t0. */
const counted = (attempts: number, policy = ACCOUNT_AT_ADDRESS_POLICY): AttemptCount => ({
  attempts,
  windowEndsAt: windowEndsAt(t0, policy),
})

describe('login throttle', () => {
  it('opens a window that ends one window length after the attempt that opened it', () => {
    expect(windowEndsAt(t0, ACCOUNT_AT_ADDRESS_POLICY)).toEqual(at(15 * MINUTE))
  })

  it.each([1, 2, 9, 10])('checks the password of attempt %i at one account from one address', attempts => {
    expect(decide(counted(attempts), at(MINUTE), ACCOUNT_AT_ADDRESS_POLICY)).toEqual({ allowed: true })
  })

  it.each([
    [11, MINUTE, 14 * 60],
    [11, 14 * MINUTE + 59_500, 1],
    [500, 0, 15 * 60],
  ])('refuses attempt %i, %i ms into the window, for %i seconds', (attempts, elapsed, seconds) => {
    expect(decide(counted(attempts), at(elapsed), ACCOUNT_AT_ADDRESS_POLICY)).toEqual({
      allowed: false,
      retryAfterSeconds: seconds,
    })
  })

  it('lets an over-limit count through once its window has ended (the next count starts a new one)', () => {
    expect(decide(counted(11), at(15 * MINUTE), ACCOUNT_AT_ADDRESS_POLICY)).toEqual({ allowed: true })
  })

  it('gives an address more room across accounts than one account at that address', () => {
    expect(ADDRESS_POLICY.limit).toBeGreaterThan(ACCOUNT_AT_ADDRESS_POLICY.limit)
    expect(decide(counted(11, ADDRESS_POLICY), t0, ADDRESS_POLICY)).toEqual({ allowed: true })
    expect(decide(counted(50, ADDRESS_POLICY), t0, ADDRESS_POLICY)).toEqual({ allowed: true })
    expect(decide(counted(51, ADDRESS_POLICY), t0, ADDRESS_POLICY).allowed).toBe(false)
  })
})
