import { stringify } from 'csv-stringify/sync'
import { COMMENT_MARK, ESTATE_CSV_COLUMNS } from './csv-import'

/** One example row, commented out so it shows the formats without ever being imported. */
export const ESTATE_TEMPLATE_EXAMPLE: readonly string[] = [
  `${COMMENT_MARK} example: finance-erp`,
  'Ledger One',
  'Example Software Ltd',
  'saas',
  '2028-03-31',
  '500k-1m',
  'no',
  'Rows starting with # are ignored: add yours below',
]

/** The import template: the header and the example, with a byte-order mark so Excel reads it as UTF-8. */
export function estateImportTemplate(): string {
  return stringify([ESTATE_CSV_COLUMNS.map(c => c.header), [...ESTATE_TEMPLATE_EXAMPLE]], {
    bom: true,
    record_delimiter: 'windows',
  })
}
