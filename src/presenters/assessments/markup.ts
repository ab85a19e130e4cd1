import { joinHtml, text, type Html } from '../html'

/**
 * The view-model shapes of the GOV.UK table and summary list partials, and the few plain elements their
 * cells need beside the helpers in ../html (a paragraph under an answer, a list of links, a line break).
 * Shared by the assessments, moderation and organisations presenters.
 */

/** A cell of the table partial: text, or HTML built from escaped parts. */
export type TableCell = ({ text: string } | { html: Html }) & {
  /** A row header (`th scope="row"`) wherever it stands. */
  header?: boolean
  classes?: string
  format?: 'numeric'
}

export type TableRow = TableCell[] | { classes?: string; cells: TableCell[] }

export interface TableHeadCell {
  text: string
  format?: 'numeric'
}

/** A row of the summary list partial; `actions` gives "Change" links their hidden ending. */
export interface SummaryListRow {
  key: { text: string }
  value: ({ text: string } | { html: Html }) & { classes?: string }
  actions?: { items: { href: string; text: string; visuallyHiddenText: string }[] }
}

type Tag = 'p' | 'span' | 'strong' | 'ul' | 'li'

/** One element around HTML already built from escaped parts; its classes are escaped too. */
export function element(tag: Tag, content: Html, classes?: string): Html {
  const attribute = classes ? ` class="${text(classes)}"` : ''
  return `<${tag}${attribute}>${content}</${tag}>` as Html
}

export const lineBreak = '<br>' as Html

/** A GOV.UK list (`govuk-list`), one item per piece of HTML. */
export const govukList = (items: readonly Html[]): Html =>
  element('ul', joinHtml(items.map(item => element('li', item))), 'govuk-list')

/** An answer in words, with its evidence under it when there is some, as the check and read-only pages show it. */
export const answerWithEvidence = (answer: Html, evidence: string | null): Html =>
  evidence ? joinHtml([answer, element('p', text(`Evidence: ${evidence}`), 'govuk-body-s app-evidence-text')]) : answer
