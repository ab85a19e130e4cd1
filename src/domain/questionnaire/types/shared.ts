/** Pieces more than one question type uses: value checks, radio fields, option labels and checks. */
import type { AnswerContent } from '../../assessment/answer'
import type { CellValue } from '../../spreadsheet-safe'
import { answerMessage, type AnswerIssue } from '../answer-messages'
import type { ChoiceOption, Question } from '../definition'
import type { Finding } from '../validation-result'
import type { BodyPart, CharacterLimit, CheckedPart, ExportCells, FormFields, RadioItem } from './question-type'

export type ValueCheck = { value: AnswerContent['value'] } | { issue: AnswerIssue }

export const present = (raw: unknown): boolean => raw !== undefined && raw !== null

/** The check of a type answered with a value (not a level): a level is refused, the value checked. */
export function valueAnswer<Q extends Question>(
  checkValue: (question: Q, raw: unknown) => ValueCheck,
): (question: Q, raw: Record<string, unknown>) => CheckedPart {
  return (question, raw) => {
    const problems: CheckedPart['problems'] = []
    let value: AnswerContent['value'] = null
    if (present(raw.level))
      problems.push({ pointer: '/level', message: answerMessage(question, { kind: 'wrong-part', takes: 'value' }) })
    if (present(raw.value)) {
      const checked = checkValue(question, raw.value)
      if ('issue' in checked) problems.push({ pointer: '/value', message: answerMessage(question, checked.issue) })
      else value = checked.value
    }
    return { level: null, value, problems }
  }
}

/** A radio's posted choice, `level:N` or `value:X` ("na" is read for every type, by the form). */
export function fromRadio(posted: FormFields): BodyPart {
  const choice = posted.choice ?? ''
  if (choice.startsWith('level:')) return { level: Number(choice.slice('level:'.length)) }
  if (choice.startsWith('value:')) return { value: choice.slice('value:'.length) }
  return {}
}

/** The id of a question's i-th option: the first option has the question's own id, for error links. */
export const optionId = (id: string, i: number): string => (i === 0 ? id : `${id}-${i}`)

/** The "not applicable" radio, offered only where the definition allows it. */
export function notApplicableItem(
  question: Question,
  answer: AnswerContent | undefined,
  id: string,
): RadioItem | undefined {
  if (!question.allowNotApplicable) return undefined
  return {
    id: `${id}-na`,
    value: 'na',
    label: 'Not applicable to our council',
    checked: answer?.notApplicable ?? false,
  }
}

/** An option's label as the respondent saw it, or the stored value where the option has gone. */
export const optionLabel = (options: readonly ChoiceOption[], value: string): string =>
  options.find(o => o.value === value)?.label ?? value

/** A value as option labels: one label, or a list joined by `separator`. */
export function optionLabels(
  options: readonly ChoiceOption[],
  value: AnswerContent['value'],
  separator: string,
): string {
  const values = Array.isArray(value) ? value : value === null ? [] : [String(value)]
  return values.map(v => optionLabel(options, v)).join(separator)
}

/** A value as it is stored: numbers stay numbers; a list, were one there, reads as one cell. */
export function plainCell(answer: AnswerContent | undefined): CellValue {
  const value = answer?.value ?? null
  return Array.isArray(value) ? value.join('; ') : value
}

/** Option values must be unique within a question. */
export function duplicateOptions(options: readonly ChoiceOption[], at: string): Finding[] {
  const errors: Finding[] = []
  const first = new Map<string, number>()
  options.forEach((option, o) => {
    const earlier = first.get(option.value)
    if (earlier !== undefined)
      errors.push({
        pointer: `${at}/options/${o}/value`,
        message: `value “${option.value}” is already the value of option ${earlier + 1}`,
        clause: true,
      })
    else first.set(option.value, o)
  })
  return errors
}

/** What a question with options offers a later question's showIf. */
export const optionAnswers = (question: { options: readonly ChoiceOption[] }) =>
  question.options.map(o => ({ value: o.value, label: o.label }))

/** The export of a type answered by choosing options: the chosen labels in one cell, no level. */
export const optionExportCells = (
  options: readonly ChoiceOption[],
  answer: AnswerContent | undefined,
): ExportCells => ({
  self: null,
  moderated: null,
  value: (answer?.value ?? null) === null ? null : optionLabels(options, answer?.value ?? null, '; '),
})

/** The limit of the text box with this id, as its hint says it. */
export const characterLimit = (fieldId: string, maxLength: number): CharacterLimit => ({
  id: `${fieldId}-info`,
  text: `You can enter up to ${maxLength.toLocaleString('en-GB')} characters`,
  maxLength,
})

/** The options of a type that is never scored, each score refused with the type's reason. */
export function refusedScores(options: readonly ChoiceOption[], at: string, reason: string): Finding[] {
  return options.flatMap((option, o) =>
    option.score === undefined
      ? []
      : [{ pointer: `${at}/options/${o}/score`, message: `${reason}: remove the score`, clause: true }],
  )
}
