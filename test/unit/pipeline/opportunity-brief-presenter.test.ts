import { opportunityBriefView } from '../../../src/presenters/pipeline/opportunity-brief.presenter'
import { opportunitiesView } from '../../../src/presenters/pipeline/opportunities.presenter'
import type { OpportunityDetail, OpportunityList } from '../../../src/services/pipeline/opportunity.service'

const category = { key: 'finance-erp', name: 'Finance and ERP', addresses: null }
const entry = (organisation: string, organisationName: string, contractEnd: string) => ({
  organisation,
  organisationName,
  categoryKey: 'finance-erp',
  currentSystem: null,
  supplier: null,
  contractEnd,
  plannedStart: null,
  route: 'procure',
  valueBand: '1m-5m',
  status: 'planned',
  addresses: null,
})
const detail = (partnerships: OpportunityDetail['partnerships'], buyers: number) =>
  ({
    opportunity: {
      category,
      organisations: ['A', 'B'],
      entries: [entry('A', 'Barnet', '2027-03-31'), entry('B', 'Camden', '2027-05-31')],
      buyers,
      earliest: '2027-03-31',
      latest: '2027-05-31',
      contractEndsByQuarter: [
        { quarter: 'Jan to Mar 2027', count: 1 },
        { quarter: 'Apr to Jun 2027', count: 1 },
        { quarter: 'Jul to Sep 2027', count: 0 },
      ],
    },
    weakness: [],
    partnerships,
  }) as unknown as OpportunityDetail
const list = (opportunities: OpportunityDetail[]) =>
  ({
    months: 24,
    window: { from: '2026-01-01', to: '2027-12-31' },
    quarters: ['Jan to Mar 2027', 'Apr to Jun 2027', 'Jul to Sep 2027'],
    opportunities,
    maturity: undefined,
    organisations: new Map(),
  }) as unknown as OpportunityList

describe('the opportunity brief view', () => {
  it('says nobody buys through a partnership when every authority buys alone', () => {
    const view = opportunityBriefView({ ...list([]), category, opportunity: detail([], 2) })
    expect(view).toMatchObject({ found: true, partnerships: null, noPartnerships: true, leadWeakness: null })
    if (view.found) expect(view.contractEnds).toBe('1 in Jan to Mar 2027, 1 in Apr to Jun 2027')
  })

  it('names the partnerships that buy once', () => {
    const view = opportunityBriefView({
      ...list([]),
      category,
      opportunity: detail([{ name: 'North London', members: ['Barnet', 'Camden'] }], 1),
    })
    expect(view).toMatchObject({ partnerships: 'North London (Barnet and Camden)', noPartnerships: false })
  })

  it('keeps only the frame when nobody plans in the window', () => {
    const view = opportunityBriefView({ ...list([]), category, opportunity: undefined })
    expect(view).toMatchObject({ found: false, heading: 'Finance and ERP', from: '1 January 2026' })
  })
})

describe('the opportunities view', () => {
  it('totals the timeline and greys its empty quarters', () => {
    const view = opportunitiesView(list([detail([], 2)]))
    expect(view.total).toBe(2)
    expect(view.quarterTotals).toEqual([1, 1, 0])
    expect(view.timeline[0]?.cells[2]).toEqual({ count: 0, classes: ' app-secondary-text' })
    expect(view.rows[0]).toMatchObject({ hasWeakness: false, noWeakness: 'No scores to compare yet' })
  })
})
