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

  it('heads each question column with its short name and its full prompt, and gives no drill-down hint', () => {
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
    expect(view.form.drilled).toBe(true)
    expect(view.columns[0]).toMatchObject({
      label: 'Data ownership',
      promptId: 'prompt-data_governance_data-ownership',
    })
    // A button, so the keyboard reaches it, described by the prompt it shows on hover and focus.
    expect(view.table.head[2]!.html).toBe(
      '<button type="button" class="app-heatmap__question" aria-describedby="prompt-data_governance_data-ownership">Data ownership</button>' +
        '<span id="prompt-data_governance_data-ownership" role="tooltip" class="app-heatmap__tooltip">Who owns your data?</span>',
    )
    // The score beside the names is the theme's, and says so.
    expect(view.table.head[1]!.text).toBe('Governance overall')
    expect(view.overallNote).toBe('“Governance overall” is each organisation’s score for Governance as a whole.')
    expect(view.controls.radioGroups[1]!.items[1]!.text).toBe('Governance overall')
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
    state: 'moderated',
    scored: true,
    moderated: true,
    overall: 2,
    parentScore: 2,
    cells: [{ score: 3 }],
  }
  const view = heatmapPageView(heatmapOf({ rows: [row] } as unknown as Partial<Heatmap>), [], {}, noErrors)

  it('heads each dimension with a link down to its themes, tied to its data key', () => {
    expect(view.table.head.map(h => h.text ?? h.html)).toEqual([
      'Organisation',
      'Overall',
      '<a class="govuk-link" href="/rounds/7/heatmap?level=theme&amp;parent=data">Data</a>',
    ])
    expect(view.table.head[2]).toMatchObject({ format: 'numeric', classes: 'app-heatmap__column' })
    expect(view.table.head[2]!.attributes).toMatchObject({ 'data-key': 'data' })
  })

  it('names each organisation by a link to its page, in a row header, and shades each score', () => {
    const [camden] = view.table.rows as { attributes: object; cells: { html?: string; text?: string }[] }[]
    expect(camden!.attributes).toEqual({ 'data-gss': 'E09000007' })
    expect(camden!.cells[0]).toMatchObject({
      html: '<a class="govuk-link" href="/organisations/camden">Camden</a>',
      header: true,
      classes: 'app-table__row-header app-heatmap__organisation',
    })
    // Weak: the marker and the word are there for those who cannot tell the colour.
    expect(camden!.cells[1]).toEqual({
      html: '<span class="app-heat__marker" aria-hidden="true">▼</span>2.00<span class="govuk-visually-hidden"> (weak)</span>',
      classes: expect.stringMatching(/^app-heat app-heat--below-\d app-heat--weak$/),
    })
    expect(camden!.cells[2]).toMatchObject({
      html: '3.00',
      classes: expect.stringMatching(/^app-heat app-heat--above-\d$/),
    })
  })
})

describe('the states of the assessments', () => {
  const rowOf = (name: string, state: string, scored = true) => ({
    organisation: { gss: `E0900${name}`, name, slug: name.toLowerCase() },
    state,
    scored,
    moderated: state === 'moderated',
    overall: scored ? 3 : null,
    parentScore: scored ? 3 : null,
    cells: [scored ? { score: 3 } : { score: null, reason: 'not_submitted' }],
  })
  const viewOf = (rows: unknown[]) =>
    heatmapPageView(heatmapOf({ rows } as unknown as Partial<Heatmap>), [], {}, noErrors)
  const cellsOf = (view: ReturnType<typeof viewOf>) =>
    (view.table.rows as { cells: { text?: string; colspan?: number }[] }[]).map(r => r.cells.slice(1).map(c => c.text))

  it('says once that every assessment is moderated, and has no Status column', () => {
    const view = viewOf([rowOf('Barnet', 'moderated'), rowOf('Camden', 'moderated'), rowOf('Ealing', 'moderated')])
    expect(view.states).toBe('All 3 assessments are moderated.')
    expect(view.table.head.map(h => h.text)).not.toContain('Status')
  })

  it('names the state only of the rows not in the usual one, and says a row not handed in once', () => {
    const view = viewOf([
      rowOf('Barnet', 'moderated'),
      rowOf('Camden', 'in_progress', false),
      rowOf('Ealing', 'moderated'),
      rowOf('Harrow', 'submitted'),
    ])
    expect(view.states).toBe('2 of 4 assessments are moderated; the Status column gives the state of the other 2.')
    expect(view.table.head[1]!.text).toBe('Status')
    expect(cellsOf(view).map(cells => cells[0])).toEqual(['', 'In progress', '', 'Submitted'])
    const camden = (view.table.rows[1] as { cells: { text?: string; colspan?: number }[] }).cells
    expect(camden.slice(2)).toEqual([{ text: 'Not submitted', colspan: 2, classes: 'app-heatmap__unscored' }])
  })
})

describe('the similarity tree beside the rows', () => {
  const rows = ['A', 'B', 'C'].map(name => ({
    organisation: { gss: `E0900${name}`, name, slug: name.toLowerCase() },
    state: 'moderated',
    scored: true,
    moderated: true,
    overall: 3,
    parentScore: 3,
    cells: [{ score: 3 }],
  }))
  const tree = {
    leaves: 3,
    merges: [
      { left: 1, right: 2, distance: 1, size: 2 },
      { left: 0, right: 3, distance: 2, size: 3 },
    ],
  }

  it('is drawn in one cell beside every row, hidden from screen readers, which read its first split in words', () => {
    const view = heatmapPageView(
      heatmapOf({ rows, tree, query: { ...heatmapOf().query, order: 'similarity' } } as unknown as Partial<Heatmap>),
      [],
      {},
      noErrors,
    )
    const first = (view.table.rows[0] as { cells: { rowspan?: number; html?: string; attributes?: object }[] }).cells
    const cell = first.at(-1)!
    expect(cell).toMatchObject({ rowspan: 3, attributes: { 'aria-hidden': 'true' } })
    expect(cell.html).toMatch(/^<svg class="app-heatmap-tree" viewBox="0 0 100 3"/)
    expect(view.table.head.at(-1)).toMatchObject({ attributes: { 'aria-hidden': 'true' } })
    expect(view.treeSummary).toContain('Its first split is between row 1 (A) and rows 2 to 3 (B to C).')
  })

  it('is not drawn in any other order', () => {
    const view = heatmapPageView(heatmapOf({ rows } as unknown as Partial<Heatmap>), [], {}, noErrors)
    expect(view.treeSummary).toBeUndefined()
    expect(view.table.head).toHaveLength(3)
  })
})
