import { timelineSummary } from '../../../src/presenters/pipeline/opportunities.presenter'
import type { OpportunityList } from '../../../src/services/pipeline/opportunity.service'

const category = (name: string, counts: number[]) => ({
  opportunity: {
    category: { name },
    contractEndsByQuarter: counts.map((count, i) => ({ quarter: `Q${i + 1}`, count })),
  },
})
const list = (...categories: ReturnType<typeof category>[]) =>
  ({
    quarters: ['Jan to Mar 2027', 'Apr to Jun 2027', 'Jul to Sep 2027'],
    opportunities: categories,
  }) as unknown as OpportunityList

describe('the sentence beside the contracts-ending chart', () => {
  it('counts every contract ending, and names the busiest quarter and its biggest category', () => {
    expect(timelineSummary(list(category('Finance and ERP', [1, 4, 0]), category('Housing', [2, 3, 1])))).toBe(
      '11 contracts in open plans end in the window. The busiest quarter is Apr to Jun 2027, with 7 contracts; the largest category then is Finance and ERP (4).',
    )
  })

  it('says one contract, not one contracts', () => {
    expect(timelineSummary(list(category('Housing', [0, 0, 1])))).toBe(
      '1 contract in open plans ends in the window. The busiest quarter is Jul to Sep 2027, with 1 contract; the largest category then is Housing (1).',
    )
  })

  it('says so when no contract ends in the window', () => {
    expect(timelineSummary(list(category('Housing', [0, 0, 0])))).toBe(
      'No open plan has a contract ending in the window.',
    )
  })
})
