import { paths } from '../../paths'
import { element, joinHtml, link, text, type Html } from '../html'

/** An authority's name, linked to its organisation page. */
export const authorityLink = (organisation: { name: string; slug: string }): Html =>
  link(paths.organisation(organisation.slug), organisation.name)

/** Each item as the text of an `<li>` in a `<ul>`. */
export const listOf = (items: readonly string[], classes: string): Html =>
  element('ul', joinHtml(items.map(item => element('li', text(item)))), classes)
