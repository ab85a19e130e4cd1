import { withHiddenText, type Html } from './html'

/**
 * The parameters of the GOV.UK table and summary list partials (views/partials/govuk), typed, so a
 * presenter builds them whole and the template only hands them on.
 */

type Attributes = Record<string, string | number | boolean | undefined>

/** Text, or HTML built from escaped parts with ./html. */
export type Content = { text: string; html?: never } | { html: Html; text?: never }

/** A column heading of the table partial. */
export type TableHeadCell = Content & {
  format?: 'numeric'
  classes?: string
  colspan?: number
  attributes?: Attributes
}

/** A cell of the table partial; `header` makes it a row header (`th scope="row"`) wherever it stands. */
export type TableCell = Content & {
  header?: boolean
  format?: 'numeric'
  classes?: string
  colspan?: number
  rowspan?: number
  attributes?: Attributes
}

/** A row of the table partial that carries classes or attributes of its own. */
export interface RowWithCells {
  classes?: string
  attributes?: Attributes
  cells: TableCell[]
}

/** A row of the table partial: its cells, or its cells with classes or attributes on the row itself. */
export type TableRow = TableCell[] | RowWithCells

/** The head and rows of a table; its caption is the page's. Rows are plain lists of cells unless said. */
export interface Table<Row extends TableRow = TableCell[]> {
  head: TableHeadCell[]
  rows: Row[]
}

/** A row of the summary list partial; `actions` gives "Change" links their hidden ending. */
export interface SummaryListRow {
  key: Content
  value: Content & { classes?: string }
  actions?: { items: { href: string; text: string; visuallyHiddenText: string }[] }
}

/** A cell naming its row, in the plain weight the service's tables use for row headers. */
export const rowHeader = (content: Content): TableCell => ({
  ...content,
  header: true,
  classes: 'app-table__row-header',
})

/** The header of a column of links or buttons: screen readers hear "Actions", nothing is shown. */
export const actionsHeader = (): TableHeadCell => ({ html: withHiddenText('', 'Actions') })
