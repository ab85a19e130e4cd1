import { component, text, withHiddenText, type Html } from '../html'
import type { Tag } from './rounds.presenter'

// The parameters the GOV.UK table and summary list partials take, typed, so a presenter of this area (and of
// account, whose token table is the same) builds them whole and the template only hands them on.

/** A column header of the GOV.UK table partial. */
export type TableHeadCell = ({ text: string } | { html: Html }) & { format?: 'numeric' }

/** A cell of the GOV.UK table partial; `header` makes it a row header (`th scope="row"`). */
export type TableCell = ({ text: string } | { html: Html }) & {
  header?: boolean
  classes?: string
  format?: 'numeric'
}

/** The head and rows of a GOV.UK table; its caption stays in the template. */
export interface Table {
  head: TableHeadCell[]
  rows: TableCell[][]
}

/** A row of the GOV.UK summary list partial. */
export interface SummaryListRow {
  key: { text: string } | { html: Html }
  value: { text: string } | { html: Html }
}

/** A row header that names the row, in the service's row-header style. */
export const rowHeader = (cell: { text: string } | { html: Html }): TableCell => ({
  ...cell,
  header: true,
  classes: 'app-table__row-header',
})

/** The header of a column of links or buttons: screen readers hear "Actions", nothing is shown. */
export const actionsHeader = (): TableHeadCell => ({ html: withHiddenText('', 'Actions') })

/** A status tag, rendered from the tag partial. */
export const tagHtml = (tag: Tag): Html => component('tag', tag)

// html.ts has no line break nor secondary text; these two are built the same way, from escaped text only.
const markup = (built: string): Html => built as Html

/** A line break inside a cell or value, between two lines of text. */
export const lineBreak = (): Html => markup('<br>')

/** A second, smaller line under a name (an email address, a description), on a line of its own. */
export const secondaryLine = (value: string): Html =>
  markup(`<br><span class="govuk-body-s app-secondary-text">${text(value)}</span>`)
