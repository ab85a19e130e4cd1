import { paths } from '../../paths'

export interface SubmittedView {
  panelText: string
  backLink: string
}

/** The confirmation after a respondent submits. */
export function submittedView(view: {
  assessment: { id: number }
  organisation: { name: string }
  round: { name: string }
}): SubmittedView {
  return { panelText: `${view.organisation.name}, ${view.round.name}`, backLink: paths.assessment(view.assessment.id) }
}
