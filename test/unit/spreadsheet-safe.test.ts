import fc from 'fast-check'
import { FORMULA_TRIGGERS, neutralise, safeCell } from '../../src/domain/spreadsheet-safe'

describe('neutralising spreadsheet formulas', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
  ])('turns %j into text', (text, expected) => {
    expect(neutralise(text)).toBe(expected)
  })

  it.each(['Hackney', '', 'Cost: =£5', "'quoted already", '1+1', 'Évidence – “quoted”, with commas\nand lines'])(
    'leaves %j as it is',
    text => {
      expect(neutralise(text)).toBe(text)
    },
  )

  it('neutralises negative-number text but leaves real numbers and empty cells alone', () => {
    expect(safeCell('-5')).toBe("'-5")
    expect(safeCell(-5)).toBe(-5)
    expect(safeCell(2.5)).toBe(2.5)
    expect(safeCell(null)).toBeNull()
  })

  // Strings that start with a trigger are rare in arbitrary text, so half the cases are made to.
  const text = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.tuple(fc.constantFrom(...FORMULA_TRIGGERS), fc.string({ unit: 'binary' })).map(([t, rest]) => t + rest),
  )

  it('never leaves a string starting with a trigger, and keeps the text after the quote', () => {
    fc.assert(
      fc.property(text, s => {
        const safe = neutralise(s)
        expect(FORMULA_TRIGGERS.some(t => safe.startsWith(t))).toBe(false)
        expect([s, `'${s}`]).toContain(safe)
        expect(neutralise(safe)).toBe(safe)
      }),
    )
  })

  it('changes nothing that does not start with a trigger', () => {
    fc.assert(
      fc.property(text, s => {
        fc.pre(!FORMULA_TRIGGERS.some(t => s.startsWith(t)))
        expect(neutralise(s)).toBe(s)
      }),
    )
  })
})
