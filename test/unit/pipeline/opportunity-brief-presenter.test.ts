import {
  opportunityBriefView,
  type OpportunityBriefView,
} from '../../../src/presenters/pipeline/opportunity-brief.presenter'
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
    organisations: new Map([
      ['A', { gss: 'A', name: 'Barnet', slug: 'barnet' }],
      ['B', { gss: 'B', name: 'Camden', slug: 'camden' }],
    ]),
    estate: new Map(),
    unplanned: [],
  }) as unknown as OpportunityList
const barnet = '<a class="govuk-link" href="/organisations/barnet">Barnet</a>'
const camden = '<a class="govuk-link" href="/organisations/camden">Camden</a>'

describe('the opportunity brief view', () => {
  const found = (view: OpportunityBriefView) => {
    if (!view.found) throw new Error('expected a brief with plans')
    return view
  }
  const fact = (view: OpportunityBriefView, key: string) => found(view).facts.find(f => f.key.text === key)?.value

  it('says nobody buys through a partnership when every authority buys alone', () => {
    const view = opportunityBriefView({ ...list([]), category, opportunity: detail([], 2) })
    expect(view).toMatchObject({ found: true, leadWeakness: null })
    expect(found(view).facts.map(f => f.key.text)).toEqual([
      'Authorities',
      'Separate buyers',
      'Dates',
      'Value bands',
      'Intended routes',
      'Maturity',
    ])
    expect(fact(view, 'Authorities')).toEqual({ text: '2, with 2 plans between them' })
    expect(fact(view, 'Separate buyers')).toEqual({
      html: '2: none of them buys through a partnership with another',
    })
    expect(fact(view, 'Dates')).toEqual({
      text: 'From 31 March 2027 to 31 May 2027. Contracts ending by quarter: 1 in Jan to Mar 2027, 1 in Apr to Jun 2027',
    })
    expect(fact(view, 'Value bands')).toEqual({
      html: '<ul class="govuk-list"><li>£1 million to £4.99 million: 2</li></ul>',
    })
    expect(fact(view, 'Maturity')).toEqual({
      html: '<p class="govuk-body govuk-!-margin-bottom-0">No assessment round has scores yet, so plans cannot be joined to maturity.</p>',
    })
  })

  it('names the partnerships that buy once, each member linked to its organisation page', () => {
    const view = opportunityBriefView({
      ...list([]),
      category,
      opportunity: detail([{ name: 'North London', members: ['Barnet', 'Camden'] }], 1),
    })
    expect(fact(view, 'Separate buyers')).toEqual({
      html: `1, as partnerships buy once: North London (${barnet} and ${camden})`,
    })
  })

  it('links each authority in the plans table to its organisation page, as a row header', () => {
    const { head, rows } = found(opportunityBriefView({ ...list([]), category, opportunity: detail([], 2) })).plans
    expect(head.map(h => ('text' in h ? h.text : ''))).toEqual([
      'Authority',
      'Current system and supplier',
      'Contract ends',
      'Planned start',
      'Value and route',
      'Status',
      'Maturity on the area it addresses',
    ])
    expect(rows.map(r => r[0])).toEqual([
      { html: barnet, header: true, classes: 'app-table__row-header' },
      { html: camden, header: true, classes: 'app-table__row-header' },
    ])
    expect(rows[0]?.slice(1)).toEqual([
      { text: 'Not recorded' },
      { text: '31 March 2027' },
      { text: 'Not recorded' },
      { text: '£1 million to £4.99 million; procure' },
      { text: 'Planned' },
      { html: 'None named: –' },
    ])
  })

  it('keeps only the frame when nobody plans in the window', () => {
    const view = opportunityBriefView({ ...list([]), category, opportunity: undefined })
    expect(view).toMatchObject({ found: false, heading: 'Finance and ERP', from: '1 January 2026' })
  })
})

describe('the opportunities view', () => {
  it('totals the timeline, greys its empty quarters and marks each row for the chart', () => {
    const { head, rows } = opportunitiesView(list([detail([], 2)])).timeline
    expect(head[1]).toEqual({ text: 'Jan to Mar 2027', format: 'numeric', attributes: { 'data-series': true } })
    expect(rows[0]).toEqual({
      attributes: { 'data-chart-row': true },
      cells: [
        { text: 'Finance and ERP', header: true, classes: 'app-table__row-header' },
        { text: '1', format: 'numeric', attributes: { 'data-value': 1 } },
        { text: '1', format: 'numeric', attributes: { 'data-value': 1 } },
        { text: '0', format: 'numeric', classes: 'app-secondary-text', attributes: { 'data-value': 0 } },
        { text: '2', format: 'numeric' },
      ],
    })
    expect(rows[1]).toEqual({
      classes: 'app-score-total',
      cells: [
        { text: 'All categories', header: true, classes: 'app-table__row-header' },
        ...['1', '1', '0', '2'].map(text => ({ text, format: 'numeric' })),
      ],
    })
  })

  it('links each category to its brief and each authority planning in it to its organisation page', () => {
    const view = opportunitiesView(list([detail([], 2)]))
    const [row] = view.opportunities.rows
    expect(row?.attributes).toEqual({ 'data-category': 'finance-erp' })
    expect(row?.cells).toEqual([
      {
        html:
          '<a class="govuk-link" href="/pipeline/opportunities/finance-erp">Finance and ERP<span class="govuk-visually-hidden"> (opportunity brief)</span></a>' +
          ` <span class="govuk-body-s app-secondary-text app-opportunities__who">${barnet} and ${camden}</span>`,
        header: true,
        classes: 'app-table__row-header',
      },
      { text: '2', format: 'numeric' },
      { text: '2', format: 'numeric' },
      { text: '31 March 2027 to 31 May 2027', classes: 'app-opportunities__dates' },
      // No estate given: no registered system's contract ends in the window.
      { html: '<span class="app-secondary-text">None</span>' },
      { html: '<span class="app-secondary-text">No scores to compare yet</span>' },
    ])
  })

  it('lists the categories where contracts end but nobody plans, with who, buyers, when and what fails', () => {
    const hr = { key: 'hr-payroll', name: 'HR and payroll', addresses: null }
    const view = opportunitiesView({
      ...list([]),
      unplanned: [{ category: hr, decision: { ...ending, categoryKey: 'hr-payroll' } }],
    })
    expect(view.hasRows).toBe(false)
    expect(view.hasUnplanned).toBe(true)
    expect(view.unplanned.head.map(h => h.text)).toEqual([
      'Category and who',
      'Authorities',
      'Separate buyers',
      'Contracts end',
      'Rated as failing',
    ])
    const [row] = view.unplanned.rows
    expect(row?.attributes).toEqual({ 'data-unplanned': 'hr-payroll' })
    expect(row?.cells[0]?.html).toContain(`${barnet} and ${camden}`)
    expect(row?.cells.slice(1)).toEqual([
      { text: '2', format: 'numeric' },
      { text: '1', format: 'numeric' },
      { text: '30 June 2027 to 30 November 2027', classes: 'app-opportunities__dates' },
      { text: '2 of them: point 3 (Open standards) of the Technology Code of Practice' },
    ])
  })
})

const ledger = (organisation: string, organisationName: string, contractEnd: string, entryId: number) => ({
  entryId,
  organisationId: entryId,
  organisation,
  organisationName,
  organisationSlug: organisationName.toLowerCase(),
  categoryKey: 'finance-erp',
  productId: 7,
  productName: 'Ledgerly',
  supplierId: 3,
  supplierName: 'Acme',
  hosting: 'saas' as const,
  contractEnd,
  shareable: true,
})
const ending = {
  categoryKey: 'finance-erp',
  systems: [ledger('A', 'Barnet', '2027-06-30', 1), ledger('B', 'Camden', '2027-11-30', 2)],
  organisations: ['A', 'B'],
  buyers: 1,
  earliest: '2027-06-30',
  latest: '2027-11-30',
  worstPoint: {
    key: 'open',
    title: 'Open standards',
    standardTitle: 'Technology Code of Practice',
    number: 3,
    failing: 2,
  },
}

describe('the brief’s contracts ending on registers', () => {
  it('lists each ending system, soonest first, linked to its authority and its product’s scorecard, with or without plans', () => {
    const withEstate = { ...list([]), estate: new Map([['finance-erp', ending]]) }
    for (const opportunity of [undefined, detail([], 2)]) {
      const view = opportunityBriefView({ ...withEstate, category, opportunity })
      expect(view.hasEstateSystems).toBe(true)
      expect(view.estate).toBe(
        '2 authorities’ finance and ERP contracts end by 31 December 2027; 2 rate their product as not meeting point 3 (Open standards) of the Technology Code of Practice.',
      )
      expect(view.estateSystems.rows.map(r => r.map(c => c.text ?? c.html))).toEqual([
        [
          barnet,
          '<a class="govuk-link" href="/estate/products/7">Ledgerly (Acme)</a>',
          'Software as a service',
          '30 June 2027',
        ],
        [
          camden,
          '<a class="govuk-link" href="/estate/products/7">Ledgerly (Acme)</a>',
          'Software as a service',
          '30 November 2027',
        ],
      ])
    }
    expect(opportunityBriefView({ ...list([]), category, opportunity: undefined }).hasEstateSystems).toBe(false)
  })
})
