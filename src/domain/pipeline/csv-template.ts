import { stringify } from 'csv-stringify/sync'
import { COMMENT_MARK, CSV_COLUMNS } from './csv-import'

/** One example row, commented out so it shows the formats without ever being imported. */
export const TEMPLATE_EXAMPLE: readonly string[] = [
  `${COMMENT_MARK} example: finance-erp`,
  'Oracle E-Business Suite',
  'Oracle',
  '2028-03-31',
  '2027-04-01',
  'procure',
  '1m-5m',
  'planned',
  'foundations',
  'Rows starting with # are ignored: add yours below',
  'no',
]

/** The import template: the header and the example, with a byte-order mark so Excel reads it as UTF-8. */
export function importTemplate(): string {
  return stringify([CSV_COLUMNS.map(c => c.header), [...TEMPLATE_EXAMPLE]], { bom: true, record_delimiter: 'windows' })
}
