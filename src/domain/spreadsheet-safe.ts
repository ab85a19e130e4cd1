/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell whose text starts a formula is run by
 * Excel, LibreOffice or Google Sheets, so evidence typed by one borough could run in an analyst's
 * spreadsheet.
 */

/**
 * The signs that start a formula, with their full-width forms (which East Asian input methods type and
 * spreadsheets fold to the ASCII sign) and small forms.
 */
export const FORMULA_SIGNS: readonly string[] = ['=', '+', '-', '@', '＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '﹫']

/** OWASP's list: a cell starting with any of these is treated as text, whatever follows. */
export const FORMULA_TRIGGERS: readonly string[] = ['=', '+', '-', '@', '\t', '\r']

/**
 * What a spreadsheet may skip before it looks for a sign: Unicode white space (tab, line breaks, the
 * no-break and ideographic spaces), control characters (Cc) and invisible format characters (Cf: the
 * zero-width space and joiners, word joiner, byte-order mark, soft hyphen, bidi marks and isolates).
 */
const SKIPPED = /^[\p{White_Space}\p{Cc}\p{Cf}]*/u

/** True when a spreadsheet could read this text as a formula. */
export function runsAsFormula(text: string): boolean {
  if (FORMULA_TRIGGERS.some(trigger => text.startsWith(trigger))) return true
  const rest = text.replace(SKIPPED, '')
  return FORMULA_SIGNS.some(sign => rest.startsWith(sign))
}

/** What an export cell holds: text, a number, or nothing. */
export type CellValue = string | number | null

/**
 * Prefixes a leading single quote, which spreadsheets read as "this is text", to anything that could run;
 * the text after the quote is exactly what was given. Every string is treated alike, including text
 * that looks like a negative number ("-5"): only what we hold as a number is a number, and it is written
 * as one, so exempting number-like text would buy nothing and open a gap.
 */
export function neutralise(text: string): string {
  return runsAsFormula(text) ? `'${text}` : text
}

/** Strings are neutralised; numbers and empty cells are left alone, so they stay numbers. */
export function safeCell(value: CellValue): CellValue {
  return typeof value === 'string' ? neutralise(value) : value
}
