import { element, joinHtml, text, type Html } from '../html'

/** A GOV.UK list (`govuk-list`), one item per piece of HTML. */
export const govukList = (items: readonly Html[]): Html =>
  element('ul', joinHtml(items.map(item => element('li', item))), 'govuk-list')

/** An answer in words, with its evidence under it when there is some, as the check and read-only pages show it. */
export const answerWithEvidence = (answer: Html, evidence: string | null): Html =>
  evidence ? joinHtml([answer, element('p', text(`Evidence: ${evidence}`), 'govuk-body-s app-evidence-text')]) : answer
