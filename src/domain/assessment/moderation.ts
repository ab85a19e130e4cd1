import type { MaturityQuestion, QuestionnaireDefinition } from '../questionnaire/definition'
import type { AnswerContent } from './answer'
import { isVisible } from './progress'

/** An assessor's moderated level for one question, with the reason for it. */
/** A moderator's rationale for a level, at most this many characters. */
export const RATIONALE_MAX_LENGTH = 2000

export interface Moderation {
  questionKey: string
  level: number
  rationale: string | null
  assessor: { id: number; name: string } | null
  revision: number
  updatedAt: Date
}

/**
 * One section (theme) of an assessment as an assessor moderates it. Its questions are its maturity
 * questions; those `toModerate` are the ones that score: shown to the borough and not marked "not
 * applicable" (a question that does not apply has no score for a moderated level to change).
 */
export interface ModerationSection {
  key: string
  title: string
  dimension: { key: string; title: string }
  questions: MaturityQuestion[]
  toModerate: MaturityQuestion[]
  unmoderated: MaturityQuestion[]
}

export type ModerationSectionStatus = 'not_started' | 'in_progress' | 'completed'

/** The sections with maturity questions, in questionnaire order, each with what is left to moderate. */
export function moderationSections(
  definition: QuestionnaireDefinition,
  answers: ReadonlyMap<string, AnswerContent>,
  moderated: ReadonlySet<string> | ReadonlyMap<string, unknown>,
): ModerationSection[] {
  return definition.dimensions.flatMap(dimension =>
    dimension.themes.flatMap(theme => {
      const questions = theme.questions.filter((q): q is MaturityQuestion => q.type === 'maturity')
      if (questions.length === 0) return []
      const toModerate = questions.filter(q => isVisible(q, answers) && !answers.get(q.key)?.notApplicable)
      return [
        {
          key: theme.key,
          title: theme.title,
          dimension: { key: dimension.key, title: dimension.title },
          questions,
          toModerate,
          unmoderated: toModerate.filter(q => !moderated.has(q.key)),
        },
      ]
    }),
  )
}

export function sectionStatus(section: ModerationSection): ModerationSectionStatus {
  if (section.unmoderated.length === 0) return 'completed'
  return section.unmoderated.length === section.toModerate.length ? 'not_started' : 'in_progress'
}

/** How much of the whole assessment is moderated. */
export function moderationProgress(sections: readonly ModerationSection[]): { moderated: number; total: number } {
  const total = sections.reduce((n, s) => n + s.toModerate.length, 0)
  const left = sections.reduce((n, s) => n + s.unmoderated.length, 0)
  return { moderated: total - left, total }
}

/**
 * Where to go after a section: the next section after it that still has unmoderated questions, then the
 * first such before it; null when no other section has any left.
 */
export function nextSectionToModerate(
  sections: readonly ModerationSection[],
  currentKey: string,
): ModerationSection | null {
  const at = sections.findIndex(s => s.key === currentKey)
  const ordered = [...sections.slice(at + 1), ...sections.slice(0, Math.max(at, 0))]
  return ordered.find(s => s.key !== currentKey && s.unmoderated.length > 0) ?? null
}

/** Every scored question not yet moderated, with its section, in questionnaire order. */
export function unmoderatedQuestions(
  sections: readonly ModerationSection[],
): { section: ModerationSection; question: MaturityQuestion }[] {
  return sections.flatMap(section => section.unmoderated.map(question => ({ section, question })))
}
