import { readFileSync } from 'node:fs'
import path from 'node:path'
import ejs from 'ejs'
import { PROJECT_ROOT } from '../project-root'

/**
 * HTML a presenter built from escaped parts, for the `html` parameter of a GOV.UK partial (a table cell
 * holding a link, a summary list value holding a tag). Only the functions here make one, so the type
 * checker refuses a plain string where markup will be printed unescaped.
 */
export type Html = string & { readonly __html: unique symbol }

const VIEWS = path.join(PROJECT_ROOT, 'views')
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' }

const escape = (text: string | number): string => String(text).replace(/[&<>"']/g, c => ENTITIES[c] ?? c)
const trusted = (markup: string): Html => markup as Html

/** Plain text, escaped. */
export const text = (value: string | number): Html => trusted(escape(value))

/** Pieces of HTML one after another, with an optional separator between them. */
export const joinHtml = (parts: readonly Html[], separator: Html = trusted('')): Html => trusted(parts.join(separator))

/** A GOV.UK link; `hidden` is read only by screen readers ("Change <hidden>"). */
export function link(href: string, label: string, hidden?: string): Html {
  const more = hidden ? `<span class="govuk-visually-hidden"> ${escape(hidden)}</span>` : ''
  return trusted(`<a class="govuk-link" href="${escape(href)}">${escape(label)}${more}</a>`)
}

/** Text in `<code>`, for names and keys a user types or copies. */
export const code = (value: string): Html => trusted(`<code>${escape(value)}</code>`)

/** Text with a visually hidden ending, for a cell whose meaning a screen reader needs spelt out. */
export const withHiddenText = (value: string, hidden: string): Html =>
  trusted(`${escape(value)}<span class="govuk-visually-hidden"> ${escape(hidden)}</span>`)

const compiled = new Map<string, ejs.TemplateFunction>()

/**
 * One of views/partials/govuk rendered to a string, for a cell or value that holds a component (a tag in
 * a table, say): the partial stays the only copy of the component's markup. Each is compiled once.
 */
export function component(name: 'tag' | 'button' | 'details' | 'inset-text', params: object): Html {
  let render = compiled.get(name)
  if (!render) {
    const filename = path.join(VIEWS, 'partials', 'govuk', `${name}.ejs`)
    render = ejs.compile(readFileSync(filename, 'utf8'), { filename, root: VIEWS, views: [VIEWS], cache: true })
    compiled.set(name, render)
  }
  return trusted(render({ params }).trim())
}
