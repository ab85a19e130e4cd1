import { importView } from '../../../src/presenters/pipeline/import.presenter'
import { prioritiesView } from '../../../src/presenters/pipeline/priorities.presenter'
import type { Organisation } from '../../../src/domain/organisation'

const camden = { id: 1, name: 'Camden', slug: 'camden' } as Organisation
const options = {
  categories: [{ key: 'finance-erp', name: 'Finance and ERP', addresses: null }],
  dimensions: [{ key: 'data', title: 'Data', themes: [{ key: 'data.quality', title: 'Data quality' }] }],
}

describe('the import view', () => {
  it('links the template and the way back for the organisation a central role acts for', () => {
    const view = importView(camden, 'camden', options)
    expect(view.templateHref).toBe('/pipeline/import/template.csv?organisation=camden')
    expect(view.backHref).toBe('/pipeline?organisation=camden')
    expect(view.maxRows).toBe(500)
  })

  it('describes each column, listing the values a list column takes', () => {
    const columns = new Map(importView(camden, undefined, options).columns.map(c => [c.header, c]))
    expect(columns.get('category')?.allowed).toEqual(['finance-erp (Finance and ERP)'])
    expect(columns.get('maturity_area')?.allowed).toEqual(['data (Data)', 'data.quality (Data quality)'])
    expect(columns.get('status')?.allowed).toContain('in_procurement (In procurement)')
    expect(columns.get('notes')).toMatchObject({ text: 'Optional. 2,000 characters at most.', hasAllowed: false })
  })
})

describe('the priorities view', () => {
  it('offers one select a rank, the first marked most important, each keeping its choice', () => {
    const view = prioritiesView(
      camden,
      undefined,
      [{ key: 'services.housing', title: 'Housing' }],
      ['services.housing', '', ''],
    )
    expect(view.most).toBe(view.selects.length)
    expect(view.selects[0]).toMatchObject({
      name: 'priority1',
      label: 'Priority 1 (most important)',
      value: 'services.housing',
    })
    expect(view.selects[1]?.label).toBe('Priority 2')
    expect(view.selects[0]?.items).toEqual([
      { value: '', text: 'None' },
      { value: 'services.housing', text: 'Housing' },
    ])
  })
})
