import { dimensionScoreSummary } from '../../../src/presenters/reports/score-summary'
import type { ScoreLine } from '../../../src/services/reports/report.service'

const london = (median: number) => ({ count: 8, lowerQuartile: median - 0.5, median, upperQuartile: median + 0.5 })
const line = (title: string, final: number | null, median: number | null = null): ScoreLine => ({
  key: title,
  title,
  self: final,
  final,
  coverage: 1,
  london: median === null ? null : london(median),
})

describe('the sentence under a borough’s dimension chart', () => {
  it('names the highest and lowest dimension and counts those above and below London’s median', () => {
    const dimensions = [line('Leadership', 3.4, 3), line('Data', 2.1, 2.5), line('Culture', 2.8, 2.8)]
    expect(dimensionScoreSummary('Camden', dimensions)).toBe(
      'Camden scores highest on Leadership (3.40) and lowest on Data (2.10). It is above London’s median on 1 of 3 dimensions, level with it on 1 and below it on 1.',
    )
  })

  it('names every dimension tied on the highest or lowest score', () => {
    const dimensions = [line('Leadership', 3), line('Data', 2), line('Culture', 3), line('Technology', 3)]
    expect(dimensionScoreSummary('Camden', dimensions)).toBe(
      'Camden scores highest on Leadership, Culture and Technology (3.00) and lowest on Data (2.00).',
    )
  })

  it('leaves London out while its figures are withheld', () => {
    expect(dimensionScoreSummary('Camden', [line('Leadership', 3), line('Data', 2)])).toBe(
      'Camden scores highest on Leadership (3.00) and lowest on Data (2.00).',
    )
  })

  it('skips dimensions without a score, and says so when there are none', () => {
    expect(dimensionScoreSummary('Brent', [line('Leadership', null), line('Data', 2.25, 2)])).toBe(
      'Brent has a score on one dimension: Data (2.25). It is above London’s median on 1 of 1 dimension and below it on 0.',
    )
    expect(dimensionScoreSummary('Brent', [line('Leadership', null)])).toBe('Brent has no score on any dimension yet.')
  })
})
