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

type Element = 'p' | 'span' | 'strong' | 'ul' | 'li' | 'button'

/** One element around HTML already built from escaped parts; its classes (or attributes) are escaped too. */
export function element(tag: Element, content: Html, classes?: string | Readonly<Record<string, string>>): Html {
  const attributes = typeof classes === 'string' ? { class: classes } : (classes ?? {})
  const printed = Object.entries(attributes)
    .filter(([, value]) => value !== '')
    .map(([name, value]) => ` ${escape(name)}="${escape(value)}"`)
    .join('')
  return trusted(`<${tag}${printed}>${content}</${tag}>`)
}

/** A line break inside a cell or value, between two lines. */
export const lineBreak: Html = trusted('<br>')

/** "A, B and C", of pieces of HTML. */
export function listedHtml(items: readonly Html[]): Html {
  if (items.length <= 1) return joinHtml(items)
  return joinHtml([joinHtml(items.slice(0, -1), text(', ')), ...items.slice(-1)], text(' and '))
}

/** A status tag, rendered from the tag partial. */
export const tag = (params: { text: string; classes?: string }): Html => component('tag', params)

/**
 * A form holding one button that posts to `action` with the CSRF token every form carries, for a table
 * cell; the button is rendered from its partial.
 */
export function postForm(
  action: string,
  csrfToken: string,
  button: { text: string; hidden: string; classes: string },
): Html {
  const html = component('button', { html: withHiddenText(button.text, button.hidden), classes: button.classes })
  return trusted(
    `<form method="post" action="${escape(action)}">\n<input type="hidden" name="_csrf" value="${escape(csrfToken)}">\n${html}\n</form>`,
  )
}

/** A second, smaller line under a name (an email address, a description). */
export const secondaryLine = (value: string): Html =>
  joinHtml([lineBreak, element('span', text(value), 'govuk-body-s app-secondary-text')])
