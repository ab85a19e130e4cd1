import {
  INCONSISTENT_MARGIN,
  MIN_COMPARED,
  SYSTEMATIC_MEAN,
  type Adjustments,
  type AssessorRow,
  type CalibrationRow,
} from '../../domain/calibration'
import { paths } from '../../paths'
import { signed } from './calibration-format'
import { calibrationGrid, type CalibrationGridView } from './calibration-grid.presenter'
import type { RoundCalibration } from '../../services/moderation/calibration.service'
import type { TableHeadCell, TableRow } from '../govuk-params'
import { component, element, type Html, joinHtml, link, text } from '../html'
import { noun, plural } from '../../domain/format/plurals'

/** One table cell: each line is words, so a flag never depends on colour alone. */
export interface CellView {
  lines: string[]
  flag?: string
}

/** One of the two tables: a row per organisation or assessor, a column per dimension. */
export interface CalibrationTableView {
  head: TableHeadCell[]
  rows: TableRow[]
}

export const CALIBRATION_RULE = {
  systematicMean: SYSTEMATIC_MEAN,
  minimumCompared: MIN_COMPARED,
  inconsistentMargin: INCONSISTENT_MARGIN,
}

export function cell(a: Adjustments): CellView {
  if (a.reviewed === 0) return { lines: ['Not moderated'] }
  if (a.meanAdjustment === null || a.direction === null) {
    return { lines: [`${a.reviewed.toString()} moderated, none with a self-assessed level`] }
  }
  return {
    lines: [
      `${a.changed.toString()} of ${a.compared.toString()} changed`,
      `${signed(a.meanAdjustment)} ${a.direction}`,
    ],
    ...(a.systematic ? { flag: a.direction === 'raised' ? 'Flagged: often raised' : 'Flagged: often lowered' } : {}),
  }
}

/** Each line on its own line, then the flag as a red tag. */
function cellHtml(c: CellView): Html {
  const lines = c.lines.map(line => element('span', text(line), 'govuk-!-display-block'))
  const flag = c.flag ? [component('tag', { text: c.flag, classes: 'govuk-tag--red' })] : []
  return joinHtml([...lines, ...flag])
}

const ROW_HEADER = 'app-table__row-header'

const cellsOf = (r: CalibrationRow) => [cell(r.all), ...r.dimensions.map(cell)].map(c => ({ html: cellHtml(c) }))

/** By organisation: each name links to the organisation's page. */
function organisationsTable(
  c: RoundCalibration,
  headings: string[],
  organisations: readonly { gss: string; slug: string }[],
): CalibrationTableView {
  const slugs = new Map(organisations.map(o => [o.gss, o.slug]))
  return {
    head: ['Organisation', ...headings].map(h => ({ text: h })),
    rows: c.organisations.map(r => {
      const slug = slugs.get(r.gss)
      const name = slug ? { html: link(paths.organisation(slug), r.name) } : { text: r.name }
      return [{ ...name, header: true, classes: ROW_HEADER }, ...cellsOf(r)]
    }),
  }
}

function spreadOf(r: AssessorRow): string {
  if (r.spread === null) return 'No levels to compare'
  if (r.othersSpread === null) return `${r.spread.toFixed(2)} (no other assessors to compare with)`
  return `${r.spread.toFixed(2)} (others ${r.othersSpread.toFixed(2)})`
}

/** By assessor, with each assessor's spread and whether it is flagged as inconsistent. */
function assessorsTable(c: RoundCalibration, headings: string[]): CalibrationTableView {
  return {
    head: ['Assessor', ...headings, 'Spread'].map(h => ({ text: h })),
    rows: c.assessors.map(r => [
      { text: r.name, header: true, classes: ROW_HEADER },
      ...cellsOf(r),
      { html: cellHtml({ lines: [spreadOf(r)], ...(r.inconsistent ? { flag: 'Flagged: inconsistent' } : {}) }) },
    ]),
  }
}

function grids(c: RoundCalibration, headings: string[]): CalibrationGridView[] {
  return [
    calibrationGrid('calibration-assessors', 'Mean adjustment by assessor', headings, c.assessors),
    calibrationGrid('calibration-organisations', 'Mean adjustment by organisation', headings, c.organisations),
  ]
}

export interface CalibrationView {
  /** The round shown; null when there are no rounds. */
  roundName: string | null
  filterAction: string
  /** The round picker's choices; null when there are no rounds. */
  roundPicker: { value: number | undefined; items: { value: number; text: string }[] } | null
  rule: { systematicMean: string; minimumCompared: string; inconsistentMargin: string }
  /** Said instead of the tables while nothing is moderated. */
  nothingModerated: string | null
  /** The dimension columns: all of them together, then each. */
  headings: string[]
  organisations: CalibrationTableView
  assessors: CalibrationTableView
  /** The same figures drawn, above their tables: assessors first, as they are who calibration is for. */
  grids: CalibrationGridView[]
  /** How many assessments are left out because none of their questions is moderated; null when none. */
  awaiting: string | null
}

/**
 * The calibration page: the round picker, the rule in words and the two tables. `organisations` gives the
 * slugs that link each organisation's row to its page.
 */
export function calibrationView(
  rounds: readonly { id: number; name: string }[],
  c: RoundCalibration | null,
  organisations: readonly { gss: string; slug: string }[],
): CalibrationView {
  const n = c?.awaitingModeration ?? 0
  const headings = c ? ['All dimensions', ...c.dimensions.map(d => d.title)] : []
  const none: CalibrationTableView = { head: [], rows: [] }
  return {
    roundName: c ? c.round.name : null,
    filterAction: paths.calibrations,
    roundPicker:
      rounds.length === 0 ? null : { value: c?.round.id, items: rounds.map(r => ({ value: r.id, text: r.name })) },
    rule: {
      systematicMean: CALIBRATION_RULE.systematicMean.toFixed(1),
      minimumCompared: String(CALIBRATION_RULE.minimumCompared),
      inconsistentMargin: CALIBRATION_RULE.inconsistentMargin.toFixed(1),
    },
    nothingModerated:
      c && c.organisations.length === 0
        ? `No assessments in ${c.round.name} have been moderated yet. The tables appear here once an assessor has moderated a question.`
        : null,
    headings,
    organisations: c ? organisationsTable(c, headings, organisations) : none,
    assessors: c ? assessorsTable(c, headings) : none,
    grids: c && c.organisations.length > 0 ? grids(c, headings) : [],
    awaiting:
      n > 0
        ? `${plural(n, 'assessment has', 'assessments have')} no moderated questions yet and ${noun(n, 'is', 'are')} not counted.`
        : null,
  }
}

/** The API's shape: plain numbers, GSS codes for authorities, and the rule it was judged by. */
export function calibrationJson(c: RoundCalibration) {
  return {
    round: c.round,
    dimensions: c.dimensions,
    rule: CALIBRATION_RULE,
    awaitingModeration: c.awaitingModeration,
    organisations: c.organisations.map(o => ({ gss: o.gss, name: o.name, all: o.all, dimensions: o.dimensions })),
    assessors: c.assessors.map(a => ({
      id: a.id,
      name: a.name,
      spread: a.spread,
      othersSpread: a.othersSpread,
      inconsistent: a.inconsistent,
      all: a.all,
      dimensions: a.dimensions,
    })),
  }
}
