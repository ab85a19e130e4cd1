import type { Round } from '../../../src/domain/assessment/round'
import { hubTrendChart } from '../../../src/presenters/organisations/hub-trend-chart.presenter'
import {
  hubScores,
  hubTrendSummary,
  seriesSummary,
  type HubScores,
} from '../../../src/presenters/organisations/hub-trend.presenter'
import type { HubAssessment } from '../../../src/services/organisations/organisation-hub'

const round = (id: number, name: string) => ({ id, name }) as Round

const scored = (id: number, name: string, overall: number, dims: Record<string, number | null>): HubAssessment => ({
  id,
  round: round(id, name),
  state: 'moderated',
  scores: {
    overall,
    dimensions: Object.entries(dims).map(([key, score]) => ({ key, title: key.toUpperCase(), score })),
  },
})

// Newest first, as the hub hands them over.
const assessments: HubAssessment[] = [
  { id: 4, round: round(4, '2027 assessment'), state: 'in_progress', scores: null },
  scored(3, '2026 assessment', 2.4, { lead: 3, data: 2.25 }),
  scored(2, '2025 assessment', 2.1, { lead: 2, data: null }),
  scored(1, '2024 assessment', 2.5, { lead: 2.5, data: 2.75 }),
]

describe('the organisation’s scores across rounds', () => {
  const scores = hubScores(assessments)

  it('lists the scored rounds oldest first, overall then each dimension, as the table prints them', () => {
    expect(scores.rounds).toEqual(['2024 assessment', '2025 assessment', '2026 assessment'])
    expect(scores.series).toEqual([
      { key: 'overall', title: 'Overall', scores: [2.5, 2.1, 2.4] },
      { key: 'lead', title: 'LEAD', scores: [2.5, 2, 3] },
      { key: 'data', title: 'DATA', scores: [2.75, null, 2.25] },
    ])
  })

  it('says each panel’s first and latest score, and a lone score where there is one', () => {
    const [overall, , data] = scores.series
    expect(seriesSummary(overall!, scores.rounds)).toBe(
      'From 2.50 in 2024 assessment to 2.40 in 2026 assessment, down 0.10.',
    )
    expect(seriesSummary(data!, scores.rounds)).toBe(
      'From 2.75 in 2024 assessment to 2.25 in 2026 assessment, down 0.50.',
    )
    expect(seriesSummary({ key: 'x', title: 'X', scores: [null, 3, null] }, scores.rounds)).toBe(
      '3.00 in 2025 assessment.',
    )
    expect(seriesSummary({ key: 'x', title: 'X', scores: [null, null, null] }, scores.rounds)).toBe(
      'No score in any round.',
    )
  })

  it('sums up the overall change and the dimensions that rose and fell the most', () => {
    expect(hubTrendSummary(scores, 'Hackney')).toBe(
      'Hackney’s overall score went from 2.50 in 2024 assessment to 2.40 in 2026 assessment, down 0.10. ' +
        'By dimension, its biggest rise was on LEAD (up 0.50); its biggest fall was on DATA (down 0.50).',
    )
  })

  it('says so when it has been scored once, or not at all', () => {
    expect(hubTrendSummary(hubScores(assessments.slice(3)), 'Hackney')).toBe(
      'Hackney has been scored in 1 round so far; its overall score was 2.50 in 2024 assessment. The chart draws a line once it is scored in another.',
    )
    expect(hubTrendSummary(hubScores(assessments.slice(0, 1)), 'Hackney')).toBeNull()
    const level = hubScores([scored(2, 'B', 2, { lead: 2 }), scored(1, 'A', 2, { lead: 2 })])
    expect(hubTrendSummary(level, 'Hackney')).toBe(
      'Hackney’s overall score went from 2.00 in A to 2.00 in B, no change. No dimension’s score changed.',
    )
  })
})

describe('the organisation’s scores drawn', () => {
  const scores = hubScores(assessments)
  const chart = hubTrendChart(scores)
  /** Where a score sits, read off the chart's own ticks at 1 and 2, to a tenth of a unit. */
  const yOf = (score: number) => {
    const [one, two] = chart.ticks
    return Math.round((one!.y + (score - 1) * (two!.y - one!.y)) * 10) / 10
  }

  it('puts the rounds left to right, oldest first, evenly spaced, each named under its column', () => {
    const xs = chart.rounds.map(r => r.x)
    expect(xs[1]! - xs[0]!).toBeCloseTo(xs[2]! - xs[1]!, 0)
    expect(chart.rounds.map(r => r.lines.map(l => l.text).join(' '))).toEqual(scores.rounds)
    expect(chart.rounds[0]!.y).toBeGreaterThan(chart.bottom)
  })

  it('puts a dot at each score, with its value over it and the round and score in its title', () => {
    const [overall] = chart.panels
    expect(overall!.points.map(p => [p.cy, p.value, p.title])).toEqual([
      [yOf(2.5), '2.50', '2024 assessment: 2.50'],
      [yOf(2.1), '2.10', '2025 assessment: 2.10'],
      [yOf(2.4), '2.40', '2026 assessment: 2.40'],
    ])
    expect(overall!.points.every(p => p.labelY < p.cy)).toBe(true)
    expect(chart.showValues).toBe(true)
  })

  it('leaves a gap where a round has no score, and draws no line through a lone dot', () => {
    const data = chart.panels.find(p => p.key === 'data')!
    expect(data.points.map(p => p.round)).toEqual(['2024 assessment', '2026 assessment'])
    expect(data.path).toBe('')
    const lead = chart.panels.find(p => p.key === 'lead')!
    expect(lead.path).toMatch(/^M[\d.]+ [\d.]+L[\d.]+ [\d.]+L[\d.]+ [\d.]+$/)
    const gappy: HubScores = {
      rounds: ['A', 'B', 'C', 'D'],
      series: [{ key: 'x', title: 'X', scores: [1, 2, null, 4] }],
    }
    expect(hubTrendChart(gappy).panels[0]!.path).toMatch(/^M[\d.]+ [\d.]+L[\d.]+ [\d.]+M[\d.]+ [\d.]+$/)
  })

  it('leaves values to the table once the rounds are too many for them to fit, and wraps long names', () => {
    const many: HubScores = {
      rounds: Array.from({ length: 8 }, (_, i) => `Round ${2020 + i} assessment`),
      series: [{ key: 'overall', title: 'Overall', scores: Array(8).fill(3) as number[] }],
    }
    const crowded = hubTrendChart(many)
    expect(crowded.showValues).toBe(false)
    expect(crowded.rounds[0]!.lines.length).toBeGreaterThan(1)
  })
})
