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
    expect(view.overall.score).toBe('2.80')
    expect(view.overall.london).toBe('Median 2.90, middle half from 2.20 to 3.75, across 6 submitted assessments')
    expect(view.scoreRows.map(r => [r.title, r.final.text, r.weak, r.total])).toEqual([
      ['Data', '2.00', true, false],
      ['Leadership and strategy', '3.00', false, false],
      ['Overall', '2.80', false, true],
    ])
    expect(view.scoreRows[0]!.london.map(c => c.text)).toEqual(['Withheld', 'Withheld', 'Withheld'])
    expect(view.strongest).toEqual(['Vision (Leadership): 3.50'])
    expect(view.status).toBe(
      'An assessor has not finished moderating this assessment, so the scores below are self-assessed.',
    )
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
          question('q3', 'Skills', 'Training'),
        ],
      }),
      viewer,
    )
    expect(view.dimensions.map(d => [d.title, d.themes.map(t => t.title)])).toEqual([
      ['Data', ['Quality', 'Sharing']],
      ['Skills', ['Training']],
    ])
    const [q1] = view.dimensions[0]!.themes[0]!.questions
    expect(q1).toMatchObject({
      self: '3',
      moderated: { level: '2', changed: true },
      final: '2',
      rationale: 'No strategy',
    })
    expect(view.dimensions[0]!.themes[1]!.questions[0]).toMatchObject({ self: 'N/A', final: '–', notApplicable: true })
    expect(view.noChange).toBe(
      'There is no earlier submitted assessment of Lambeth on this questionnaire to compare with.',
    )
  })
})
