import type { Adjustments, CalibrationRow } from '../../../src/domain/calibration'
import { headingLines } from '../../../src/presenters/chart-axis'
import { calibrationGrid, shadeOf } from '../../../src/presenters/moderation/calibration-grid.presenter'

const adjusted = (mean: number | null, systematic = false): Adjustments => ({
  reviewed: 6,
  compared: mean === null ? 0 : 6,
  changed: mean === null ? 0 : 3,
  raised: mean !== null && mean > 0 ? 3 : 0,
  lowered: mean !== null && mean < 0 ? 3 : 0,
  meanAdjustment: mean,
  direction: mean === null ? null : mean > 0 ? 'raised' : mean < 0 ? 'lowered' : 'no net change',
  systematic,
})

const row = (name: string, all: number | null, data: number | null, flagged = false): CalibrationRow => ({
  id: 1,
  name,
  all: adjusted(all),
  dimensions: [{ key: 'data', ...adjusted(data, flagged) }],
})

/** WCAG's contrast ratio of black text on a fill. */
function contrastWithBlack(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  const l = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
  const black = 0.2126 * (11 / 255 / 12.92) * 1 + 0.7152 * (12 / 255 / 12.92) + 0.0722 * (12 / 255 / 12.92)
  return (l + 0.05) / (black + 0.05)
}

describe('calibration drawn as a grid', () => {
  const grid = calibrationGrid(
    'g',
    'By assessor',
    ['All dimensions', 'Data'],
    [row('Ada', 0.1, -0.2), row('Bo', -1.2, -2, true), row('Cy', null, null), row('Di', 0.6, 0.9)],
  )

  it('puts the largest overall adjustment first, either way, and nothing-to-compare last', () => {
    expect(grid.rows.map(r => r.label)).toEqual(['Bo', 'Di', 'Ada', 'Cy'])
  })

  it('prints every figure with its sign, stars and frames flagged cells, and dashes where there is nothing', () => {
    expect(grid.rows.map(r => r.cells.map(c => c.text))).toEqual([
      ['−1.20', '−2.00*'],
      ['+0.60', '+0.90'],
      ['+0.10', '−0.20'],
      ['–', '–'],
    ])
    expect(grid.rows[0]!.cells.map(c => c.flagged)).toEqual([false, true])
    expect(grid.rows[0]!.cells[1]!.title).toBe('Bo, Data: −2.00 lowered over 6 questions, flagged')
  })

  it('says in words what the picture shows', () => {
    expect(grid.summary).toBe(
      '4 rows, largest overall adjustment first. The largest is Bo: −1.20 lowered. 1 cell is flagged (starred).',
    )
  })

  it('shades raised orange and lowered blue, deeper for larger, and keeps black text readable on every shade', () => {
    const raised = shadeOf(1.5)
    const lowered = shadeOf(-1.5)
    expect(raised).toBe('#c07033')
    expect(lowered).toBe('#4a8dc6')
    expect(shadeOf(0)).toBe('#ffffff')
    expect(shadeOf(null)).toBe('#f3f2f1')
    // Past a level and a half the shade stops deepening.
    expect(shadeOf(4)).toBe(raised)
    expect(contrastWithBlack(shadeOf(0.5))).toBeGreaterThan(contrastWithBlack(shadeOf(1)))
    for (const mean of [-4, -1.5, -1, -0.5, 0.5, 1, 1.5, 4])
      expect(contrastWithBlack(shadeOf(mean))).toBeGreaterThan(4.5)
  })

  it('sizes the picture to its rows and columns', () => {
    const half = grid.cellWidth / 2
    expect(grid.columns.map(c => c.x)).toEqual([grid.labelWidth + half, grid.labelWidth + grid.cellWidth + half])
    expect(grid.rows[1]!.cells.map(c => c.textX)).toEqual(grid.columns.map(c => c.x))
    expect(grid.width).toBe(grid.labelWidth + 2 * grid.cellWidth)
    // Each box sits a pixel inside its slot, so the last row's box ends a pixel above the bottom.
    expect(grid.rows.at(-1)!.y + grid.box.height + 1).toBe(grid.height)
  })

  it('breaks a column heading into lines that fit, at most three', () => {
    expect(headingLines('Data')).toEqual(['Data'])
    expect(headingLines('Culture and skills')).toEqual(['Culture and', 'skills'])
    expect(headingLines('Service redesign and innovation')).toEqual(['Service', 'redesign and', 'innovation'])
    expect(headingLines('a b c d e f g h i j k l m n o p', 3)).toEqual(['a b', 'c d', 'e f g h i j k l m n o p'])
  })
})
