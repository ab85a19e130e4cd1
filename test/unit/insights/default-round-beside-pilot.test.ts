// The rule that keeps a pilot round (fewer authorities, beside a wider round) from taking over where
// Insights opens, as the demo's pilot of version 3 would.
import type { Round } from '../../../src/domain/assessment/round'
import { defaultInsightsRound, roundProgress, type RoundWithProgress } from '../../../src/domain/insights/default-round'
import { roundNoteView } from '../../../src/presenters/insights/round-note.presenter'

const NOW = new Date('2026-12-07T12:00:00Z')

const round = (id: number, name: string, opensOn: string, closesOn: string): Round => ({
  id,
  name,
  questionnaireKey: 'dm',
  questionnaireVersion: 1,
  opensOn,
  closesOn,
  closedAt: null,
  cancelledAt: null,
})

const withScored = (r: Round, scored: number, total: number): RoundWithProgress => ({
  round: r,
  progress: roundProgress({ submitted: scored, not_started: total - scored }),
})

const pilot = round(4, 'Pilot of version 3', '2026-11-16', '2027-02-05')
const main = round(3, '2026 assessment', '2026-11-07', '2027-02-05')
const lastYear = round(1, '2025 assessment', '2025-10-01', '2025-12-31')

describe('defaultInsightsRound beside a pilot', () => {
  it('leaves aside a pilot for fewer authorities beside a wider round, and names it', () => {
    const chosen = defaultInsightsRound(
      [withScored(pilot, 12, 16), withScored(main, 4, 33), withScored(lastYear, 33, 33)],
      5,
      NOW,
    )
    expect(chosen).toEqual({
      round: lastYear,
      reason: 'enough-scored',
      status: 'closed',
      passedOver: [{ round: pilot, beside: main }],
    })
  })

  it('opens on the wider round once it has enough, naming no pilot since none is newer with enough', () => {
    const older = round(2, 'Spring pilot', '2026-10-01', '2026-12-01')
    const chosen = defaultInsightsRound([withScored(main, 20, 33), withScored(older, 9, 10)], 5, NOW)
    expect(chosen).toEqual({ round: main, reason: 'enough-scored', status: 'open' })
  })

  it('takes the pilot when no other round has enough', () => {
    const chosen = defaultInsightsRound([withScored(pilot, 12, 16), withScored(main, 4, 33)], 5, NOW)
    expect(chosen?.round).toBe(pilot)
  })

  it('counts a smaller round as a pilot only while a wider one runs beside it, and never beside a cancelled one', () => {
    const alone = round(5, 'Winter 2027', '2027-03-01', '2027-05-31')
    const cancelled = { ...round(6, 'Cancelled 2026', '2026-11-01', '2027-01-31'), cancelledAt: new Date('2026-10-20') }
    const later = new Date('2027-04-01T12:00:00Z')
    expect(defaultInsightsRound([withScored(alone, 8, 10), withScored(main, 30, 33)], 5, later)?.round).toBe(alone)
    expect(defaultInsightsRound([withScored(pilot, 12, 16), withScored(cancelled, 0, 33)], 5, NOW)?.round).toBe(pilot)
  })
})

describe('the round note beside a pilot', () => {
  it('says which pilot is left aside, and beside which round', () => {
    const rounds = [withScored(pilot, 12, 16), withScored(main, 4, 33), withScored(lastYear, 33, 33)]
    const choice = { rounds, chosen: defaultInsightsRound(rounds, 5, NOW), minimum: 5 }
    expect(roundNoteView(lastYear, choice, NOW).showing).toBe(
      'Showing 2025 assessment, the latest round with at least 5 scored assessments, leaving aside Pilot of version 3, which runs for fewer authorities beside 2026 assessment.',
    )
    expect(roundNoteView(pilot, choice, NOW).showing).toBe(
      'Showing Pilot of version 3, as chosen. Insights opens on 2025 assessment, the latest round with at least 5 scored assessments, leaving aside Pilot of version 3, which runs for fewer authorities beside 2026 assessment.',
    )
  })
})
