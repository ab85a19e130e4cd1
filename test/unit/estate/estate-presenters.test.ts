import { estateFormErrors, postedEstateEntry } from '../../../src/presenters/estate/estate-form.presenter'
import { ratingsText, registersView, registerView } from '../../../src/presenters/estate/register.presenter'
import type { Organisation } from '../../../src/domain/organisation'

const camden = { id: 7, gss: 'E09000007', name: 'Camden', slug: 'camden' } as Organisation

describe('the estate form', () => {
  it('reads the date boxes as a calendar date, and no answer to sharing as none given', () => {
    const { raw } = postedEstateEntry({
      'contractEnd-day': '1',
      'contractEnd-month': '4',
      'contractEnd-year': '2028',
      shareable: '',
    })
    expect(raw).toMatchObject({ contractEnd: '2028-04-01', shareable: undefined })
    expect(postedEstateEntry({ shareable: 'no' }).raw).toMatchObject({ contractEnd: '', shareable: false })
  })

  it('lists problems in the form’s order, the date described as its boxes ask and linked to its day', () => {
    const errors = estateFormErrors(
      [
        { field: 'notes', message: 'Too long' },
        {
          field: 'contractEnd',
          message: 'The contract end date must be a real date written as YYYY-MM-DD, not “1/13/2028”',
        },
        { field: 'categoryKey', message: 'Select a category' },
      ],
      { contractEnd: '1/13/2028' },
    )
    expect(errors.summary).toEqual([
      { text: 'Select a category', href: '#categoryKey' },
      {
        text: 'Enter the contract end date as a real day, month and year, for example 31 3 2028',
        href: '#contractEnd-day',
      },
      { text: 'Too long', href: '#notes' },
    ])
  })
})

describe('the register pages', () => {
  it('tell a respondent with no systems what to do, and offer both ways to add them', () => {
    const view = registerView({ respondent: true, organisation: camden, slug: undefined, canWrite: true, entries: [] })
    expect(view.hasEntries).toBe(false)
    expect(view.emptyText).toMatch(/^No systems recorded yet\. Add each system you run/)
    expect([view.newHref, view.importHref]).toEqual(['/estate/entries/new', '/estate/import'])
  })

  it('carry the authority an admin acts for in the add and import links', () => {
    const view = registerView({ respondent: false, organisation: camden, slug: 'camden', canWrite: true, entries: [] })
    expect([view.newHref, view.importHref]).toEqual([
      '/estate/entries/new?organisation=camden',
      '/estate/import?organisation=camden',
    ])
  })

  it('count each authority’s systems for central roles', () => {
    const view = registersView([{ organisation: camden, count: 3 }], false)
    expect(view.caption).toBe('1 authority, 1 with systems recorded')
    expect(view.rows[0]?.[1]).toEqual({ text: '3', format: 'numeric' })
  })
})

describe('a register’s ratings column', () => {
  const rated = (doesNotMeet: number) => ({ summary: { doesNotMeet } })
  it('says a system is not rated yet, or against how many standards and how many points fail', () => {
    expect(ratingsText([])).toBe('Not rated yet')
    expect(ratingsText([rated(0)])).toBe('Against 1 standard')
    expect(ratingsText([rated(1), rated(0)])).toBe('Against 2 standards; 1 point does not meet')
    expect(ratingsText([rated(2), rated(1)])).toBe('Against 2 standards; 3 points do not meet')
  })
})
