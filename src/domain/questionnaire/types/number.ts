/** A number question: a figure, optionally bounded and with a unit; context, never scored. */
import { takesWholeNumbers } from '../answer-messages'
import type { NumberQuestion } from '../definition'
import type { QuestionTypeModule } from './question-type'
import { plainCell, valueAnswer } from './shared'

/** Digits with an optional sign, thousands commas and decimal point, as people type figures. */
const TYPED_NUMBER = /^\s*-?[\d,]*\.?\d+\s*$/

function parse(raw: unknown): number {
  if (typeof raw === 'number') return raw
  return typeof raw === 'string' && TYPED_NUMBER.test(raw) ? Number(raw.replace(/,/g, '')) : NaN
}

export const number: QuestionTypeModule<NumberQuestion> = {
  check: valueAnswer((question, raw) => {
    if (typeof raw === 'string' && raw.trim() === '') return { value: null }
    const n = parse(raw)
    const { min, max } = question
    if (!Number.isFinite(n)) return { issue: { kind: 'not-a-number' } }
    if (takesWholeNumbers(question) && !Number.isInteger(n)) return { issue: { kind: 'not-whole' } }
    if (min !== undefined && n < min) return { issue: { kind: 'below-min', min, max } }
    if (max !== undefined && n > max) return { issue: { kind: 'above-max', max, min } }
    return { value: n }
  }),

  fromForm: (_question, posted) => ({ value: posted.value ?? '' }),

  scoring: null,

  respondentView: (question, answer, { id, name, invalid }) => ({
    kind: 'number',
    id,
    name: `${name}[value]`,
    value: (answer?.value ?? null) === null ? '' : String(answer?.value),
    unit: question.unit,
    // Phones show a keypad of digits alone for whole numbers, and one with a decimal point otherwise.
    inputmode: takesWholeNumbers(question) ? 'numeric' : 'decimal',
    invalid,
  }),

  assessorView: (question, answer) => ({ text: `${String(answer.value)}${question.unit ? ` ${question.unit}` : ''}` }),

  exportCells: (_question, answer) => ({ self: null, moderated: null, value: plainCell(answer) }),

  checkDefinition(question, at) {
    if (question.min !== undefined && question.max !== undefined && question.min > question.max)
      return [{ pointer: `${at}/max`, message: `must not be less than min (${question.min})` }]
    return []
  },

  showIfAnswers: null,
}
