import { RATIONALE_MAX_LENGTH } from '../../domain/assessment/moderation'
import { wholeNumber } from '../../domain/format/plurals'
import type { Answer } from '../../domain/assessment/answer'
import type { Moderation } from '../../domain/assessment/moderation'
import type { MaturityQuestion, ScaleLevel } from '../../domain/questionnaire/definition'
import type { FormErrors } from '../form-errors'
import { assessorView } from '../assessments/answer.presenter'
import type { SummaryListRow } from '../govuk-params'
import { element, type Html, joinHtml, text } from '../html'

/** What the assessor sent when a save failed, shown back instead of the stored moderation. */
export interface PostedModeration {
  level?: string
  rationale?: string
  conflict?: Moderation
}

export interface ModerationQuestionView {
  id: string
  prompt: string
  /** The self-assessed level and its detail, the evidence and, once moderated, the level, who set it and why. */
  facts: SummaryListRow[]
  changedSince: boolean
  conflict: { by: string; level: string } | null
  /** The fields to set a level, inside the section's one form; null when the assessment is not being moderated. */
  form: {
    /** The radios' name (also the first radio's id), the rationale's and the hidden revision's. */
    levelName: string
    rationaleName: string
    revisionName: string
    revision: string
    legendHidden: string
    levelError: string | undefined
    rationaleError: string | undefined
    rationale: string
    rationaleMaxLength: number
    /** The limit, said under the box; GOV.UK Frontend's script turns it into a live count. */
    rationaleLimit: string
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
  editable: boolean
  errors: FormErrors | undefined
}

/** The level in bold with its detail under it; an unanswered question's words as they are. */
function selfAssessed(self: { given: boolean; text: string; detail?: string }): Html {
  if (!self.given) return text(self.text)
  const detail = self.detail ? [element('p', text(self.detail), 'govuk-body-s app-evidence-text')] : []
  return joinHtml([element('strong', text(self.text)), ...detail])
}

/** "<b>2. Emerging</b> (agrees), by Ada", with the rationale, keeping its line breaks, under it. */
function moderatedLevel(m: { level: string; agrees: string; by: string; rationale: string | null }): Html {
  const rationale = m.rationale
    ? [element('p', text(`Rationale: ${m.rationale}`), 'govuk-body-s app-evidence-text app-preserve-lines')]
    : []
  return joinHtml([element('strong', text(m.level)), text(`${m.agrees}, by ${m.by}`), ...rationale])
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
    facts: [
      { key: { text: 'Self-assessed' }, value: { html: selfAssessed(assessorView(q, answer, levels)) } },
      {
        key: { text: 'Evidence' },
        value: { text: answer?.evidence ? answer.evidence : 'None given', classes: 'app-preserve-lines' },
      },
      ...(moderation
        ? [
            {
              key: { text: 'Moderated' },
              value: {
                html: moderatedLevel({
                  level: levelName(moderation.level),
                  agrees: moderation.level === self ? ' (agrees)' : '',
                  by: moderation.assessor ? moderation.assessor.name : 'a former assessor',
                  rationale: moderation.rationale || null,
                }),
              },
            },
          ]
        : []),
    ],
    changedSince: Boolean(moderation && answer && answer.updatedAt.getTime() > moderation.updatedAt.getTime()),
    conflict: conflict
      ? { by: conflict.assessor ? conflict.assessor.name : 'Another assessor', level: levelName(conflict.level) }
      : null,
    form: input.editable
      ? {
          levelName: id,
          rationaleName: `${id}-rationale`,
          revisionName: `${id}-revision`,
          revision: String(moderation ? moderation.revision : 0),
          legendHidden: ` for “${q.prompt}”`,
          levelError: input.errors?.fields[id],
          rationaleError: input.errors?.fields[`${id}-rationale`],
          rationale: posted ? (posted.rationale ?? '') : (moderation?.rationale ?? ''),
          rationaleMaxLength: RATIONALE_MAX_LENGTH,
          rationaleLimit: `You can enter up to ${wholeNumber(RATIONALE_MAX_LENGTH)} characters`,
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
