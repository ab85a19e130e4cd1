import type { Answer } from '../../domain/assessment/answer'
import type { Moderation } from '../../domain/assessment/moderation'
import type { MaturityQuestion, ScaleLevel } from '../../domain/questionnaire/definition'
import type { FormErrors } from '../form-errors'
import { assessorView } from '../assessments/answer.presenter'

/** What the assessor sent when a save failed, shown back instead of the stored moderation. */
export interface PostedModeration {
  level?: string
  rationale?: string
  conflict?: Moderation
}

export interface ModerationQuestionView {
  id: string
  prompt: string
  self: { given: boolean; text: string; detail?: string }
  evidence: string
  moderated: { level: string; agrees: string; by: string; rationale: string | null } | null
  changedSince: boolean
  conflict: { by: string; level: string } | null
  /** The form to set a level; null when the assessment is not being moderated. */
  form: {
    action: string
    revision: string
    legendHidden: string
    saveHidden: string
    levelError: string | undefined
    rationaleError: string | undefined
    rationale: string
    items: { id: string; value: number; text: string; checked: boolean }[]
    meanings: { term: string; meaning: string }[]
  } | null
}

export interface ModerationQuestionInput {
  question: MaturityQuestion
  levels: readonly ScaleLevel[]
  answer: Answer | undefined
  moderation: Moderation | undefined
  posted: PostedModeration | undefined
  id: string
  action: string | null
  errors: FormErrors | undefined
}

/** One maturity question as an assessor moderates it. */
export function moderationQuestionView(input: ModerationQuestionInput): ModerationQuestionView {
  const { question: q, levels, answer, moderation, posted, id } = input
  const self = answer && !answer.notApplicable ? answer.level : null
  const levelName = (v: number) => {
    const l = levels.find(x => x.value === v)
    return l ? `${l.value}. ${l.name}` : String(v)
  }
  const chosen = posted ? Number(posted.level) : moderation ? moderation.level : null
  const conflict = posted?.conflict
  return {
    id,
    prompt: q.prompt,
    self: assessorView(q, answer, levels),
    evidence: answer?.evidence ? answer.evidence : 'None given',
    moderated: moderation
      ? {
          level: levelName(moderation.level),
          agrees: moderation.level === self ? ' (agrees)' : '',
          by: moderation.assessor ? moderation.assessor.name : 'a former assessor',
          rationale: moderation.rationale || null,
        }
      : null,
    changedSince: Boolean(moderation && answer && answer.updatedAt.getTime() > moderation.updatedAt.getTime()),
    conflict: conflict
      ? { by: conflict.assessor ? conflict.assessor.name : 'Another assessor', level: levelName(conflict.level) }
      : null,
    form: input.action
      ? {
          action: input.action,
          revision: String(moderation ? moderation.revision : 0),
          legendHidden: ` for “${q.prompt}”`,
          saveHidden: ` moderation for “${q.prompt}”`,
          levelError: input.errors?.fields[id],
          rationaleError: input.errors?.fields[`${id}-rationale`],
          rationale: posted ? (posted.rationale ?? '') : (moderation?.rationale ?? ''),
          items: levels.map((l, i) => ({
            id: i === 0 ? id : `${id}-${i}`,
            value: l.value,
            text: `${l.value}. ${l.name}${l.value === self ? ' (self-assessed)' : ''}`,
            checked: chosen === l.value,
          })),
          meanings: levels.map(l => ({
            term: `${l.value}. ${l.name}`,
            meaning: q.levels[String(l.value) as keyof MaturityQuestion['levels']],
          })),
        }
      : null,
  }
}
