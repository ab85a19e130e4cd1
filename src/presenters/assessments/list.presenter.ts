import { STATE_LABELS, type AssessmentState } from '../../domain/assessment/workflow'
import { paths } from '../../paths'
import type { TableHeadCell, TableRow } from '../govuk-params'
import { element, joinHtml, lineBreak, link, text } from '../html'
import { plural } from '../../domain/format/plurals'

export interface AssessmentListView {
  /** "3 assessments"; null when there are none. */
  caption: string | null
  head: TableHeadCell[]
  /** The round, linked to the assessment, over its status; the organisation, linked to its page; state; progress. */
  rows: TableRow[]
}

interface ListRow {
  assessment: { id: number; state: AssessmentState }
  round: { name: string; status: string }
  organisation: { name: string; slug: string }
  progress: { completedThemes: number; totalThemes: number }
}

const HEAD: TableHeadCell[] = [{ text: 'Round' }, { text: 'Organisation' }, { text: 'Status' }, { text: 'Progress' }]

/** The assessments a user may see, one row each with its round, status and progress. */
export function assessmentListView(rows: readonly ListRow[]): AssessmentListView {
  return {
    caption: rows.length === 0 ? null : plural(rows.length, 'assessment'),
    head: HEAD,
    rows: rows.map(r => [
      {
        html: joinHtml([
          link(paths.assessment(r.assessment.id), r.round.name, `for ${r.organisation.name}`),
          lineBreak,
          element('span', text(`Round ${r.round.status}`), 'govuk-body-s app-secondary-text'),
        ]),
      },
      // A respondent sees only their own organisation's assessments, and may see its page.
      { html: link(paths.organisation(r.organisation.slug), r.organisation.name) },
      { text: STATE_LABELS[r.assessment.state] },
      { text: `${r.progress.completedThemes} of ${plural(r.progress.totalThemes, 'theme')} completed` },
    ]),
  }
}
