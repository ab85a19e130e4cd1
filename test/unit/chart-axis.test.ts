import { columnCentres, labelLines, scoreAxis } from '../../src/presenters/chart-axis'

describe('the charts’ shared axis', () => {
  it('runs the score axis from 1 at the bottom to 5 at the top, a tick at each level', () => {
    const axis = scoreAxis(20, 220)
    expect(axis.ticks).toEqual([
      { score: 1, label: '1', y: 220 },
      { score: 2, label: '2', y: 170 },
      { score: 3, label: '3', y: 120 },
      { score: 4, label: '4', y: 70 },
      { score: 5, label: '5', y: 20 },
    ])
    expect(axis.y(2.5)).toBe(145)
    // Kept to a tenth of a unit.
    expect(axis.y(3.33)).toBe(103.5)
  })

  it('centres equal columns between two edges', () => {
    expect(columnCentres(0, 300, 3)).toEqual([50, 150, 250])
    expect(columnCentres(10, 110, 1)).toEqual([60])
    expect(columnCentres(0, 100, 0)).toEqual([])
  })

  it('breaks a label into lines with the drop of each', () => {
    expect(labelLines('2026 assessment', 13, 14)).toEqual([
      { text: '2026', dy: 0 },
      { text: 'assessment', dy: 14 },
    ])
    expect(labelLines('Data', 13, 14)).toEqual([{ text: 'Data', dy: 0 }])
  })
})
