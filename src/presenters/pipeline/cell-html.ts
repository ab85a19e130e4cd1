import { joinHtml, link, text, type Html } from '../html'
import { paths } from '../../paths'

/**
 * The shapes the GOV.UK table and summary list partials take, and the few pieces of markup the pipeline's
 * cells need beyond src/presenters/html.ts: a line break, a paragraph, a list, a span or strong with
 * classes. Every piece wraps HTML already built from escaped parts, so nothing here prints raw text.
 */
type Attributes = Record<string, string | number | boolean>

export type Content = { text: string } | { html: Html }

/** A column heading of the table partial. */
export type HeadCell = Content & { format?: 'numeric'; classes?: string; attributes?: Attributes }

/** A cell of the table partial; `header` makes it a row header (`th scope="row"`). */
export type Cell = Content & { header?: boolean; format?: 'numeric'; classes?: string; attributes?: Attributes }

/** A row of the table partial, when the row itself carries classes or attributes. */
export interface Row {
  classes?: string
  attributes?: Attributes
  cells: Cell[]
}

/** A row of the summary list partial, without actions. */
export interface SummaryRow {
  key: { text: string }
  value: Content
}

type Tag = 'p' | 'span' | 'strong' | 'ul' | 'li'

/** An element around HTML built from escaped parts; its classes are escaped too. */
export function element(tag: Tag, classes: string, content: Html): Html {
  const attribute = classes ? ` class="${text(classes)}"` : ''
  return `<${tag}${attribute}>${content}</${tag}>` as Html
}

export const lineBreak = '<br>' as Html

/** Each item as the text of an `<li>` in a `<ul>`. */
export const listOf = (items: readonly string[], classes: string): Html =>
  element('ul', classes, joinHtml(items.map(item => element('li', '', text(item)))))

/** "A, B and C", as `listed` words it, of pieces of HTML. */
export function listedHtml(items: readonly Html[]): Html {
  if (items.length <= 1) return joinHtml(items)
  return joinHtml([joinHtml(items.slice(0, -1), text(', ')), ...items.slice(-1)], text(' and '))
}

/** An authority's name, linked to its organisation page. */
export const authorityLink = (organisation: { name: string; slug: string }): Html =>
  link(paths.organisation(organisation.slug), organisation.name)

/** A cell heading its row, in the plain weight the service's tables use for row headers. */
export const rowHeader = (content: Content): Cell => ({ ...content, header: true, classes: 'app-table__row-header' })
