import { estateHeadlineView, ownEstateView } from '../../../src/presenters/home/estate-home.presenter'

const failing = (name: string, doesNotMeet: number) => ({
  product: { id: 4, name, supplier: 'Tallyhouse' },
  standard: { key: 'lgdss', version: 1, title: 'Local Government Digital Service Standard' },
  point: { number: 7, title: 'Open standards and data' },
  doesNotMeet,
  rated: 9,
})

describe('the central homes’ estate section', () => {
  it('leads to proposals awaiting approval only when there are some', () => {
    expect(estateHeadlineView({ proposals: 0, failing: [] }).proposals).toBeNull()
    expect(estateHeadlineView({ proposals: 1, failing: [] }).proposals).toEqual({
      href: '/estate/products',
      text: '1 product proposed for the catalogue awaits approval',
    })
    expect(estateHeadlineView({ proposals: 3, failing: [] }).proposals?.text).toBe(
      '3 products proposed for the catalogue await approval',
    )
  })

  it('names each failing point with its product, standard and how many said so, linking to the scorecard', () => {
    const view = estateHeadlineView({ proposals: 0, failing: [failing('Revenues', 7)] })
    expect(view.failingNone).toBeNull()
    expect(view.failing).toEqual([
      {
        html: '<a class="govuk-link" href="/estate/products/4?standard=lgdss&amp;version=1">Revenues (Tallyhouse)</a>',
        detail:
          'does not meet point 7 (Open standards and data) of the Local Government Digital Service Standard, say 7 of the 9 authorities that rated it',
      },
    ])
  })

  it('shows three at most, and says so when London has no position against any product', () => {
    const many = ['A', 'B', 'C', 'D'].map(n => failing(n, 5))
    expect(estateHeadlineView({ proposals: 0, failing: many }).failing).toHaveLength(3)
    expect(estateHeadlineView({ proposals: 0, failing: [] }).failingNone).toBe(
      'No product falls short of a standard’s point by London’s rule yet.',
    )
  })
})

describe('a respondent’s home, on its own register', () => {
  it('asks for a register when none is recorded', () => {
    expect(ownEstateView({ systems: 0, unrated: 0, endingWithinYear: 0 }).lines).toEqual([
      'No systems recorded yet: record what your council runs, so London can see who buys what and when.',
    ])
  })

  it('says what is left to do: systems not rated and contracts ending within a year', () => {
    expect(ownEstateView({ systems: 12, unrated: 1, endingWithinYear: 2 }).lines).toEqual([
      '12 systems recorded.',
      '1 system is not yet rated against a standard.',
      '2 contracts end within a year: is a plan for each in your pipeline?',
    ])
    expect(ownEstateView({ systems: 1, unrated: 0, endingWithinYear: 0 }).lines).toEqual(['1 system recorded.'])
  })
})
