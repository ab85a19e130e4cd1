import type { Answer } from '../../domain/assessment/answer'
import type { Moderation } from '../../domain/assessment/moderation'
import { STATE_LABELS, type AssessmentState } from '../../domain/assessment/workflow'
import type { MaturityQuestion, QuestionnaireDefinition } from '../../domain/questionnaire/definition'
import { paths } from '../../paths'
import type { FormErrors } from '../form-errors'
import { moderationQuestionView, type ModerationQuestionView, type PostedModeration } from './question.presenter'
import { STATE_TAGS } from './queue.presenter'
import { govukList } from '../assessments/markup'
import type { SummaryListRow, TableHeadCell, TableRow } from '../govuk-params'
import { component, type Html, link } from '../html'

export interface ModerationPageView {
  backLink: string
  roundName: string
  heading: string
  /**
   * The state as a tag, when it was submitted, how much is moderated, and, when there are any, the answers
   * the borough changed since they were moderated, what was asked of the borough and the moderation comment.
   */
  summary: SummaryListRow[]
  historyHref: string
  /** Where "Start moderation" posts, while the assessment waits for an assessor. */
  openAction: string | null
  inset: string | null
  scoreHead: TableHeadCell[]
  scoreRows: TableRow[]
  dimensions: { title: string; themes: { title: string; questions: ModerationQuestionView[] }[] }[]
  /** The complete-or-return form, while the assessment is being moderated. */
  finish: { action: string; returnAction: string; comment: string; commentError: string | undefined } | null
}

export interface ModerationPageInput {
  assessment: { id: number; state: AssessmentState }
  round: { id: number; name: string }
  organisationName: string
  definition: QuestionnaireDefinition
  answers: ReadonlyMap<string, Answer>
  moderations: ReadonlyMap<string, Moderation>
  comments: { moderation: string | null; returned: string | null }
  scores: { title: string; self: string; final: string }[]
  submittedOn: string
  fieldId: (key: string) => string
  posted?: PostedModeration & { questionKey?: string; comment?: string }
  errors?: FormErrors
}

const INSETS: Partial<Record<AssessmentState, string>> = {
  returned: 'This assessment is back with the borough. You can moderate it again once they resubmit it.',
  moderated: 'Moderation is complete: the final scores use the moderated levels below.',
  not_started: 'The borough has not submitted this assessment yet.',
  in_progress: 'The borough has not submitted this assessment yet.',
}

const SCORE_HEAD: TableHeadCell[] = [
  { text: 'Dimension' },
  { text: 'Self-assessed', format: 'numeric' },
  { text: 'Final', format: 'numeric' },
]

/** The facts at the top of the page; a comment keeps its line breaks. */
function summaryRows(
  input: ModerationPageInput,
  counted: { moderated: string; changedSince: Html[] },
): SummaryListRow[] {
  const { state } = input.assessment
  const returned = state === 'returned' ? input.comments.returned : null
  const comment = state === 'moderated' ? input.comments.moderation : null
  const rows: (SummaryListRow | false | null | '')[] = [
    {
      key: { text: 'State' },
      value: { html: component('tag', { text: STATE_LABELS[state], classes: STATE_TAGS[state] || 'govuk-tag--grey' }) },
    },
    { key: { text: 'Submitted' }, value: { text: input.submittedOn } },
    { key: { text: 'Questions moderated' }, value: { text: counted.moderated } },
    counted.changedSince.length > 0 && {
      key: { text: 'Changed by the borough since moderated' },
      value: { html: govukList(counted.changedSince) },
    },
    returned && { key: { text: 'Asked of the borough' }, value: { text: returned, classes: 'app-preserve-lines' } },
    comment && { key: { text: 'Moderation comment' }, value: { text: comment, classes: 'app-preserve-lines' } },
  ]
  return rows.filter((row): row is SummaryListRow => Boolean(row))
}

const maturity = (questions: readonly { type: string }[]) =>
  questions.filter((q): q is MaturityQuestion => q.type === 'maturity')

/** The moderation page of one assessment: what is moderated so far, the scores and each question's form. */
export function moderationPageView(input: ModerationPageInput): ModerationPageView {
  const { assessment: a, answers, moderations, fieldId } = input
  const editable = a.state === 'in_moderation'
  const questions = input.definition.dimensions.flatMap(d => d.themes.flatMap(t => maturity(t.questions)))
  const selfLevel = (q: MaturityQuestion) => {
    const ans = answers.get(q.key)
    return ans && !ans.notApplicable ? ans.level : null
  }
  const moderated = questions.filter(q => moderations.has(q.key))
  const different = moderated.filter(q => moderations.get(q.key)?.level !== selfLevel(q))
  // Answers the borough changed after they were moderated, as after a return: the assessor looks at these first.
  const changedSince = moderated.filter(q => {
    const ans = answers.get(q.key)
    const m = moderations.get(q.key)
    return ans && m && ans.updatedAt.getTime() > m.updatedAt.getTime()
  })
  const p = input.posted ?? {}
  return {
    backLink: `${paths.moderationQueue}?round=${input.round.id}`,
    roundName: input.round.name,
    heading: `Moderate ${input.organisationName}`,
    summary: summaryRows(input, {
      moderated: `${moderated.length} of ${questions.length}${moderated.length > 0 ? `, ${different.length} at a different level from the self-assessment` : ''}`,
      changedSince: changedSince.map(q => link(`#question-${fieldId(q.key)}`, q.prompt)),
    }),
    historyHref: paths.assessmentHistory(a.id),
    openAction: a.state === 'submitted' ? paths.moderationOpen(a.id) : null,
    inset: a.state === 'submitted' || editable ? null : (INSETS[a.state] ?? null),
    scoreHead: SCORE_HEAD,
    scoreRows: input.scores.map((s, i) => ({
      classes: i === input.scores.length - 1 ? 'app-score-total' : undefined,
      cells: [
        { text: s.title, header: true, classes: 'app-table__row-header' },
        { text: s.self, format: 'numeric' },
        { text: s.final, format: 'numeric' },
      ],
    })),
    dimensions: input.definition.dimensions
      .map(dimension => ({
        title: dimension.title,
        themes: dimension.themes
          .map(theme => ({
            title: theme.title,
            questions: maturity(theme.questions).map(q =>
              moderationQuestionView({
                question: q,
                levels: input.definition.scale.levels,
                answer: answers.get(q.key),
                moderation: moderations.get(q.key),
                posted: p.questionKey === q.key ? p : undefined,
                id: fieldId(q.key),
                action: editable ? paths.moderationQuestion(a.id, q.key) : null,
                errors: input.errors,
              }),
            ),
          }))
          .filter(t => t.questions.length > 0),
      }))
      .filter(d => d.themes.length > 0),
    finish: editable
      ? {
          action: paths.moderationComplete(a.id),
          returnAction: paths.moderationReturn(a.id),
          comment: p.comment || '',
          commentError: input.errors?.fields.comment,
        }
      : null,
  }
}
