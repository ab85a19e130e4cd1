import { text, type Html } from '../html'

/**
 * A cell of the GOV.UK table partial (views/partials/govuk/table.ejs): plain `text`, or `html` built from
 * escaped parts. `header` makes it a row header (`th scope="row"`).
 */
export interface TableCell {
  text?: string
  html?: Html
  header?: boolean
  format?: 'numeric'
  classes?: string
  colspan?: number
  attributes?: Record<string, string | boolean | undefined>
}

/** A row: its cells, or its cells with classes and attributes of its own (a `data-gss`, say). */
export type TableRow = TableCell[] | { classes?: string; attributes?: TableCell['attributes']; cells: TableCell[] }

/** A table's column headers and rows, as the partial takes them. */
export interface TableView {
  head: TableCell[]
  rows: TableRow[]
}

/**
 * Text in an inline element with classes or attributes of its own (`<strong>`, `<span class="…">`), for
 * cells whose look or meaning rests on such an element. src/presenters/html.ts has no helper for one; like
 * those helpers, it escapes every part, so only it and they make `Html`.
 */
export function inline(name: 'span' | 'strong' | 'p', attributes: Record<string, string>, content: Html): Html {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${text(value)}"`)
    .join('')
  return `<${name}${attrs}>${content}</${name}>` as Html
}
