import { entryFormView, type EntryFormData } from '../../../src/presenters/pipeline/entry-form.presenter'
import { deleteEntryView, entryPageView } from '../../../src/presenters/pipeline/entry.presenter'
import { formValuesOf } from '../../../src/presenters/pipeline/pipeline.presenter'
import type { Organisation } from '../../../src/domain/organisation'
import type { EntryView } from '../../../src/services/pipeline/pipeline.service'

const camden = { id: 1, name: 'Camden', slug: 'camden' } as Organisation
const options = {
  categories: [{ key: 'finance-erp', name: 'Finance and ERP', addresses: null }],
  dimensions: [{ key: 'data', title: 'Data', themes: [{ key: 'data.quality', title: 'Data quality' }] }],
}
const data = (change: Partial<EntryFormData> = {}): EntryFormData => ({
  organisation: camden,
  slug: undefined,
  values: formValuesOf(),
  options,
  ...change,
})

describe('the entry form view', () => {
  it('adds an entry: posts to the new entry address with no revision', () => {
    const view = entryFormView(data())
    expect(view).toMatchObject({
      action: '/pipeline/entries/new',
      revision: null,
      buttonText: 'Add entry',
      backHref: '/pipeline',
    })
    expect(view.conflict).toBeNull()
  })

  it('changes an entry for a central role: posts to the entry, keeps its revision and the organisation', () => {
    const view = entryFormView(data({ slug: 'camden', entry: { id: 4, revision: 3 } }))
    expect(view).toMatchObject({
      action: '/pipeline/entries/4',
      revision: 3,
      buttonText: 'Save changes',
      slug: 'camden',
    })
    expect(view.backHref).toBe('/pipeline?organisation=camden')
  })

  it('offers the categories, and the maturity areas grouped by dimension', () => {
    const view = entryFormView(data())
    expect(view.categories).toEqual([
      { value: '', text: 'Choose a category' },
      { value: 'finance-erp', text: 'Finance and ERP' },
    ])
    expect(view.areas[1]).toEqual({
      label: 'Data',
      items: [
        { value: 'data', text: 'Data: the whole dimension' },
        { value: 'data.quality', text: 'Data quality' },
      ],
    })
    expect(view.statuses.map(s => s.text)).toContain('In procurement')
  })

  it('says when someone else saved the entry, in London time', () => {
    const at = new Date('2026-07-01T09:05:00Z')
    const view = entryFormView(
      data({ entry: { id: 4, revision: 3 }, conflict: { at, rows: [{ key: 'Status', value: 'Planned' }] } }),
    )
    expect(view.conflict).toEqual({
      at: '1 July 2026 at 10:05am',
      rows: [{ key: { text: 'Status' }, value: { text: 'Planned' } }],
    })
  })
})

describe('the entry and delete views', () => {
  const entry = { id: 4, revision: 2, organisation: camden, updatedAt: new Date('2026-01-15T14:30:00Z') } as EntryView

  it('shows an entry with when it last changed', () => {
    const view = entryPageView(entry, 'Finance and ERP', [])
    expect(view).toMatchObject({
      heading: 'Finance and ERP',
      caption: 'Camden',
      backHref: '/pipeline?organisation=camden',
    })
    expect(view.updatedAt).toBe('15 January 2026 at 2:30pm')
  })

  it('deletes the entry at its revision', () => {
    expect(deleteEntryView(entry, undefined, [])).toMatchObject({
      action: '/pipeline/entries/4/delete',
      revision: 2,
      backHref: '/pipeline',
    })
  })
})
