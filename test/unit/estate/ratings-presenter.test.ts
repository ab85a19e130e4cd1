import { postedRatings, ratingFormErrors, ratingsPageView } from '../../../src/presenters/estate/ratings.presenter'
import type { RatingsView } from '../../../src/services/estate/rate-system.service'

const view: RatingsView = {
  entry: { id: 7, organisationId: 1, productName: 'Ledger', supplierName: 'Acme' },
  standard: {
    id: 1,
    key: 'tcop',
    version: 1,
    title: 'Technology Code of Practice',
    status: 'published',
    publishedAt: new Date('2026-11-01T10:00:00Z'),
    definition: { key: 'tcop', version: 1, title: 'Technology Code of Practice', source: 'CDDO', points: [] },
  },
  revision: 2,
  evidence: 'Audit',
  updatedAt: new Date('2026-11-20T10:00:00Z'),
  points: [
    {
      key: 'secure',
      title: 'Make things secure',
      description: 'Keep it safe.',
      rating: 'meets',
      since: new Date('2026-11-02T10:00:00Z'),
    },
    {
      key: 'privacy',
      title: 'Make privacy integral',
      description: 'Protect data.',
      rating: 'not_assessed',
      since: null,
    },
  ],
  editable: true,
}

describe('the ratings page', () => {
  it('checks each point’s saved rating, and says since when it holds', () => {
    const page = ratingsPageView(view)
    expect(page.caption).toBe('Ledger (Acme)')
    expect(page.groups.map(g => g.legend)).toEqual(['1. Make things secure', '2. Make privacy integral'])
    expect(page.groups[0]?.items.find(i => i.checked)?.text).toBe('Meets')
    expect(page.groups[0]?.hint.html).toContain('Rated meets since 2 November 2026')
    expect(page.groups[1]?.hint.html).toContain('Not rated yet')
    expect(page.lastSaved).toBe('Last saved 20 November 2026 at 10am')
  })

  it('says a point saved as not assessed is not assessed yet, not that it was “rated not assessed”', () => {
    const saved = { ...view.points[1]!, since: new Date('2026-11-20T10:00:00Z') }
    const page = ratingsPageView({ ...view, points: [view.points[0]!, saved] })
    expect(page.groups[1]?.hint.html).toContain('Not assessed yet')
    expect(page.groups[1]?.hint.html).not.toContain('Rated')
  })

  it('keeps what was typed when the page comes back, and names each wrong point’s field', () => {
    const typed = postedRatings({ 'rating-privacy': 'partly', 'rating-secure': '', evidence: 'Mine', other: 'x' }, [
      'secure',
      'privacy',
    ])
    expect(typed).toEqual({ ratings: { privacy: 'partly' }, evidence: 'Mine' })
    const errors = ratingFormErrors([
      { field: '/ratings/privacy', message: 'Wrong' },
      { field: '/evidence', message: 'Too long' },
    ])
    expect(errors.summary).toEqual([
      { text: 'Wrong', href: '#rating-privacy' },
      { text: 'Too long', href: '#evidence' },
    ])
    const page = ratingsPageView(view, { typed, errors, conflict: true })
    expect(page.groups[1]?.items.find(i => i.checked)?.value).toBe('partly')
    expect(page.groups[0]?.items.find(i => i.checked)?.value).toBe('not_assessed')
    expect(page.groups[1]?.errorMessage).toBe('Wrong')
    expect(page.evidence).toBe('Mine')
    expect(page.conflict).toMatch(/^Someone else saved ratings/)
  })
})
