import { STATE_LABELS } from '../../domain/assessment/workflow'
import type { Distribution } from '../../domain/statistics'
import { paths } from '../../paths'
import type { BoroughReport, QuestionLine, ScoreLine } from '../../services/reports/report.service'
import { formatChange, formatCoverage, formatScore } from '../scores'
import type { Html } from '../html'
import { dimensionScoreSummary } from './score-summary'
import { headlineRows, QUESTION_HEAD, questionRows, scoreTable } from './borough-tables'
import type { Table, TableCell, TableRow } from '../govuk-params'
import { plural } from '../../domain/format/plurals'

/** A number cell: what a chart reads (`data-value`) and what a person reads. */
export interface NumberCell {
  value: string
  text: string
}

export interface ScoreRowView {
  title: string
  /** The overall line closes the table and is not charted. */
  total: boolean
  final: NumberCell
  weak: boolean
  self: string
  coverage: string
  london: NumberCell[]
}

export interface QuestionRowView {
  key: string
  prompt: string
  self: string
  carriedFrom: string | null
  moderated: { level: string; changed: boolean } | null
  final: string
  notApplicable: boolean
  next: { level: string; descriptor: string } | null
  rationale: string | null
}

/** One theme's questions, as the GOV.UK table partial takes them, captioned with the theme. */
export interface ThemeTableView {
  title: string
  rows: TableRow[]
}

/** A dimension's heading, then its themes' tables. */
export interface DimensionQuestionsView {
  title: string
  themes: ThemeTableView[]
}

export interface ChangeTableView {
  intro: string
  head: { text: string; format?: string }[]
  rows: { classes?: string; cells: { text: string; header?: boolean; classes?: string; format?: string }[] }[]
}

export interface BoroughReportView {
  backLink: string
  roundName: string
  /** Where the council's spend on digital is set against London's, when the questionnaire asks for it. */
  investmentHref: string | null
  organisationName: string
  /** Set when the assessment has not been handed in: its scores are provisional. */
  provisional: string | null
  /** Otherwise, whether the scores are moderated. */
  status: string
  /** The overall score, coverage and London's figures, as rows of the GOV.UK summary list. */
  headline: { key: { text: string }; value: { text: string } | { html: Html } }[]
  /** What the dimension chart shows, in words. */
  scoreSummary: string
  weakThreshold: string
  londonWithheldNote: string | null
  /** The scores by dimension, and the attributes the radar chart finds it by. */
  scores: Table<TableRow> & { attributes: Record<string, string>; caption: string }
  /** Null when not enough themes have a score. */
  strongest: string[] | null
  weakest: string[] | null
  noChange: string | null
  change: ChangeTableView | null
  questionHead: TableCell[]
  dimensions: DimensionQuestionsView[]
  downloads: { href: string; text: string }[]
}

const QUARTILES = ['lowerQuartile', 'median', 'upperQuartile'] as const

function londonCells(london: Distribution | null): NumberCell[] {
  return QUARTILES.map(q =>
    london ? { value: String(london[q]), text: formatScore(london[q]) } : { value: '', text: 'Withheld' },
  )
}

function scoreRow(line: ScoreLine, total: boolean, weakThreshold: number): ScoreRowView {
  return {
    title: line.title,
    total,
    final: { value: line.final === null ? '' : String(line.final), text: formatScore(line.final) },
    weak: line.final !== null && line.final < weakThreshold,
    self: formatScore(line.self),
    coverage: formatCoverage(line.coverage),
    london: londonCells(line.london),
  }
}

function status(r: BoroughReport): string {
  if (r.moderated)
    return 'This assessment has been moderated: the scores use the assessor’s level where they set one and the borough’s own level elsewhere.'
  const how = r.assessment.state === 'in_moderation' ? 'being moderated and may change' : 'self-assessed'
  return `An assessor has not finished moderating this assessment, so the scores below are ${how}.`
}

function overallLondon(r: BoroughReport): string {
  const london = r.overall.london
  if (r.london.shown && london)
    return `Median ${formatScore(london.median)}, middle half from ${formatScore(london.lowerQuartile)} to ${formatScore(london.upperQuartile)}, across ${r.london.count} submitted assessments`
  if (r.london.shown) return 'No organisation has a score in this round yet'
  return `Withheld: London’s figures are shown once at least ${r.london.minimum} organisations have submitted, so no one borough’s scores can be worked out (${r.london.count} so far)`
}

function changeTable(r: BoroughReport): ChangeTableView | null {
  if (!r.change) return null
  const { lines, previousRound, comparableQuestions } = r.change
  return {
    intro: `Compared with ${previousRound.name} on the ${plural(comparableQuestions, 'question')} asked the same way in both rounds. Questions that were added, split or removed are left out, so both columns may differ from the scores above.`,
    head: [
      { text: 'Dimension' },
      { text: previousRound.name, format: 'numeric' },
      { text: r.round.name, format: 'numeric' },
      { text: 'Change', format: 'numeric' },
    ],
    rows: lines.map((line, i) => ({
      classes: i === lines.length - 1 ? 'app-score-total' : undefined,
      cells: [
        { text: line.title, header: true, classes: 'app-table__row-header' },
        { text: formatScore(line.previous), format: 'numeric' },
        { text: formatScore(line.current), format: 'numeric' },
        { text: formatChange(line.change), format: 'numeric' },
      ],
    })),
  }
}

function questionRow(q: QuestionLine): QuestionRowView {
  return {
    key: q.key,
    prompt: q.prompt,
    self: q.notApplicable ? 'N/A' : String(q.selfLevel ?? 'Not answered'),
    carriedFrom: q.carriedFrom,
    moderated: q.moderated && { level: String(q.moderated.level), changed: q.moderated.level !== q.selfLevel },
    final: String(q.finalLevel ?? '–'),
    notApplicable: q.notApplicable,
    next: q.next && { level: String(q.next.level), descriptor: q.next.descriptor },
    rationale: q.moderated?.rationale || null,
  }
}

/** Questions grouped by dimension, then theme, in the order the report lists them: one table per theme. */
function questionGroups(questions: QuestionLine[]): DimensionQuestionsView[] {
  const dimensions: { title: string; themes: { title: string; questions: QuestionRowView[] }[] }[] = []
  for (const q of questions) {
    let dimension = dimensions.at(-1)
    if (dimension?.title !== q.dimensionTitle) dimensions.push((dimension = { title: q.dimensionTitle, themes: [] }))
    let theme = dimension.themes.at(-1)
    if (theme?.title !== q.themeTitle) dimension.themes.push((theme = { title: q.themeTitle, questions: [] }))
    theme.questions.push(questionRow(q))
  }
  return dimensions.map(d => ({
    title: d.title,
    themes: d.themes.map(t => ({ title: t.title, rows: questionRows(t.questions) })),
  }))
}

const themeLine = (t: { title: string; dimensionTitle: string; score: number | null }) =>
  `${t.title} (${t.dimensionTitle}): ${formatScore(t.score)}`

/** The borough report: every sentence, figure and link the page prints. */
export function boroughReportView(
  r: BoroughReport,
  viewer: { backLink: string; isCentral: boolean },
): BoroughReportView {
  const weak = r.overall.final !== null && r.overall.final < r.weakThreshold
  const name = r.organisation.name
  return {
    backLink: viewer.backLink,
    roundName: r.round.name,
    investmentHref: r.asksInvestment ? paths.investment(r.round.id) : null,
    organisationName: r.organisation.name,
    provisional: r.submitted
      ? null
      : `Provisional: this assessment is ${STATE_LABELS[r.assessment.state].toLowerCase()}. Its scores count in London’s figures once it is submitted.`,
    status: status(r),
    headline: headlineRows({
      score: formatScore(r.overall.final),
      weakTag: weak ? `Below ${r.weakThreshold}` : null,
      coverage: formatCoverage(r.overall.coverage),
      london: overallLondon(r),
    }),
    weakThreshold: String(r.weakThreshold),
    londonWithheldNote: r.london.shown
      ? null
      : `; they are withheld until ${r.london.minimum} organisations have submitted`,
    scoreSummary: dimensionScoreSummary(name, r.dimensions),
    scores: {
      attributes: { id: 'dimension-scores', 'data-chart': 'radar', 'data-chart-label': name },
      caption: `Scores by dimension for ${name}, with London’s distribution`,
      ...scoreTable([
        ...r.dimensions.map(d => scoreRow(d, false, r.weakThreshold)),
        scoreRow(r.overall, true, r.weakThreshold),
      ]),
    },
    strongest: r.themes.strongest.length === 0 ? null : r.themes.strongest.map(themeLine),
    weakest: r.themes.weakest.length === 0 ? null : r.themes.weakest.map(themeLine),
    noChange: r.change
      ? null
      : `There is no earlier submitted assessment of ${r.organisation.name} on this questionnaire to compare with.`,
    change: changeTable(r),
    questionHead: QUESTION_HEAD,
    dimensions: questionGroups(r.questions),
    downloads: [
      {
        href: paths.roundExportCsv(r.round.id),
        text: `${viewer.isCentral ? 'Every organisation’s answers in this round' : 'Your answers'} (CSV)`,
      },
      {
        href: paths.roundExportXlsx(r.round.id),
        text: `${viewer.isCentral ? 'Every organisation’s scores and answers in this round' : 'Your scores and answers'} (Excel workbook)`,
      },
    ],
  }
}
