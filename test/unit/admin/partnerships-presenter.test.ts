import { partnershipFormView, partnershipsView } from '../../../src/presenters/admin/partnerships.presenter'
import { hrefIn, shown, spoken } from './cells'

describe('partnershipsView', () => {
  it('lists members in a sentence and links each partnership', () => {
    const view = partnershipsView([
      { id: 3, name: 'Shared ICT', description: '', members: [{ name: 'Brent' }, { name: 'Lewisham' }] },
    ])
    expect(view.hasPartnerships).toBe(true)
    expect(view.caption).toBe('1 partnership')
    expect(view.table.head.map(spoken)).toEqual(['Name', 'Members', 'Actions'])
    const row = view.table.rows[0]!
    expect(row.map(shown)).toEqual(['Shared ICT', 'Brent, Lewisham', 'Change'])
    expect(row[0]).toMatchObject({ header: true, classes: 'app-table__row-header' })
    expect(hrefIn(row[2])).toBe('/admin/partnerships/3')
    expect(spoken(row[2])).toBe('Change Shared ICT')
  })

  it('shows a description under the name, in the secondary style', () => {
    const [row] = partnershipsView([{ id: 4, name: 'South <Waste>', description: 'Bins & more', members: [] }]).table
      .rows
    expect(shown(row?.[0])).toBe('South <Waste>\nBins & more')
    expect(row?.[0]).toMatchObject({
      html: 'South &lt;Waste&gt;<br><span class="govuk-body-s app-secondary-text">Bins &amp; more</span>',
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
