import { stringify } from 'csv-stringify/sync'
import { Workbook } from 'exceljs'
import type { Table } from '../../domain/export-rows'
import { safeCell, type CellValue } from '../../domain/spreadsheet-safe'

const allRows = (table: Table): CellValue[][] => [table.headers, ...table.rows]

/**
 * RFC 4180 CSV with a byte-order mark, without which Excel reads UTF-8 as the local code page and
 * mangles the £ signs, dashes and curly quotes people type in evidence. Line breaks inside a cell are always quoted: with CRLF records
 * csv-stringify would otherwise leave a lone LF bare, and a spreadsheet would split the row there.
 */
export function toCsv(table: Table): Buffer {
  return Buffer.from(
    stringify(
      allRows(table).map(row => row.map(safeCell)),
      { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ },
    ),
  )
}

/**
 * A line break inside an Excel cell is a bare LF, and XML reading turns CR LF into LF anyway, so line
 * ends are made LF here on purpose rather than by accident.
 */
const excelLineEnds = (cell: CellValue): CellValue => (typeof cell === 'string' ? cell.replace(/\r\n?/g, '\n') : cell)

/**
 * A workbook of named sheets, each with a bold, frozen header row, numbers as numbers. Text is not
 * neutralised here: every string is stored as a string cell, which a spreadsheet shows as text and never
 * runs, so a prefixed quote would only change what the borough typed (exceljs writes a formula only when
 * given `{ formula }`, which we never do).
 */
export async function toXlsx(sheets: Record<string, Table>, created: Date): Promise<Buffer> {
  const workbook = new Workbook()
  workbook.creator = 'London Digital Maturity'
  workbook.created = created
  workbook.modified = created
  for (const [name, table] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.addRows(allRows(table).map(row => row.map(excelLineEnds)))
    sheet.getRow(1).font = { bold: true }
    table.headers.forEach((header, i) => {
      sheet.getColumn(i + 1).width = Math.min(60, Math.max(12, header.length + 2))
    })
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
