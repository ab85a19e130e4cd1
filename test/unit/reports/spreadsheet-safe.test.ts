import fc from 'fast-check'
import {
  FORMULA_SIGNS,
  FORMULA_TRIGGERS,
  neutralise,
  runsAsFormula,
  safeCell,
} from '../../../src/domain/spreadsheet-safe'

// What a spreadsheet skips before it decides a cell is a formula: spaces of every kind, line breaks,
// control characters and invisible format characters (zero-width, word joiner, byte-order mark, bidi marks).
const IGNORED = [
  ' ',
  '\n',
  '\u000b',
  '\u0000',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u2007',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u3000',
  '\u00ad',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202e',
  '\u2060',
  '\u2066',
  '\u2069',
  '\ufeff',
]

describe('neutralising spreadsheet formulas', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    // Finding 8 of issue 14: each of these got through when only the first character was looked at.
    [' =1+1', "' =1+1"],
    ['\n=1+1', "'\n=1+1"],
    ['\u00a0=1+1', "'\u00a0=1+1"],
    ['\u200b=1+1', "'\u200b=1+1"],
    ['\ufeff=1+1', "'\ufeff=1+1"],
    ['\u202e=1+1', "'\u202e=1+1"],
    [' \u200d\u00a0\t =cmd|"/c calc"!A1', `' \u200d\u00a0\t =cmd|"/c calc"!A1`],
    ['＝1+1', "'＝1+1"],
    ['＋1+1', "'＋1+1"],
    ['－2+3', "'－2+3"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    ['\u3000＝1+1', "'\u3000＝1+1"],
    ['\u00a0-5', "'\u00a0-5"],
  ])('turns %j into text', (text, expected) => {
    expect(neutralise(text)).toBe(expected)
  })

  it.each([
    'Hackney',
    '',
    ' ',
    '\u200b',
    'Cost: =£5',
    "'quoted already",
    "  '=1+1",
    '1+1',
    ' 1+1',
    'a=1',
    '\u200bHackney',
    'Évidence – “quoted”, with commas\nand lines',
  ])('leaves %j as it is', text => {
    expect(neutralise(text)).toBe(text)
  })

  it.each(IGNORED.flatMap(ignored => FORMULA_SIGNS.map(sign => [ignored, sign] as const)))(
    'neutralises a formula after %j and %j',
    (ignored, sign) => {
      const text = `${ignored}${ignored}${sign}1+1`
      expect(runsAsFormula(text)).toBe(true)
      expect(neutralise(text)).toBe(`'${text}`)
    },
  )

  it('neutralises negative-number text but leaves real numbers and empty cells alone', () => {
    expect(safeCell('-5')).toBe("'-5")
    expect(safeCell(' -5')).toBe("' -5")
    expect(safeCell(-5)).toBe(-5)
    expect(safeCell(2.5)).toBe(2.5)
    expect(safeCell(null)).toBeNull()
  })

  // Formulas are rare in arbitrary text, so most cases are made to hold one behind a run of characters
  // a spreadsheet skips.
  const ignored = fc.string({ unit: fc.constantFrom(...IGNORED), maxLength: 6 })
  const text = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc
      .tuple(ignored, fc.constantFrom(...FORMULA_SIGNS, ...FORMULA_TRIGGERS), fc.string({ unit: 'binary' }))
      .map(([lead, sign, rest]) => lead + sign + rest),
    fc.tuple(ignored, fc.string({ unit: 'binary' })).map(([lead, rest]) => lead + rest),
  )

  it('never leaves text a spreadsheet would run, and keeps the text after the quote', () => {
    fc.assert(
      fc.property(text, s => {
        const safe = neutralise(s)
        expect(runsAsFormula(safe)).toBe(false)
        expect(FORMULA_TRIGGERS.some(t => safe.startsWith(t))).toBe(false)
        expect([s, `'${s}`]).toContain(safe)
        expect(neutralise(safe)).toBe(safe)
      }),
    )
  })

  it('neutralises exactly what would run, whatever comes before the sign', () => {
    fc.assert(
      fc.property(text, s => {
        const skipped = s.replace(/^[\p{White_Space}\p{Cc}\p{Cf}]*/u, '')
        const wouldRun = FORMULA_TRIGGERS.some(t => s.startsWith(t)) || FORMULA_SIGNS.some(t => skipped.startsWith(t))
        expect(neutralise(s)).toBe(wouldRun ? `'${s}` : s)
      }),
    )
  })
})
