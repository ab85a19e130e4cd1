import { unlistedProblems, type DefinitionError, type Unlisted } from '../../domain/questionnaire/validation-result'
import { paths } from '../../paths'
import type { FormErrors } from '../form-errors'
import { code, element, joinHtml, lineBreak, text, type Html } from '../html'

/** Where the list of problems is: the error summary links to it, as every problem is in the one field. */
export const PROBLEMS_ID = 'definition-problems'

export interface DefinitionProblems {
  id: string
  /** "3 problems with this definition". */
  heading: string
  /** Each problem in plain words, with its JSON pointer on a second, smaller line. */
  items: Html[]
  /** What the list leaves out, when it leaves anything out. */
  more: string | undefined
}

export interface UploadRefusal {
  errors: FormErrors
  problems: DefinitionProblems
}

const problem = (e: DefinitionError): Html =>
  e.pointer === ''
    ? text(e.message)
    : joinHtml([
        text(e.message),
        lineBreak,
        element('span', joinHtml([text('JSON pointer: '), code(e.pointer)]), 'govuk-body-s app-secondary-text'),
      ])

/**
 * A definition that was not stored: one line in the error summary, leading to every problem listed beside
 * the upload, and the field it came from (the file, or the pasted text) marked.
 */
export function uploadRefusal(
  errors: readonly DefinitionError[],
  source: 'definitionFile' | 'definition',
  unlisted?: Unlisted,
): UploadRefusal {
  const total = errors.length + (unlisted?.count ?? 0)
  const heading = `${unlisted?.checkingStopped ? 'At least ' : ''}${total.toLocaleString('en-GB')} problem${total === 1 ? '' : 's'} with this definition`
  return {
    errors: {
      summary: [{ text: `${heading}: nothing was stored`, href: `#${PROBLEMS_ID}` }],
      fields: { [source]: `${heading}: see the list above` },
    },
    problems: { id: PROBLEMS_ID, heading, items: errors.map(problem), more: unlistedProblems(unlisted) },
  }
}

export interface DownloadLink {
  href: string
  text: string
}

/** What to start a definition from, and what it is checked against. */
export const definitionDownloads: readonly DownloadLink[] = [
  { href: paths.admin.questionnaireExample, text: 'Download an example definition (JSON)' },
  { href: paths.admin.questionnaireSchema, text: 'Download the JSON Schema that definitions are checked against' },
]
