import { paths } from '../../paths'
import type { AssessmentView } from '../../services/assessments/view-assessment.service'
import { describeAnswer, fieldId } from './answer.presenter'

export interface CheckRowView {
  prompt: string
  answer: string
  /** "From 2025 assessment: confirm or change", on an answer carried over and not yet confirmed. */
  carried: string | null
  evidence: string | null
  /** Where to change the answer; null when answers cannot be changed. */
  changeHref: string | null
}

export interface CheckView {
  backLink: string
  caption: string
  heading: string
  sections: { dimensionTitle: string; themeTitle: string; rows: CheckRowView[] }[]
  /** Where the declaration posts; null when this user cannot submit. */
  submitAction: string | null
}

/** Every answer, theme by theme, and the declaration to submit them. */
export function checkView(view: AssessmentView): CheckView {
  const { id } = view.assessment
  const editable = view.editable.allowed
  const levels = view.definition.scale.levels
  return {
    backLink: paths.assessment(id),
    caption: `${view.organisation.name}: ${view.round.name}`,
    heading: editable ? 'Check your answers before submitting' : 'Answers',
    sections: view.definition.dimensions.flatMap(dimension =>
      dimension.themes.map(theme => ({
        dimensionTitle: dimension.title,
        themeTitle: theme.title,
        rows: theme.questions.map(q => {
          const ans = view.answers.get(q.key)
          return {
            prompt: q.prompt,
            answer: describeAnswer(q, ans, levels),
            carried: ans?.carriedFrom ? `From ${ans.carriedFrom}: confirm or change` : null,
            evidence: ans?.evidence || null,
            changeHref: editable ? `${paths.assessmentTheme(id, theme.key)}#${fieldId(q.key)}` : null,
          }
        }),
      })),
    ),
    submitAction: editable ? paths.assessmentSubmit(id) : null,
  }
}
