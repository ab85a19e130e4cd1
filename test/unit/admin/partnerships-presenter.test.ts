import { partnershipFormView, partnershipsView } from '../../../src/presenters/admin/partnerships.presenter'

describe('partnershipsView', () => {
  it('lists members in a sentence and links each partnership', () => {
    const view = partnershipsView([
      { id: 3, name: 'Shared ICT', description: '', members: [{ name: 'Brent' }, { name: 'Lewisham' }] },
    ])
    expect(view.hasPartnerships).toBe(true)
    expect(view.caption).toBe('1 partnerships')
    expect(view.rows[0]).toEqual({
      name: 'Shared ICT',
      description: '',
      members: 'Brent, Lewisham',
      href: '/admin/partnerships/3',
    })
  })

  it('says when there are none', () => {
    expect(partnershipsView([]).hasPartnerships).toBe(false)
  })
})

describe('partnershipFormView', () => {
  const organisations = [{ slug: 'brent', name: 'Brent' }]

  it('adds a new partnership with nothing to remove', () => {
    const view = partnershipFormView(organisations, undefined)
    expect(view.submitText).toBe('Add partnership')
    expect(view.deleteAction).toBeNull()
    expect(view.memberItems).toEqual([{ value: 'brent', text: 'Brent' }])
  })

  it('saves changes to one, and can remove it', () => {
    const view = partnershipFormView(organisations, { id: 3 })
    expect(view.submitText).toBe('Save changes')
    expect(view.deleteAction).toBe('/admin/partnerships/3/delete')
  })
})
