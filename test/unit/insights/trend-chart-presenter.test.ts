import type { Movement, Slope } from '../../../src/domain/insights/trend-movement'
import { directionOf } from '../../../src/domain/insights/trend-movement'
import { slopeChart } from '../../../src/presenters/insights/trend-chart.presenter'
import { movementSummary, trendSummary } from '../../../src/presenters/insights/trend-summary'

const slope = (name: string, previous: number, current: number): Slope => ({
  gss: `E-${name}`,
  name,
  previous,
  current,
  change: current - previous,
  direction: directionOf(current - previous),
})

const movement = (key: string, title: string, slopes: Slope[], median: Movement['median']): Movement => ({
  key,
  title,
  slopes,
  rose: slopes.filter(s => s.direction === 'rose').length,
  fell: slopes.filter(s => s.direction === 'fell').length,
  same: slopes.filter(s => s.direction === 'same').length,
  median,
})

const names = { previous: '2025 assessment', current: '2026 assessment' }
const overall = movement(
  'overall',
  'Overall',
  [slope('Barnet', 2, 3), slope('Camden', 4, 3), slope('Ealing', 2.5, 2.5)],
  { previous: 2.5, current: 3 },
)
const data = movement('data', 'Data', [slope('Barnet', 1, 2), slope('Camden', 2, 3)], { previous: 1.5, current: 2.5 })
const culture = movement('culture', 'Culture and skills', [slope('Barnet', 3, 2), slope('Camden', 3, 3)], {
  previous: 3,
  current: 2.5,
})

describe('what the trend chart says', () => {
  it('says how many rose, fell and stayed, and where the median went', () => {
    expect(movementSummary(overall)).toBe(
      '1 of 3 organisations rose, 1 fell and 1 did not change; the median moved from 2.50 to 3.00.',
    )
    expect(movementSummary(data)).toBe('2 of 2 organisations rose; the median moved from 1.50 to 2.50.')
    expect(movementSummary(culture)).toBe(
      'None of 2 organisations rose: 1 fell and 1 did not change; the median moved from 3.00 to 2.50.',
    )
    const level = movement('x', 'X', [slope('Barnet', 2, 2)], { previous: 2, current: 2.001 })
    expect(movementSummary(level)).toBe('None of 1 organisation rose: 1 did not change; the median stayed at 2.00.')
    expect(movementSummary(movement('x', 'X', [], null))).toBe('No organisation has a score in both rounds.')
  })

  it('leads with overall, then names the dimensions where the most rose and the most fell', () => {
    expect(trendSummary([overall, data, culture], names)).toBe(
      'Between 2025 assessment and 2026 assessment, 1 of 3 organisations rose overall, 1 fell and 1 did not change; ' +
        'the median moved from 2.50 to 3.00. By dimension, the most rose on Data (2 of 2); ' +
        'the most fell on Culture and skills (1 of 2).',
    )
  })

  it('names two dimensions that share the lead, and counts more than two rather than list them', () => {
    const twice = movement('b', 'Leadership', data.slopes, data.median)
    expect(trendSummary([overall, data, twice], names)).toMatch(
      /the most rose on Data \(2 of 2\) and Leadership \(2 of 2\)\.$/,
    )
    const thrice = movement('c', 'Services', data.slopes, data.median)
    expect(trendSummary([overall, data, twice, thrice], names)).toMatch(
      /By dimension, 2 rose on each of all 3 dimensions\.$/,
    )
  })

  it('says when nothing moved, and when no organisation handed in both', () => {
    const still = movement('data', 'Data', [slope('Barnet', 2, 2)], { previous: 2, current: 2 })
    expect(trendSummary([still, still], names)).toMatch(
      /did not change; the median stayed at 2\.00\. No dimension moved\.$/,
    )
    expect(trendSummary([movement('overall', 'Overall', [], null)], names)).toBe(
      'Between 2025 assessment and 2026 assessment, no organisation handed in both assessments.',
    )
    expect(
      trendSummary([movement('overall', 'Overall', [slope('A', 3, 1)], { previous: 3, current: 1 })], names),
    ).toMatch(/^Between 2025 assessment and 2026 assessment, none of 1 organisation rose overall: 1 fell;/)
  })
})

describe('the slope chart', () => {
  const chart = slopeChart([overall, data], names)
  const tick = (score: number) => chart.ticks.find(t => t.score === score)!.y
  /** Coordinates are kept to a tenth of a unit. */
  const halfway = (a: number, b: number) => Math.round(((tick(a) + tick(b)) / 2) * 10) / 10

  it('puts 5 at the top and 1 at the bottom, each level the same distance apart', () => {
    expect(chart.ticks.map(t => t.label)).toEqual(['1', '2', '3', '4', '5'])
    expect(tick(1)).toBe(chart.bottom)
    expect(tick(5)).toBe(chart.top)
    const steps = chart.ticks.slice(1).map((t, i) => chart.ticks[i]!.y - t.y)
    expect(new Set(steps).size).toBe(1)
  })

  it('draws a line per organisation from its earlier score on the left to its later one on the right', () => {
    const barnet = chart.panels[0]!.lines.find(l => l.gss === 'E-Barnet')!
    expect(barnet).toMatchObject({ x1: chart.left, y1: tick(2), x2: chart.right, y2: tick(3), direction: 'rose' })
    expect(barnet.title).toBe('Barnet: 2.00 to 3.00, up 1.00')
    const ealing = chart.panels[0]!.lines.find(l => l.gss === 'E-Ealing')!
    expect(ealing.y1).toBe(halfway(2, 3))
    expect(ealing.title).toBe('Ealing: 2.50 to 2.50, no change')
  })

  it('marks which way each line went with a shape, not colour alone: up, down or a dot', () => {
    const marker = (gss: string) => chart.panels[0]!.lines.find(l => l.gss === gss)!.marker
    const y = (path: string) => [...path.matchAll(/[ML][\d.]+ ([\d.]+)/g)].map(m => Number(m[1]))
    // The rise's tip (its first point) is above its base; the fall's below; level is a circle of arcs.
    const [upTip, upBase] = y(marker('E-Barnet'))
    expect(upTip).toBeLessThan(upBase!)
    const [downTip, downBase] = y(marker('E-Camden'))
    expect(downTip).toBeGreaterThan(downBase!)
    expect(marker('E-Ealing')).toMatch(/a[\d.]+ [\d.]+ 0 1 0/)
  })

  it('draws level lines first and rises last, so the fewer rises and falls are not hidden', () => {
    expect(chart.panels[0]!.lines.map(l => l.direction)).toEqual(['same', 'fell', 'rose'])
  })

  it('prints the median’s two values at its ends and names both rounds over their sides', () => {
    expect(chart.panels[0]!.median).toMatchObject({
      y1: halfway(2, 3),
      y2: tick(3),
      previous: '2.50',
      current: '3.00',
      title: 'London median: 2.50 in 2025 assessment, 3.00 in 2026 assessment',
    })
    expect(chart.labelLeft).toBeLessThan(chart.left)
    expect(chart.labelRight).toBeGreaterThan(chart.right)
    expect(chart.headings).toEqual([
      {
        x: chart.left,
        lines: [
          { text: '2025', dy: 0 },
          { text: 'assessment', dy: 14 },
        ],
      },
      {
        x: chart.right,
        lines: [
          { text: '2026', dy: 0 },
          { text: 'assessment', dy: 14 },
        ],
      },
    ])
  })

  it('says how many organisations share a line, on it, each count clear of the others', () => {
    const bundled = movement(
      'data',
      'Data',
      [
        ...['A', 'B', 'C'].map(n => slope(n, 2, 3)),
        ...['D', 'E'].map(n => slope(n, 3, 2)),
        slope('F', 2, 2.001),
        slope('G', 2, 2),
        slope('H', 4, 1),
      ],
      { previous: 2, current: 2 },
    )
    const [panel] = slopeChart([bundled], names).panels
    // 2 to 3 and 3 to 2 cross at their middles, so the smaller bundle's count moves along its line.
    expect(panel!.shared.map(s => s.count)).toEqual(['×3', '×2', '×2'])
    const [rising, falling, level] = panel!.shared
    expect(rising).toEqual({ x: (chart.left + chart.right) / 2, y: halfway(2, 3), count: '×3' })
    expect(falling!.x).not.toBe(rising!.x)
    // 2.00 to 2.00 as printed: F and G share a line.
    expect(level!.y).toBe(tick(2))
  })

  it('gives each panel an id for its caption, which names it and says what it shows', () => {
    expect(chart.panels.map(p => [p.id, p.captionId, p.title])).toEqual([
      ['slope-overall', 'slope-overall-caption', 'Overall'],
      ['slope-data', 'slope-data-caption', 'Data'],
    ])
    expect(chart.panels[1]!.summary).toBe(movementSummary(data))
  })

  it('keeps everything it draws inside the picture', () => {
    const ys = chart.panels.flatMap(p => p.lines.flatMap(l => [l.y1, l.y2]))
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(chart.top)
    expect(Math.max(...ys)).toBeLessThanOrEqual(chart.bottom)
    expect(chart.bottom).toBeLessThan(chart.height)
    expect(chart.labelRight + 30).toBeLessThanOrEqual(chart.width)
  })
})
