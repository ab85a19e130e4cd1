import {
  INCONSISTENT_MARGIN,
  MIN_COMPARED,
  SYSTEMATIC_MEAN,
  type Adjustments,
  type AssessorRow,
  type CalibrationRow,
} from '../../domain/calibration'
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

export function calibrationView(c: RoundCalibration) {
  return {
    headings: ['All dimensions', ...c.dimensions.map(d => d.title)],
    organisations: c.organisations.map(rowView),
    assessors: c.assessors.map(assessorView),
    awaiting: c.awaitingModeration,
    rule: CALIBRATION_RULE,
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
