import type { Round } from '../../../src/domain/assessment/round'
import { defaultInsightsRound, roundProgress, type RoundWithProgress } from '../../../src/domain/insights/default-round'

const NOW = new Date('2026-12-07T12:00:00Z')

const round = (id: number, name: string, opensOn: string, closesOn: string, closedAt: Date | null = null): Round => ({
  id,
  name,
  questionnaireKey: 'dm',
  questionnaireVersion: 1,
  opensOn,
  closesOn,
  closedAt,
  cancelledAt: null,
})

const autumn = round(3, 'Autumn 2026', '2026-10-01', '2027-01-31')
const spring = round(2, 'Spring 2026', '2026-03-01', '2026-05-31')
const autumn25 = round(1, 'Autumn 2025', '2025-10-01', '2025-12-31')

const withScored = (r: Round, scored: number, total = 33): RoundWithProgress => ({
  round: r,
  progress: roundProgress({ submitted: scored, not_started: total - scored }),
})

describe('roundProgress', () => {
  it('puts each state in the step a reader follows and counts the scored ones', () => {
    expect(
      roundProgress({ not_started: 3, in_progress: 2, returned: 1, submitted: 4, in_moderation: 2, moderated: 5 }),
    ).toEqual({ notStarted: 3, inProgress: 3, submitted: 6, moderated: 5, total: 17, scored: 11 })
  })

  it('is all zeros for a round without assessments', () => {
    expect(roundProgress({})).toEqual({ notStarted: 0, inProgress: 0, submitted: 0, moderated: 0, total: 0, scored: 0 })
  })
})

describe('defaultInsightsRound', () => {
  it('passes over an open round with too few scored assessments for the latest one with enough', () => {
    const chosen = defaultInsightsRound(
      [withScored(autumn, 4), withScored(spring, 30), withScored(autumn25, 33)],
      5,
      NOW,
    )
    expect(chosen).toEqual({ round: spring, reason: 'enough-scored', status: 'closed' })
  })

  it('takes the newest round once it has enough, even while it is open', () => {
    const chosen = defaultInsightsRound([withScored(autumn, 5), withScored(spring, 30)], 5, NOW)
    expect(chosen).toEqual({ round: autumn, reason: 'enough-scored', status: 'open' })
  })

  it('falls back to the latest closed round when none has enough', () => {
    const chosen = defaultInsightsRound([withScored(autumn, 4), withScored(spring, 2), withScored(autumn25, 1)], 5, NOW)
    expect(chosen).toEqual({ round: spring, reason: 'latest-closed', status: 'closed' })
  })

  it('counts a round closed early by an administrator as closed', () => {
    const closedEarly = round(4, 'Pilot', '2026-11-01', '2027-03-01', new Date('2026-11-20T10:00:00Z'))
    const chosen = defaultInsightsRound([withScored(autumn, 1), withScored(closedEarly, 0)], 5, NOW)
    expect(chosen).toEqual({ round: closedEarly, reason: 'latest-closed', status: 'closed' })
  })

  it('falls back to the newest round when none has enough and none has closed', () => {
    const scheduled = round(5, 'Spring 2027', '2027-03-01', '2027-05-31')
    const chosen = defaultInsightsRound([withScored(scheduled, 0), withScored(autumn, 2)], 5, NOW)
    expect(chosen).toEqual({ round: scheduled, reason: 'newest', status: 'scheduled' })
  })

  it('passes over a cancelled round for the newest that was not cancelled', () => {
    const cancelled = { ...round(6, 'Pilot 2027', '2027-03-01', '2027-05-31'), cancelledAt: new Date('2026-12-01') }
    const scheduled = round(5, 'Spring 2027', '2027-03-01', '2027-05-31')
    const chosen = defaultInsightsRound([withScored(cancelled, 0), withScored(scheduled, 0)], 5, NOW)
    expect(chosen).toEqual({ round: scheduled, reason: 'newest', status: 'scheduled' })
  })

  it('follows the minimum it is given', () => {
    expect(defaultInsightsRound([withScored(autumn, 4), withScored(spring, 30)], 3, NOW)?.round).toBe(autumn)
  })

  it('has nothing to choose when there are no rounds', () => {
    expect(defaultInsightsRound([], 5, NOW)).toBeUndefined()
  })
})
