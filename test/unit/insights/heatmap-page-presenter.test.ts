import { heatmapPageView } from '../../../src/presenters/insights/heatmap-page.presenter'
import type { Heatmap } from '../../../src/services/insights/insights.service'

const noErrors = { summary: [], fields: {} }

function heatmapOf(changes: Partial<Heatmap> = {}): Heatmap {
  const round = { id: 7, name: 'Spring 2026' }
  return {
    round,
    rounds: [round],
    definition: { weakThreshold: 2.5 },
    query: { level: 'dimension', basis: 'final', threshold: 2.5, order: 'name', minSize: 3, k: 4 },
    scope: { level: 'dimension', columns: [{ key: 'data', title: 'Data' }], parent: null, grandparent: null },
    partnership: undefined,
    partnerships: [{ id: 3, name: 'South London Partnership' }],
    rows: [],
    ...changes,
  } as unknown as Heatmap
}

describe('the heatmap page view', () => {
  it('says how to drill down from dimensions, and that nobody takes part', () => {
    const view = heatmapPageView(heatmapOf(), [], {}, noErrors)
    expect(view.drillHint).toBe('Select a dimension’s name at the top of its column to see its themes.')
    expect(view.hasRows).toBe(false)
    expect(view.noRows).toBe('No organisations take part in Spring 2026.')
    expect(view.form.drilled).toBe(false)
    expect(view.tableClasses).toBe('app-heatmap app-heatmap--dimension')
  })

  it('gives each question column the id of its prompt, and no drill-down hint', () => {
    const view = heatmapPageView(
      heatmapOf({
        scope: {
          level: 'question',
          columns: [{ key: 'data.governance.data-ownership', title: 'Who owns your data?' }],
          parent: { key: 'data.governance', title: 'Governance' },
          grandparent: { key: 'data', title: 'Data' },
        },
      }),
      [],
      {},
      noErrors,
    )
    expect(view.drillHint).toBeUndefined()
    expect(view.showQuestions).toBe(true)
    expect(view.form.drilled).toBe(true)
    expect(view.columns[0]).toMatchObject({ number: 'Q1', promptId: 'prompt-data_governance_data-ownership' })
  })

  it('hands the controls their items, hint, chosen partnership and messages', () => {
    const partnership = { id: 3, name: 'South London Partnership' }
    const errors = { summary: [], fields: { threshold: 'Weak threshold must be a number' } }
    const view = heatmapPageView(heatmapOf({ partnership } as Partial<Heatmap>), [], { threshold: 'x' }, errors)
    expect(view.controls.partnershipItems).toEqual([
      { value: '', text: 'All organisations' },
      { value: 3, text: 'South London Partnership', selected: true },
    ])
    expect(view.controls.thresholdHint).toBe('From 1 to 5 (questionnaire: 2.5)')
    expect(view.controls.errorMessages.threshold).toBe('Weak threshold must be a number')
    expect(view.form.threshold).toBe('x')
    expect(view.controls.radioGroups.map(g => g.items.map(i => i.text))).toEqual([
      ['Final (moderated)', 'Self-assessed'],
      ['Name', 'Overall score', 'Similarity'],
    ])
    expect(view.noRows).toBe('No organisations take part in Spring 2026 from this partnership.')
  })

  it('heads the legend with the threshold to two decimals', () => {
    const view = heatmapPageView(heatmapOf(), [], {}, noErrors)
    expect(view.legend.threshold).toBe('2.50')
    expect(view.legend.hasBelow).toBe(true)
    expect(view.legend.below.every(b => b.side === 'below')).toBe(true)
  })
})

describe('the heatmap table', () => {
  const row = {
    organisation: { gss: 'E09000007', name: 'Camden', slug: 'camden' },
    state: 'submitted',
    scored: true,
    moderated: true,
    overall: 2,
    cells: [{ score: 3 }],
  }
  const view = heatmapPageView(heatmapOf({ rows: [row] } as unknown as Partial<Heatmap>), [], {}, noErrors)

  it('heads each dimension with a link down to its themes, tied to its data key', () => {
    expect(view.table.head.map(h => h.text ?? h.html)).toEqual([
      'Organisation',
      'Status',
      'Overall',
      '<a class="govuk-link" href="/rounds/7/heatmap?level=theme&amp;parent=data">Data</a>',
    ])
    expect(view.table.head[3]).toMatchObject({ format: 'numeric', classes: 'app-heatmap__column' })
    expect(view.table.head[3]!.attributes).toMatchObject({ 'data-key': 'data' })
  })

  it('names each organisation by a link to its page, in a row header, and shades each score', () => {
    const [camden] = view.table.rows as { attributes: object; cells: { html?: string; text?: string }[] }[]
    expect(camden!.attributes).toEqual({ 'data-gss': 'E09000007' })
    expect(camden!.cells[0]).toMatchObject({
      html: '<a class="govuk-link" href="/organisations/camden">Camden</a>',
      header: true,
      classes: 'app-table__row-header app-heatmap__organisation',
    })
    expect(camden!.cells[1]).toEqual({ text: 'Moderated', classes: 'app-heatmap__status' })
    // Weak: the marker and the word are there for those who cannot see the frame.
    expect(camden!.cells[2]).toEqual({
      html: '<span class="app-heat__marker" aria-hidden="true">▼</span> 2.00<span class="govuk-visually-hidden"> (weak)</span>',
      classes: expect.stringMatching(/^app-heat app-heat--below-\d app-heat--weak$/),
    })
    expect(camden!.cells[3]).toMatchObject({
      html: '3.00',
      classes: expect.stringMatching(/^app-heat app-heat--above-\d$/),
    })
  })
})
