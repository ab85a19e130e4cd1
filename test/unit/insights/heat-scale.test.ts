import { legendBands, shadeClass } from '../../../src/presenters/insights/heat-scale'

describe('the heatmap colour scale', () => {
  it.each([
    [1, 'app-heat--below-5'],
    [1.3, 'app-heat--below-4'],
    [2.19, 'app-heat--below-2'],
    [2.2, 'app-heat--below-1'],
    [2.49, 'app-heat--below-1'],
    [2.5, 'app-heat--above-1'],
    [3, 'app-heat--above-1'],
    [3.01, 'app-heat--above-2'],
    [4.6, 'app-heat--above-5'],
    [5, 'app-heat--above-5'],
  ])('puts %d in %s at the questionnaire threshold of 2.5', (score, expected) => {
    expect(shadeClass(score, 2.5)).toBe(expected)
  })

  it('gives no colour to a missing score', () => {
    expect(shadeClass(null, 2.5)).toBe('app-heat--none')
  })

  it('has no weak shades when the threshold is the bottom of the scale, and one shade above it at the top', () => {
    expect(shadeClass(1, 1)).toBe('app-heat--above-1')
    expect(legendBands(1).every(b => b.side === 'above')).toBe(true)
    expect(shadeClass(4.99, 5)).toBe('app-heat--below-1')
    expect(shadeClass(5, 5)).toBe('app-heat--above-1')
    expect(
      legendBands(5)
        .filter(b => b.side === 'above')
        .map(b => b.range),
    ).toEqual(['5.00'])
  })

  it('labels each legend band with the scores that get its shade', () => {
    const bands = legendBands(2.5)
    expect(bands.map(b => b.range)).toEqual([
      '1.00 to under 1.30',
      '1.30 to under 1.60',
      '1.60 to under 1.90',
      '1.90 to under 2.20',
      '2.20 to under 2.50',
      '2.50 to 3.00',
      'over 3.00 to 3.50',
      'over 3.50 to 4.00',
      'over 4.00 to 4.50',
      'over 4.50 to 5.00',
    ])
    // Both ends of every band's range fall in that band ("under" and "over" ends just inside it).
    for (const band of bands) {
      const [from, to] = band.range.match(/\d\.\d\d/g)!.map(Number)
      const low = band.range.startsWith('over') ? from! + 0.001 : from!
      const high = band.range.includes('under') ? to! - 0.001 : to!
      expect([shadeClass(low, 2.5), shadeClass(high, 2.5)]).toEqual([band.className, band.className])
    }
  })
})
