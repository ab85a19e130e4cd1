import { paths } from '../../paths'
import type { AssessmentView } from '../../services/assessments/view-assessment.service'
import { describeAnswer, fieldId } from './answer.presenter'
import { answerWithEvidence } from './markup'
import type { SummaryListRow } from '../govuk-params'
import { component, type Html, joinHtml, lineBreak, text } from '../html'

export interface CheckView {
  backLink: string
  caption: string
  heading: string
  /**
   * Each theme's answers as summary list rows: the prompt, the answer (with a tag on one carried over and
   * not yet confirmed, and its evidence), and a "Change" link while the answers may be changed.
   */
  sections: { dimensionTitle: string; themeTitle: string; rows: SummaryListRow[] }[]
  /** Where the declaration posts; null when this user cannot submit. */
  submitAction: string | null
}

/** "From 2025 assessment: confirm or change", on its own line under an answer carried over. */
const carriedTag = (from: string): Html =>
  joinHtml([lineBreak, component('tag', { text: `From ${from}: confirm or change`, classes: 'govuk-tag--yellow' })])

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
        rows: theme.questions.map((q): SummaryListRow => {
          const ans = view.answers.get(q.key)
          const answer = joinHtml([
            text(describeAnswer(q, ans, levels)),
            ...(ans?.carriedFrom ? [carriedTag(ans.carriedFrom)] : []),
          ])
          return {
            key: { text: q.prompt },
            value: { html: answerWithEvidence(answer, ans?.evidence || null) },
            ...(editable
              ? {
                  actions: {
                    items: [
                      {
                        href: `${paths.assessmentTheme(id, theme.key)}#${fieldId(q.key)}`,
                        text: 'Change',
                        visuallyHiddenText: q.prompt,
                      },
                    ],
                  },
                }
              : {}),
          }
        }),
      })),
    ),
    submitAction: editable ? paths.assessmentSubmit(id) : null,
  }
}
