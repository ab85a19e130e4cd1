import type { Answer } from '../../domain/assessment/answer'
import type { Moderation, ModerationSection } from '../../domain/assessment/moderation'
import type { AssessmentState } from '../../domain/assessment/workflow'
import type { ScaleLevel } from '../../domain/questionnaire/definition'
import { paths } from '../../paths'
import type { FormErrors } from '../form-errors'
import { moderationQuestionView, type ModerationQuestionView, type PostedModeration } from './question.presenter'
import { plural } from '../../domain/format/plurals'

export interface ModerationSectionView {
  backLink: string
  caption: string
  heading: string
  progress: string
  /** Why nothing can be changed here, when the assessment is not being moderated. */
  inset: string | null
  /** How a level is chosen, where the questionnaire says. */
  levelRule: string | null
  questions: ModerationQuestionView[]
  /** The section's one form: save what was chosen, or also agree with the borough on the rest. */
  form: { action: string; agreeHint: string | null } | null
  overviewLink: string
}

export interface ModerationSectionInput {
  assessment: { id: number; state: AssessmentState }
  organisationName: string
  section: ModerationSection
  levels: readonly ScaleLevel[]
  levelRule?: string
  answers: ReadonlyMap<string, Answer>
  moderations: ReadonlyMap<string, Moderation>
  fieldId: (key: string) => string
  /** What the assessor sent, by question, when a save failed. */
  posted?: ReadonlyMap<string, PostedModeration>
  errors?: FormErrors
}

/** One section's page: each of its maturity questions with what the borough said and the moderation so far. */
export function moderationSectionView(input: ModerationSectionInput): ModerationSectionView {
  const { assessment: a, section } = input
  const editable = a.state === 'in_moderation'
  const total = section.toModerate.length
  const done = total - section.unmoderated.length
  const left = section.unmoderated.length
  return {
    backLink: paths.moderation(a.id),
    caption: `Moderate ${input.organisationName}: ${section.dimension.title}`,
    heading: section.title,
    progress:
      total === 0
        ? 'No question in this theme is scored, so there is nothing to moderate.'
        : `${done} of ${plural(total, 'scored question')} in this theme moderated.`,
    levelRule: total > 0 ? (input.levelRule ?? null) : null,
    inset: editable ? null : 'This assessment is not being moderated, so its levels cannot be changed.',
    questions: section.questions.map(q =>
      moderationQuestionView({
        question: q,
        levels: input.levels,
        answer: input.answers.get(q.key),
        moderation: input.moderations.get(q.key),
        posted: input.posted?.get(q.key),
        id: input.fieldId(q.key),
        editable,
        errors: input.errors,
      }),
    ),
    form: editable
      ? {
          action: paths.moderationSection(a.id, section.key),
          agreeHint:
            left === 0
              ? null
              : `Saves the levels you chose, and gives the ${left === 1 ? 'question' : `${left} questions`} you have not moderated the borough’s own level.`,
        }
      : null,
    overviewLink: paths.moderation(a.id),
  }
}
