import type { Table, TableHeadCell } from '../govuk-params'

/** A table with its caption, or the sentence said instead when it would be empty. */
export interface HubTable extends Table {
  caption: string
  empty: string | null
}

export const hubTable = (caption: string, head: TableHeadCell[], rows: Table['rows'], empty: string): HubTable => ({
  caption,
  head,
  rows,
  empty: rows.length === 0 ? empty : null,
})
