import { organisationView, organisationsTableView } from '../../../src/presenters/organisations/organisations.presenter'

const hackney = {
  id: 1,
  gss: 'E09000012',
  name: 'Hackney',
  officialName: 'London Borough of Hackney',
  slug: 'hackney',
  inner: true,
  tile: null,
}
const barnet = { ...hackney, id: 2, gss: 'E09000003', name: 'Barnet', slug: 'barnet', inner: false }

describe('organisationsTableView', () => {
  it('counts the organisations and links each one', () => {
    const view = organisationsTableView([hackney, barnet])
    expect(view.caption).toBe('2 organisations')
    expect(view.rows).toEqual([
      { gss: 'E09000012', name: 'Hackney', href: '/organisations/hackney', london: 'Inner' },
      { gss: 'E09000003', name: 'Barnet', href: '/organisations/barnet', london: 'Outer' },
    ])
  })
})

describe('organisationView', () => {
  it('links neighbours for central roles and lists partnerships in a sentence', () => {
    const view = organisationView(
      { organisation: hackney, neighbours: [barnet], partnerships: [{ name: 'A' }, { name: 'B' }] },
      'analyst',
    )
    expect(view.london).toBe('Inner London')
    expect(view.neighbours).toEqual([{ name: 'Barnet', href: '/organisations/barnet' }])
    expect(view.partnerships).toBe('A, B')
  })

  it('does not link neighbours a respondent may not see, and says when there is nothing', () => {
    const view = organisationView({ organisation: barnet, neighbours: [hackney], partnerships: [] }, 'respondent')
    expect(view.neighbours[0]?.href).toBeNull()
    expect(view.partnerships).toBe('None recorded')
    expect(organisationView({ organisation: barnet, neighbours: [], partnerships: [] }, 'admin').hasNeighbours).toBe(
      false,
    )
  })
})
