import type { AnalysedEntry } from '../../../src/domain/estate/analysis'
import { scorecard } from '../../../src/domain/estate/scorecard'
import { scorecardView } from '../../../src/presenters/estate/scorecard.presenter'
import type { ProductScorecard } from '../../../src/services/estate/estate-analysis.service'

const entry = (organisation: string, name: string, shareable: boolean): AnalysedEntry => ({
  entryId: organisation.length,
  organisationId: 1,
  organisation,
  organisationName: name,
  organisationSlug: name.toLowerCase(),
  categoryKey: 'finance-erp',
  productId: 7,
  productName: 'Ledgerly',
  supplierId: 3,
  supplierName: 'Acme',
  hosting: 'saas',
  contractEnd: null,
  shareable,
})

const entries = [entry('E1', 'Camden', false), entry('E22', 'Hackney', true)]
const base = (central: boolean): ProductScorecard => ({
  product: {
    id: 7,
    name: 'Ledgerly',
    supplier: { id: 3, name: 'Acme' },
    categoryKey: 'finance-erp',
    status: 'approved',
    mergedIntoId: null,
    revision: 1,
  },
  category: { key: 'finance-erp', name: 'Finance and ERP', addresses: 'foundations' },
  standards: [],
  standard: undefined,
  minRaters: 3,
  card: scorecard({ entries, ratings: [], points: [], partnerships: [], today: '2026-12-07' }),
  named: central ? entries : entries.filter(e => e.shareable),
  central,
  today: '2026-12-07',
})

const who = (view: ReturnType<typeof scorecardView>) =>
  view.facts.find(f => f.key.text === 'Authorities running it')?.value

describe('the scorecard’s view model', () => {
  it('names every authority, linked, for central roles, with the brief and the category’s views', () => {
    const view = scorecardView(base(true))
    expect(who(view)?.html).toContain('href="/organisations/camden"')
    expect(view.briefHref).toBe('/estate/products/7/brief')
    expect(view.mapHref).toBe('/estate/map?category=finance-erp')
    expect(view.replaceHref).toBe('/pipeline/opportunities/finance-erp')
  })

  it('names only shareable entries, unlinked, for a respondent, and offers no brief', () => {
    const view = scorecardView(base(false))
    expect(who(view)?.html).toBe('2, among them (those that share their entry) Hackney')
    expect(view.briefHref).toBeNull()
    expect(view.mapHref).toBeNull()
  })

  it('says there is nothing to measure against when no standard is published', () => {
    const view = scorecardView(base(true))
    expect(view.hasStandard).toBe(false)
    expect(view.points.rows).toEqual([])
  })
})
