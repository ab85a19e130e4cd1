import type { Answer, AnswerContent } from '../../domain/assessment/answer'
import type { Dimension, Theme } from '../../domain/questionnaire/definition'
import { paths } from '../../paths'
import type { AssessmentView } from '../../services/assessments/assessment.service'
import {
  conditionText,
  describeAnswer,
  questionView,
  type QuestionContext,
  type QuestionView,
} from './answer.presenter'
import { answerWithEvidence } from './markup'
import type { SummaryListRow } from '../govuk-params'
import { text } from '../html'

/** What a theme page shows of one question: the answer as it stands, or as this person posted it. */
export interface QuestionState extends NonNullable<QuestionContext['state']> {
  shown: Answer | AnswerContent | undefined
}

export interface ThemeLink {
  href: string
  text: string
}

/** A theme page of the questionnaire, finished: views/assessments/theme.ejs only prints it. */
export interface ThemePageView {
  backHref: string
  caption: string
  heading: string
  /** After a conflict: the answers that did not conflict were saved. */
  savedOthers: boolean
  /** How a level is chosen, on a page with a maturity question, where the questionnaire says. */
  levelRule: string | null
  /** When this person may not change the answers: why not, and the answers in words with their evidence. */
  readOnly: { reason: string; rows: SummaryListRow[] } | null
  /** When they may: the form and each question's view model. */
  form: { action: string; autosave: string; questions: QuestionView[] } | null
  previous: ThemeLink | null
  next: ThemeLink | null
}

export interface LocatedTheme {
  dimension: Dimension
  theme: Theme
  previous: { theme: Theme } | undefined
  next: { theme: Theme } | undefined
}

export function themePageView(
  view: AssessmentView,
  located: LocatedTheme,
  states: ReadonlyMap<string, QuestionState>,
  page: {
    errors?: { fields: Record<string, string> }
    savedOthers?: boolean
    /** Names to offer, by question key: a service area's systems. */
    suggestions?: ReadonlyMap<string, readonly string[]>
  } = {},
): ThemePageView {
  const { theme } = located
  const id = view.assessment.id
  const link = (other: { theme: Theme } | undefined, words: string): ThemeLink | null =>
    other ? { href: paths.assessmentTheme(id, other.theme.key), text: `${words}: ${other.theme.title}` } : null
  return {
    backHref: paths.assessment(id),
    caption: located.dimension.title,
    heading: theme.title,
    savedOthers: page.savedOthers === true,
    levelRule: theme.questions.some(q => q.type === 'maturity') ? (view.definition.levelRule ?? null) : null,
    readOnly: view.editable.allowed ? null : readOnlyAnswers(view, theme, `${view.editable.reason}.`),
    form: view.editable.allowed
      ? {
          action: paths.assessmentTheme(id, theme.key),
          autosave: paths.api.assessment(id),
          questions: theme.questions.map(q => questionOnPage(view, q, states, page)),
        }
      : null,
    previous: link(located.previous, 'Previous theme'),
    next: link(located.next, 'Next theme'),
  }
}

function readOnlyAnswers(view: AssessmentView, theme: Theme, reason: string): NonNullable<ThemePageView['readOnly']> {
  const levels = view.definition.scale.levels
  return {
    reason,
    rows: theme.questions.map(q => {
      const answer = view.answers.get(q.key)
      return {
        key: { text: q.prompt },
        value: { html: answerWithEvidence(text(describeAnswer(q, answer, levels)), answer?.evidence || null) },
      }
    }),
  }
}

function questionOnPage(
  view: AssessmentView,
  question: Theme['questions'][number],
  states: ReadonlyMap<string, QuestionState>,
  page: { errors?: { fields: Record<string, string> }; suggestions?: ReadonlyMap<string, readonly string[]> },
): QuestionView {
  const state = states.get(question.key)
  const saved = view.answers.get(question.key)
  return questionView(question, state?.shown, {
    scale: view.definition.scale,
    idPrefix: 'answer',
    errors: page.errors,
    state,
    suggestions: page.suggestions?.get(question.key),
    condition: conditionText(question, view.definition),
    carriedFrom: saved?.carriedFrom && !state?.conflict ? saved.carriedFrom : undefined,
  })
}
