/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell whose text starts with one of these
 * characters is run as a formula by Excel, LibreOffice or Google Sheets, so evidence typed by one borough
 * could run in an analyst's spreadsheet.
 */
export const FORMULA_TRIGGERS: readonly string[] = ['=', '+', '-', '@', '\t', '\r']

/** What an export cell holds: text, a number, or nothing. */
export type CellValue = string | number | null

/**
 * Prefixes a leading single quote, which spreadsheets read as "this is text". Every string is treated
 * alike, including text that looks like a negative number ("-5"): only what we hold as a number is a
 * number, and it is written as one, so exempting number-like text would buy nothing and open a gap.
 */
export function neutralise(text: string): string {
  return FORMULA_TRIGGERS.some(trigger => text.startsWith(trigger)) ? `'${text}` : text
}

/** Strings are neutralised; numbers and empty cells are left alone, so they stay numbers. */
export function safeCell(value: CellValue): CellValue {
  return typeof value === 'string' ? neutralise(value) : value
}
