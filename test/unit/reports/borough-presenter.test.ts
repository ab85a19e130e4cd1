import { boroughReportView } from '../../../src/presenters/reports/borough.presenter'
import type { BoroughReport, QuestionLine, ScoreLine } from '../../../src/services/reports/report.service'

const line = (title: string, final: number | null, london: ScoreLine['london'] = null): ScoreLine => ({
  key: title.toLowerCase(),
  title,
  self: 3,
  final,
  coverage: 0.5,
  london,
})

const question = (key: string, dimensionTitle: string, themeTitle: string, extra: Partial<QuestionLine> = {}) => ({
  key,
  prompt: `Prompt ${key}`,
  themeTitle,
  dimensionTitle,
  selfLevel: 3,
  carriedFrom: null,
  notApplicable: false,
  moderated: null,
  finalLevel: 3,
  next: { level: 4, descriptor: 'Better' },
  ...extra,
})

const report = (overrides: Partial<BoroughReport> = {}): BoroughReport =>
  ({
    organisation: { id: 1, name: 'Lambeth' },
    round: { id: 7, name: '2026 assessment' },
    assessment: { id: 3, state: 'submitted' },
    submitted: true,
    moderated: false,
    weakThreshold: 2.5,
    overall: line('Overall', 2.8, { count: 6, lowerQuartile: 2.2, median: 2.9, upperQuartile: 3.75 }),
    dimensions: [line('Data', 2), line('Leadership and strategy', 3)],
    london: { shown: true, count: 6, minimum: 5 },
    themes: { strongest: [{ key: 'a', title: 'Vision', dimensionTitle: 'Leadership', score: 3.5 }], weakest: [] },
    change: null,
    questions: [],
    ...overrides,
  }) as BoroughReport

const viewer = { backLink: '/assessments/3', isCentral: false }

describe('borough report presenter', () => {
  it('writes the scores, the weak marks and London’s spread as the page prints them', () => {
    const view = boroughReportView(report(), viewer)
    expect(view.headline).toEqual([
      {
        key: { text: 'Overall score' },
        value: { html: '<strong class="govuk-!-font-size-36" data-testid="overall-score">2.80</strong> out of 5' },
      },
      { key: { text: 'Questions answered' }, value: { text: '50% of the scored questions that apply' } },
      {
        key: { text: 'London' },
        value: { text: 'Median 2.90, middle half from 2.20 to 3.75, across 6 submitted assessments' },
      },
    ])
    const { scores } = view
    expect(scores.attributes).toEqual({ id: 'dimension-scores', 'data-chart': 'radar', 'data-chart-label': 'Lambeth' })
    expect(scores.caption).toBe('Scores by dimension for Lambeth, with London’s distribution')
    expect(scores.head.filter(h => h.attributes).map(h => [h.text, h.attributes])).toEqual([
      ['Final score', { 'data-series': 'organisation' }],
      ['London lower quartile', { 'data-series': 'lower' }],
      ['London median', { 'data-series': 'median' }],
      ['London upper quartile', { 'data-series': 'upper' }],
    ])
    const rows = scores.rows as { classes?: string; attributes?: object; cells: { text?: string; html?: string }[] }[]
    // Every dimension is charted; the overall line closes the table in bold and is not.
    expect(rows.map(r => [r.cells[0]!.text, r.cells[1]!.html, r.classes, r.attributes])).toEqual([
      ['Data', '2.00 <span class="app-weak-marker">(weak)</span>', undefined, { 'data-chart-row': true }],
      ['Leadership and strategy', '3.00', undefined, { 'data-chart-row': true }],
      ['Overall', '2.80', 'app-score-total', undefined],
    ])
    expect(rows[0]!.cells[0]).toMatchObject({ header: true, classes: 'app-table__row-header' })
    expect(rows[0]!.cells[1]).toMatchObject({ format: 'numeric', attributes: { 'data-value': '2' } })
    expect(rows[0]!.cells.slice(4)).toEqual(
      Array(3).fill({ text: 'Withheld', format: 'numeric', attributes: { 'data-value': '' } }),
    )
    expect(view.strongest).toEqual(['Vision (Leadership): 3.50'])
    expect(view.status).toBe(
      'An assessor has not finished moderating this assessment, so the scores below are self-assessed.',
    )
  })

  it('tags a weak overall score with the tag partial', () => {
    const view = boroughReportView(report({ overall: line('Overall', 2) }), viewer)
    expect(view.headline[0]!.value).toEqual({
      html: '<strong class="govuk-!-font-size-36" data-testid="overall-score">2.00</strong> out of 5 <strong class="govuk-tag govuk-tag--orange">Below 2.5</strong>',
    })
  })

  it('says a draft is provisional and links the respondent to their own downloads', () => {
    const view = boroughReportView(
      report({ submitted: false, assessment: { state: 'in_progress' } } as Partial<BoroughReport>),
      viewer,
    )
    expect(view.provisional).toBe(
      'Provisional: this assessment is in progress. Its scores count in London’s figures once it is submitted.',
    )
    expect(view.downloads).toEqual([
      { href: '/rounds/7/export.csv', text: 'Your answers (CSV)' },
      { href: '/rounds/7/export.xlsx', text: 'Your scores and answers (Excel workbook)' },
    ])
  })

  it('groups questions by dimension and theme and marks a changed level', () => {
    const view = boroughReportView(
      report({
        questions: [
          question('q1', 'Data', 'Quality', { moderated: { level: 2, rationale: 'No strategy' }, finalLevel: 2 }),
          question('q2', 'Data', 'Sharing', { notApplicable: true, selfLevel: null, finalLevel: null, next: null }),
          question('q3', 'Skills', 'Training', { carriedFrom: 'London 2025' }),
        ],
      }),
      viewer,
    )
    expect(view.dimensions.map(d => [d.title, d.themes.map(t => t.title)])).toEqual([
      ['Data', ['Quality', 'Sharing']],
      ['Skills', ['Training']],
    ])
    expect(view.questionHead.map(h => h.text)).toEqual([
      'Question',
      'Borough’s level',
      'Assessor’s level',
      'Final level',
      'Suggested next step',
    ])
    type Row = { attributes: object; cells: { text?: string; html?: string; header?: boolean }[] }
    const [q1] = view.dimensions[0]!.themes[0]!.rows as Row[]
    expect(q1!.attributes).toEqual({ 'data-question': 'q1' })
    expect(q1!.cells.map(c => c.text ?? c.html)).toEqual([
      'Prompt q1',
      '3',
      '2<span class="govuk-visually-hidden"> (changed)</span>',
      '2',
      '<strong>Level 4:</strong> Better\n<p class="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">Assessor: No strategy</p>',
    ])
    expect(q1!.cells[0]!.header).toBe(true)
    const [q2] = view.dimensions[0]!.themes[1]!.rows as Row[]
    expect(q2!.cells.map(c => c.text ?? c.html)).toEqual(['Prompt q2', 'N/A', '–', '–', 'Does not apply'])
    const [q3] = view.dimensions[1]!.themes[0]!.rows as Row[]
    expect(q3!.cells[4]!.html).toBe('<strong>Level 4:</strong> Better')
    // A level carried from last round and not yet confirmed says so: it is last year's answer, not this year's.
    expect(q3!.cells[1]!.html).toBe(
      '3<br><span class="govuk-body-s app-secondary-text">carried from London 2025, not yet confirmed</span>',
    )
    expect(view.noChange).toBe(
      'There is no earlier submitted assessment of Lambeth on this questionnaire to compare with.',
    )
  })
})
