import { component, element, joinHtml, secondaryLine, text, withHiddenText, type Html } from '../html'
import type { QuestionRowView, ScoreRowView } from './borough.presenter'
import type { Table, TableCell, TableRow } from '../govuk-params'

const numeric = (cell: TableCell): TableCell => ({ ...cell, format: 'numeric' })
const rowHeader = (value: string): TableCell => ({ text: value, header: true, classes: 'app-table__row-header' })

/** The headline facts as rows of the GOV.UK summary list: the overall score, large, tagged when weak. */
export function headlineRows(overall: { score: string; weakTag: string | null; coverage: string; london: string }) {
  const score: Html[] = [
    element('strong', text(overall.score), { class: 'govuk-!-font-size-36', 'data-testid': 'overall-score' }),
    text(' out of 5'),
  ]
  if (overall.weakTag) score.push(text(' '), component('tag', { text: overall.weakTag, classes: 'govuk-tag--orange' }))
  return [
    { key: { text: 'Overall score' }, value: { html: joinHtml(score) } },
    { key: { text: 'Questions answered' }, value: { text: `${overall.coverage} of the scored questions that apply` } },
    { key: { text: 'London' }, value: { text: overall.london } },
  ]
}

/**
 * The scores by dimension, each number with the `data-value` the radar chart reads; every row but the
 * overall one is charted.
 */
export function scoreTable(lines: ScoreRowView[]): Table<TableRow> {
  const series = (text: string, name?: string): TableCell =>
    numeric({ text, attributes: name ? { 'data-series': name } : undefined })
  return {
    head: [
      { text: 'Dimension' },
      series('Final score', 'organisation'),
      series('Self-assessed'),
      series('Answered'),
      series('London lower quartile', 'lower'),
      series('London median', 'median'),
      series('London upper quartile', 'upper'),
    ],
    rows: lines.map((line): TableRow => ({
      classes: line.total ? 'app-score-total' : undefined,
      attributes: line.total ? undefined : { 'data-chart-row': true },
      cells: [
        rowHeader(line.title),
        numeric({
          html: line.weak
            ? joinHtml([text(line.final.text), element('span', text('(weak)'), 'app-weak-marker')], text(' '))
            : text(line.final.text),
          attributes: { 'data-value': line.final.value },
        }),
        numeric({ text: line.self }),
        numeric({ text: line.coverage }),
        ...line.london.map(cell => numeric({ text: cell.text, attributes: { 'data-value': cell.value } })),
      ],
    })),
  }
}

export const QUESTION_HEAD: TableCell[] = [
  { text: 'Question', classes: 'app-report-questions__question' },
  numeric({ text: 'Borough’s level' }),
  numeric({ text: 'Assessor’s level' }),
  numeric({ text: 'Final level' }),
  { text: 'Suggested next step' },
]

/** What the next level up looks like, and the assessor's reason where they changed the level. */
function nextStep(q: QuestionRowView): Html {
  const step = q.notApplicable
    ? text('Does not apply')
    : !q.next
      ? text('Top level reached')
      : joinHtml([element('strong', text(`Level ${q.next.level}:`)), text(q.next.descriptor)], text(' '))
  if (!q.rationale) return step
  const reason = element(
    'p',
    text(`Assessor: ${q.rationale}`),
    'govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0',
  )
  return joinHtml([step, reason], text('\n'))
}

/** One theme's questions as rows: the levels, a changed moderated level said to a screen reader, the next step. */
export function questionRows(questions: QuestionRowView[]): TableRow[] {
  return questions.map(q => ({
    attributes: { 'data-question': q.key },
    cells: [
      rowHeader(q.prompt),
      numeric(
        q.carriedFrom
          ? { html: joinHtml([text(q.self), secondaryLine(`carried from ${q.carriedFrom}, not yet confirmed`)]) }
          : { text: q.self },
      ),
      numeric({
        html: !q.moderated
          ? text('–')
          : q.moderated.changed
            ? withHiddenText(q.moderated.level, '(changed)')
            : text(q.moderated.level),
      }),
      numeric({ text: q.final }),
      { html: nextStep(q) },
    ],
  }))
}
