import { EVIDENCE_MAX_LENGTH, isAnswered, type AnswerContent } from '../../domain/assessment/answer'
import {
  questionByKey,
  type Question,
  type QuestionnaireDefinition,
  type ScaleLevel,
} from '../../domain/questionnaire/definition'
import {
  questionType,
  type AnswerWords,
  type CharacterLimit,
  type RespondentControl,
} from '../../domain/questionnaire/types'
import { characterLimit } from '../../domain/questionnaire/types/shared'
import { time } from '../../domain/format/dates'

/** An answer as an assessor reads it, with what its type has to add (a level's descriptor). */
const fromLevel = (question: Question): number | undefined =>
  question.type === 'maturity' ? question.evidenceFromLevel : undefined

/** When the evidence is needed, in the hint's words. */
function evidenceRule(question: Question): string {
  const level = fromLevel(question)
  if (level !== undefined) return `: needed before you submit if you choose level ${level} or above`
  return question.evidence === 'required' ? ': needed before you submit' : ''
}

export function assessorView(
  question: Question,
  answer: AnswerContent | undefined,
  levels: readonly ScaleLevel[],
): AnswerWords & { given: boolean } {
  if (!answer || !isAnswered(answer)) return { text: 'Not answered', given: false }
  if (answer.notApplicable) return { text: 'Not applicable', given: false }
  return { ...questionType(question).assessorView(question, answer, levels), given: true }
}

/** An answer as a person reads it: "3. Defined", "Yes", "12 FTE", "Not applicable", "Not answered". */
export function describeAnswer(
  question: Question,
  answer: AnswerContent | undefined,
  levels: readonly ScaleLevel[],
): string {
  return assessorView(question, answer, levels).text
}

/** The id a question's first field has on the page, so error summaries and change links can point at it. */
export const fieldId = (questionKey: string): string => `answer-${questionKey.replace(/\./g, '__')}`

/** Said beside a conditional question, so people without JavaScript know when to answer it. */
export function conditionText(question: Question, definition: QuestionnaireDefinition): string | undefined {
  if (!question.showIf) return undefined
  const { question: parentKey, values } = question.showIf
  const parent = questionByKey(definition, parentKey)
  const answers = parent ? questionType(parent).showIfAnswers?.(parent) : undefined
  const labels = values.map(v => answers?.find(a => a.value === v)?.label ?? String(v))
  return `Answer this if you answered “${labels.join('” or “')}” to “${parent ? parent.prompt : parentKey}”.`
}

/** What the respondent's page knows of a question besides its answer (see views/assessments/theme.ejs). */
export interface QuestionContext {
  scale: { levels: readonly ScaleLevel[] }
  /** `answer` on a theme page, `preview` on a questionnaire's preview. */
  idPrefix: string
  errors?: { fields: Record<string, string> }
  state?: { revision: number; base: string; conflict?: { theirs: string; by: string; at: Date } }
  /** conditionText's sentence, when the question is conditional. */
  condition?: string
  /** The round an unconfirmed answer was carried over from. */
  carriedFrom?: string
  /** Names to offer as the answer is typed (a service area's systems). */
  suggestions?: readonly string[]
}

/** One question as a respondent sees it, finished: views/partials/questions only print it. */
export interface QuestionView {
  /** Which partial draws the control: views/partials/questions/<kind>.ejs. */
  kind: RespondentControl['kind']
  control: RespondentControl
  id: string
  name: string
  /** The prompt, marked "(optional)" where it is. */
  label: string
  hint?: { id: string; text: string }
  error?: { id: string; text: string }
  /** The hint's and error's ids, for the control's aria-describedby. */
  describedBy: string
  showIf?: { question: string; values: string }
  hidden?: { revision: number; base: string }
  conflict?: { id: string; by: string; theirs: string; at: string }
  condition?: string
  carriedFrom?: string
  evidence?: EvidenceView
}

export interface EvidenceView {
  id: string
  name: string
  label: string
  hint: { id: string; text: string }
  error?: { id: string; text: string }
  limit: CharacterLimit
  value: string
}

function evidenceView(
  question: Question,
  answer: AnswerContent | undefined,
  id: string,
  name: string,
  ctx: QuestionContext,
): EvidenceView | undefined {
  if (question.evidence === 'none') return undefined
  const error = ctx.errors?.fields[`${id}-evidence`]
  return {
    id: `${id}-evidence`,
    name: `${name}[evidence]`,
    label: `Evidence${question.evidence === 'optional' && !fromLevel(question) ? ' (optional)' : ''}`,
    hint: {
      id: `${id}-evidence-hint`,
      text: `Documents, links or examples that show this${evidenceRule(question)}`,
    },
    error: error ? { id: `${id}-evidence-error`, text: error } : undefined,
    limit: characterLimit(`${id}-evidence`, EVIDENCE_MAX_LENGTH),
    value: answer?.evidence ?? '',
  }
}

/** Everything views/partials/questions/question.ejs prints for one question; its type supplies the control. */
export function questionView(
  question: Question,
  answer: AnswerContent | undefined,
  ctx: QuestionContext,
): QuestionView {
  const id = `${ctx.idPrefix}-${question.key.replace(/\./g, '__')}`
  const name = `answers[${question.key}]`
  const errorText = ctx.errors?.fields[id]
  const hint = question.hint ? { id: `${id}-hint`, text: question.hint } : undefined
  const error = errorText ? { id: `${id}-error`, text: errorText } : undefined
  const control = questionType(question).respondentView(question, answer, {
    id,
    name,
    levels: ctx.scale.levels,
    invalid: error !== undefined,
    ...(ctx.suggestions ? { suggestions: ctx.suggestions } : {}),
  })
  const { state } = ctx
  return {
    kind: control.kind,
    control,
    id,
    name,
    label: `${question.prompt}${!question.required ? ' (optional)' : ''}`,
    hint,
    error,
    describedBy: [hint?.id, error?.id].filter(Boolean).join(' '),
    showIf: question.showIf && { question: question.showIf.question, values: question.showIf.values.join('|') },
    hidden: state && { revision: state.revision, base: state.base },
    conflict: state?.conflict && {
      id: `${id}-conflict`,
      by: state.conflict.by,
      theirs: state.conflict.theirs,
      at: time(state.conflict.at),
    },
    condition: ctx.condition,
    carriedFrom: ctx.carriedFrom,
    evidence: evidenceView(question, answer, id, name, ctx),
  }
}
