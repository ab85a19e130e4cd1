import { roundStatus } from '../../../src/domain/assessment/round'

describe('roundStatus with cancelling', () => {
  const round = { opensOn: '2026-03-01', closesOn: '2026-06-30', closedAt: null, cancelledAt: null }
  const cancelled = { ...round, cancelledAt: new Date('2026-02-01T09:00:00Z') }

  it('is cancelled whatever the date once a round is cancelled: before, during and after its dates', () => {
    for (const now of [
      '2026-02-28T12:00:00Z',
      '2026-03-01T00:00:00Z',
      '2026-06-30T12:00:00Z',
      '2027-01-01T00:00:00Z',
    ]) {
      expect(roundStatus(cancelled, new Date(now))).toBe('cancelled')
    }
  })

  it('is never cancelled without a cancellation', () => {
    expect(roundStatus(round, new Date('2026-02-28T12:00:00Z'))).toBe('scheduled')
    expect(roundStatus(round, new Date('2026-04-01T12:00:00Z'))).toBe('open')
    expect(roundStatus(round, new Date('2026-07-01T12:00:00Z'))).toBe('closed')
  })
})
