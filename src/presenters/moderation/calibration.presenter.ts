import {
  INCONSISTENT_MARGIN,
  MIN_COMPARED,
  SYSTEMATIC_MEAN,
  type Adjustments,
  type AssessorRow,
  type CalibrationRow,
} from '../../domain/calibration'
import { paths } from '../../paths'
import type { RoundCalibration } from '../../services/moderation/calibration.service'

/** One table cell: each line is words, so a flag never depends on colour alone. */
export interface CellView {
  lines: string[]
  flag?: string
}

export interface RowView {
  name: string
  cells: CellView[]
}

export interface AssessorRowView extends RowView {
  spread: string
  inconsistent: boolean
}

const MINUS = '\u2212'

/** +0.75, −0.67, 0.00: the sign is always written, so the direction reads without the word. */
export function signed(value: number): string {
  const fixed = Math.abs(value).toFixed(2)
  if (fixed === '0.00') return fixed
  return `${value > 0 ? '+' : MINUS}${fixed}`
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

const rowView = (r: CalibrationRow): RowView => ({ name: r.name, cells: [cell(r.all), ...r.dimensions.map(cell)] })

function assessorView(r: AssessorRow): AssessorRowView {
  const spread =
    r.spread === null
      ? 'No levels to compare'
      : r.othersSpread === null
        ? `${r.spread.toFixed(2)} (no other assessors to compare with)`
        : `${r.spread.toFixed(2)} (others ${r.othersSpread.toFixed(2)})`
  return { ...rowView(r), spread, inconsistent: r.inconsistent }
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
  headings: string[]
  organisations: RowView[]
  assessors: AssessorRowView[]
  /** How many assessments are left out because none of their questions is moderated; null when none. */
  awaiting: string | null
}

/** The calibration page: the round picker, the rule in words and the two tables. */
export function calibrationView(
  rounds: readonly { id: number; name: string }[],
  c: RoundCalibration | null,
): CalibrationView {
  const n = c?.awaitingModeration ?? 0
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
    headings: c ? ['All dimensions', ...c.dimensions.map(d => d.title)] : [],
    organisations: c ? c.organisations.map(rowView) : [],
    assessors: c ? c.assessors.map(assessorView) : [],
    awaiting:
      n > 0
        ? `${n} ${n === 1 ? 'assessment has' : 'assessments have'} no moderated questions yet and ${n === 1 ? 'is' : 'are'} not counted.`
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
