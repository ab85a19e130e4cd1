import type { Adjustments, CalibrationRow } from '../../domain/calibration'
import { labelLines } from '../chart-axis'
import { signed } from './calibration-format'
import { plural } from '../../domain/format/plurals'

/**
 * Calibration as a picture: a row per organisation or assessor, a column per dimension, each cell shaded
 * by its mean adjustment on a diverging scale (blue lowered, orange raised) and printed with its figure,
 * so the shade is never the only signal. Rows are sorted by the size of their overall adjustment, so the
 * ones to look at come first; flagged cells are framed and starred.
 */
export interface GridCellView {
  x: number
  /** Where its figure is centred. */
  textX: number
  fill: string
  text: string
  flagged: boolean
  /** Said on hover and by screen readers that read SVG titles. */
  title: string
}

export interface GridRowView {
  y: number
  /** The baseline of the row's text. */
  textY: number
  label: string
  cells: GridCellView[]
}

export interface CalibrationGridView {
  id: string
  title: string
  summary: string
  width: number
  height: number
  cellWidth: number
  rowHeight: number
  labelWidth: number
  /** Where the row labels end, right-aligned. */
  labelX: number
  /** A cell's shaded box, a pixel inside its slot on each side so neighbouring frames never merge. */
  box: { width: number; height: number }
  /** Each heading's centre, and its lines with the drop from the one before. */
  columns: { x: number; lines: { text: string; dy: number }[] }[]
  rows: GridRowView[]
}

const LABEL_WIDTH = 210
const CELL_WIDTH = 84
const ROW_HEIGHT = 26
const HEAD_HEIGHT = 56
/** A mean adjustment of a level and a half, either way, takes the darkest shade. */
const FULL_SHADE = 1.5

const WHITE: RGB = [255, 255, 255]
const RAISED: RGB = [176, 76, 0]
const LOWERED: RGB = [29, 112, 184]

type RGB = [number, number, number]

const hex = (c: RGB) => `#${c.map(v => Math.round(v).toString(16).padStart(2, '0')).join('')}`

/**
 * The shade of one mean adjustment; grey where there is nothing to compare. The darkest shade stops at
 * four fifths of the way to the end colour, where black text still has a contrast above 5:1.
 */
export function shadeOf(mean: number | null): string {
  if (mean === null) return '#f3f2f1'
  const t = 0.8 * Math.min(Math.abs(mean) / FULL_SHADE, 1)
  const end = mean > 0 ? RAISED : LOWERED
  const mix = (from: number, to: number) => from + (to - from) * t
  return hex([mix(WHITE[0], end[0]), mix(WHITE[1], end[1]), mix(WHITE[2], end[2])])
}

const sizeOf = (r: CalibrationRow) => Math.abs(r.all.meanAdjustment ?? 0)

function cellOf(a: Adjustments, x: number, row: string, column: string): GridCellView {
  const fill = shadeOf(a.meanAdjustment)
  const figure = a.meanAdjustment === null ? '–' : signed(a.meanAdjustment)
  const said =
    a.meanAdjustment === null
      ? `${row}, ${column}: nothing to compare`
      : `${row}, ${column}: ${figure} ${a.direction ?? ''} over ${plural(a.compared, 'question')}${a.systematic ? ', flagged' : ''}`
  return {
    x,
    textX: x - 1 + CELL_WIDTH / 2,
    fill,
    text: a.systematic ? `${figure}*` : figure,
    flagged: a.systematic,
    title: said,
  }
}

export function calibrationGrid(
  id: string,
  title: string,
  headings: readonly string[],
  rows: readonly CalibrationRow[],
): CalibrationGridView {
  const sorted = [...rows].sort((a, b) => sizeOf(b) - sizeOf(a) || a.name.localeCompare(b.name, 'en-GB'))
  const flagged = rows.reduce((n, r) => n + [r.all, ...r.dimensions].filter(a => a.systematic).length, 0)
  const top = sorted[0]
  const largest = top?.all.meanAdjustment ?? 0
  const summary = [
    `${plural(rows.length, 'row')}, largest overall adjustment first.`,
    top && largest !== 0 ? `The largest is ${top.name}: ${signed(largest)} ${top.all.direction ?? ''}.` : '',
    flagged === 0 ? 'No cell is flagged.' : `${plural(flagged, 'cell is', 'cells are')} flagged (starred).`,
  ]
    .filter(Boolean)
    .join(' ')
  return {
    id,
    title,
    summary,
    width: LABEL_WIDTH + CELL_WIDTH * headings.length,
    height: HEAD_HEIGHT + ROW_HEIGHT * sorted.length,
    cellWidth: CELL_WIDTH,
    rowHeight: ROW_HEIGHT,
    labelWidth: LABEL_WIDTH,
    labelX: LABEL_WIDTH - 8,
    box: { width: CELL_WIDTH - 2, height: ROW_HEIGHT - 2 },
    columns: headings.map((h, i) => ({
      x: LABEL_WIDTH + CELL_WIDTH * i + CELL_WIDTH / 2,
      lines: labelLines(h, 12, 15),
    })),
    rows: sorted.map((r, i) => ({
      y: HEAD_HEIGHT + ROW_HEIGHT * i + 1,
      textY: HEAD_HEIGHT + ROW_HEIGHT * i + ROW_HEIGHT / 2 + 5,
      label: r.name,
      cells: [r.all, ...r.dimensions].map((a, c) =>
        cellOf(a, LABEL_WIDTH + CELL_WIDTH * c + 1, r.name, headings[c] ?? ''),
      ),
    })),
  }
}
