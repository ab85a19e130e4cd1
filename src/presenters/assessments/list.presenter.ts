import { STATE_LABELS, type AssessmentState } from '../../domain/assessment/workflow'
import { paths } from '../../paths'

export interface AssessmentListRowView {
  href: string
  roundName: string
  organisationName: string
  roundStatus: string
  state: string
  progress: string
}

export interface AssessmentListView {
  /** "3 assessments"; null when there are none. */
  caption: string | null
  rows: AssessmentListRowView[]
}

interface ListRow {
  assessment: { id: number; state: AssessmentState }
  round: { name: string; status: string }
  organisation: { name: string }
  progress: { completedThemes: number; totalThemes: number }
}

/** The assessments a user may see, one row each with its round, status and progress. */
export function assessmentListView(rows: readonly ListRow[]): AssessmentListView {
  return {
    caption: rows.length === 0 ? null : `${rows.length} assessment${rows.length === 1 ? '' : 's'}`,
    rows: rows.map(r => ({
      href: paths.assessment(r.assessment.id),
      roundName: r.round.name,
      organisationName: r.organisation.name,
      roundStatus: `Round ${r.round.status}`,
      state: STATE_LABELS[r.assessment.state],
      progress: `${r.progress.completedThemes} of ${r.progress.totalThemes} sections completed`,
    })),
  }
}
