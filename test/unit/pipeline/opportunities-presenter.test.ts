import { allPlansView } from '../../../src/presenters/pipeline/all-plans.presenter'
import { similarView } from '../../../src/presenters/pipeline/similar.presenter'
import type { AllPlans } from '../../../src/services/pipeline/pipeline-plans'
import type { SimilarPlan } from '../../../src/services/pipeline/opportunity.service'

const categories = [{ key: 'finance-erp', name: 'Finance and ERP', addresses: null }]

describe('the all plans view', () => {
  const plan = {
    organisation: { gss: 'E09000007', name: 'Camden' },
    categoryName: 'Finance and ERP',
    currentSystem: 'Oracle EBS',
    supplier: null,
    contractEnd: '2028-03-31',
    plannedStart: null,
    valueBand: '1m-5m',
    status: 'planned',
    shareable: false,
  }
  const plans = (filter: AllPlans['filter'], entries: unknown[]) => ({ filter, categories, entries }) as AllPlans

  it('offers every category and status, with All first', () => {
    const view = allPlansView(categories, { category: '', status: 'idea' }, null)
    expect(view.plans).toBeNull()
    expect(view.filters[0]?.items).toEqual([
      { value: '', text: 'All' },
      { value: 'finance-erp', text: 'Finance and ERP' },
    ])
    expect(view.filters[1]).toMatchObject({ name: 'status', value: 'idea' })
  })

  it('counts the plans and links the CSV of the same filter', () => {
    const view = allPlansView(
      categories,
      { category: 'finance-erp', status: '' },
      plans({ category: 'finance-erp', status: undefined }, [plan]),
    )
    expect(view.plans).toMatchObject({
      count: '1 plan',
      csvHref: '/pipeline/all.csv?category=finance-erp',
      downloadWhat: 'these plans',
    })
    expect(view.plans?.rows[0]?.map(c => c.text)).toEqual([
      'Camden',
      'Finance and ERP',
      'Oracle EBS',
      '31 March 2028',
      'Not recorded',
      '£1 million to £4.99 million',
      'Planned',
      'No',
    ])
  })

  it('offers the whole pipeline when nothing is filtered', () => {
    const view = allPlansView(
      categories,
      { category: '', status: '' },
      plans({ category: undefined, status: undefined }, []),
    )
    expect(view.plans).toMatchObject({
      count: '0 plans',
      csvHref: '/pipeline/all.csv',
      downloadWhat: 'the whole pipeline',
      hasRows: false,
    })
  })
})

describe('the similar plans view', () => {
  const similar = (change: Partial<SimilarPlan>) =>
    ({
      entry: {
        currentSystem: null,
        supplier: null,
        status: 'in_procurement',
        contractEnd: '2027-06-30',
        plannedStart: null,
      },
      category: categories[0],
      others: 3,
      named: [],
      names: [],
      ...change,
    }) as unknown as SimilarPlan
  const view = (plans: SimilarPlan[]) =>
    similarView({ months: 24, window: { from: '2026-01-01', to: '2027-12-31' }, plans })

  it('describes the plan and names those that share, counting the rest', () => {
    const [row] = view([similar({ names: ['Barnet', 'Camden'] })]).rows
    expect(row?.attributes).toEqual({ 'data-category': 'finance-erp' })
    expect(row?.cells).toEqual([
      {
        html:
          '<strong>Finance and ERP</strong> <span class="govuk-body-s app-secondary-text app-similar__detail">' +
          'No current system recorded; in procurement; contract ends 30 June 2027</span>',
        header: true,
        classes: 'app-table__row-header',
      },
      { text: '3', format: 'numeric', attributes: { 'data-testid': 'others' } },
      {
        // Words, not links: a respondent may not open another authority's organisation page.
        html: 'Barnet and Camden<span class="govuk-body-s app-secondary-text app-similar__detail">and 1 more that has not shared</span>',
      },
    ])
  })

  it('says when nobody shares, and when nobody else plans the same', () => {
    const [none, nobody] = view([similar({}), similar({ others: 0 })]).rows
    expect(none?.cells[2]).toEqual({ html: '<span class="app-secondary-text">None has chosen to share</span>' })
    expect(nobody?.cells[2]).toEqual({ html: '<span class="app-secondary-text">Nobody else yet</span>' })
  })

  it('escapes what an authority wrote about its plan', () => {
    const [row] = view([similar({ entry: { ...similar({}).entry, currentSystem: '<b>Bold</b>' } })]).rows
    expect(row?.cells[0]).toMatchObject({
      html: expect.stringContaining('&lt;b&gt;Bold&lt;/b&gt;; in procurement') as unknown,
    })
  })

  it('gives the end of the window in words', () => {
    expect(view([]).to).toBe('31 December 2027')
    expect(view([]).hasPlans).toBe(false)
  })
})
