import { parse } from 'csv-parse/sync'
import { Workbook, ValueType } from 'exceljs'
import fc from 'fast-check'
import { FORMULA_SIGNS, runsAsFormula } from '../../../src/domain/spreadsheet-safe'
import { toCsv, toXlsx } from '../../../src/services/reports/export-formats'

// Finding 8 of issue 14: what a borough types comes back as typed, and never runs.
const HOSTILE = [
  '=1+1',
  ' =1+1',
  '\n=1+1',
  '\u00a0=1+1',
  '\u200b=1+1',
  '\ufeff@SUM(A1)',
  '＝HYPERLINK("http://evil","x")',
  '＋1',
  '－2+3',
  '＠SUM(A1)',
  '-5',
]

/** Read back as a spreadsheet reads it. */
async function readWorkbook(cells: string[]): Promise<{ value: unknown; type: ValueType; formula: unknown }[]> {
  const body = await toXlsx({ Evidence: { headers: ['Evidence'], rows: cells.map(c => [c]) } }, new Date(0))
  const book = new Workbook()
  await book.xlsx.load(body as unknown as ArrayBuffer)
  const read: { value: unknown; type: ValueType; formula: unknown }[] = []
  book.getWorksheet('Evidence')!.eachRow((row, n) => {
    const cell = row.getCell(1)
    if (n > 1) read.push({ value: cell.value, type: cell.type, formula: cell.formula })
  })
  return read
}

function readCsv(cells: string[]): string[] {
  const rows: string[][] = parse(toCsv({ headers: ['Evidence'], rows: cells.map(c => [c]) }), { bom: true })
  return rows.slice(1).map(row => row[0]!)
}

// XML 1.0 cannot hold most C0 controls, lone surrogates or U+FFFE/U+FFFF, so a workbook cannot either;
// a line break inside a workbook cell is LF alone.
const xmlText = (s: string) =>
  // eslint-disable-next-line no-control-regex -- these are exactly the characters XML cannot hold
  !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/.test(s) &&
  !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s)
const asInExcel = (s: string) => s.replace(/\r\n?/g, '\n')

const text = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc
    .tuple(
      fc.string({ unit: fc.constantFrom(' ', '\n', '\t', '\u00a0', '\u200b', '\u2060', '\ufeff', '\u202e', '\u3000') }),
      fc.constantFrom(...FORMULA_SIGNS),
      fc.string({ unit: 'grapheme' }),
    )
    .map(([lead, sign, rest]) => lead + sign + rest),
)

describe('a workbook holds what was typed, as text', () => {
  it('reads back every hostile cell exactly as typed, as a string and never a formula', async () => {
    const read = await readWorkbook(HOSTILE)
    expect(read).toEqual(HOSTILE.map(value => ({ value, type: ValueType.String, formula: undefined })))
  })

  it('round-trips any text a workbook cell can hold', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(text.filter(xmlText), { minLength: 1, maxLength: 8 }), async cells => {
        const read = await readWorkbook(cells)
        expect(read.map(r => r.value)).toEqual(cells.map(asInExcel))
        expect(read.every(r => r.type === ValueType.String && r.formula === undefined)).toBe(true)
      }),
      { numRuns: 30 },
    )
  })
})

describe('a CSV marks formulas with a leading quote', () => {
  it('reads back a hostile cell as a quote and the text typed', () => {
    expect(readCsv(HOSTILE)).toEqual(HOSTILE.map(h => `'${h}`))
  })

  it('reads back any text as typed, behind a quote exactly when it could run', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), cells => {
        expect(readCsv(cells)).toEqual(cells.map(c => (runsAsFormula(c) ? `'${c}` : c)))
      }),
    )
  })
})
