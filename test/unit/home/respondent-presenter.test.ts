import { respondentHomeView } from '../../../src/presenters/home/respondent.presenter'

const organisation = { name: 'Hackney', officialName: 'London Borough of Hackney', slug: 'hackney' }
const listed = (status: 'open' | 'closed', id: number) => ({
  assessment: { id, state: 'in_progress' as const },
  round: { name: `Round ${id}`, closesOn: '2026-06-30', status },
  progress: { completedThemes: 3, totalThemes: 9 },
})

describe('respondentHomeView', () => {
  it('lists only the open assessments, with their progress and closing date', () => {
    const view = respondentHomeView(organisation, [listed('open', 1), listed('closed', 2)])
    expect(view.hasOpen).toBe(true)
    expect(view.open).toEqual([
      {
        roundName: 'Round 1',
        href: '/assessments/1',
        summary: 'in progress, 3 of 9 sections completed. Closes 30 June 2026.',
      },
    ])
    expect(view.organisationHref).toBe('/organisations/hackney')
  })

  it('says nothing is open when no round is', () => {
    expect(respondentHomeView(organisation, [listed('closed', 2)]).hasOpen).toBe(false)
  })

  it('has no organisation to show for a respondent without one', () => {
    const view = respondentHomeView(undefined, [])
    expect(view.hasOrganisation).toBe(false)
    expect(view.caption).toBe('')
  })
})
