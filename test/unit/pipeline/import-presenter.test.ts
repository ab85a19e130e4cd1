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

  it('describes each column by its header in code, listing the values a list column takes', () => {
    const { head, rows } = importView(camden, undefined, options).columns
    expect(head).toEqual([{ text: 'Column' }, { text: 'What it holds' }])
    const columns = new Map(rows.map(([header, holds]) => [header && 'html' in header ? header.html : '', holds]))
    expect(rows[0]?.[0]).toMatchObject({ header: true, html: '<code>category</code>' })
    expect(columns.get('<code>category</code>')).toEqual({
      html: 'Required. One of the shared categories:<ul class="govuk-list govuk-body-s"><li>finance-erp (Finance and ERP)</li></ul>',
    })
    expect(columns.get('<code>maturity_area</code>')).toEqual({
      html: 'Optional. A dimension or theme key of the maturity questionnaire:<ul class="govuk-list govuk-body-s"><li>data (Data)</li><li>data.quality (Data quality)</li></ul>',
    })
    expect(columns.get('<code>status</code>')).toMatchObject({
      html: expect.stringContaining('<li>in_procurement (In procurement)</li>') as unknown,
    })
    expect(columns.get('<code>notes</code>')).toEqual({ html: 'Optional. 2,000 characters at most.' })
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
