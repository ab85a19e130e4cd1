/** A text question: free text up to a length; context, never scored. */
import type { TextQuestion } from '../definition'
import type { QuestionTypeModule } from './question-type'
import { characterLimit, plainCell, valueAnswer } from './shared'

export const text: QuestionTypeModule<TextQuestion> = {
  check: valueAnswer((question, raw) => {
    if (typeof raw !== 'string') return { issue: { kind: 'not-text' } }
    if (raw.length > question.maxLength) return { issue: { kind: 'too-long', limit: question.maxLength } }
    return { value: raw.trim() === '' ? null : raw }
  }),

  fromForm: (_question, posted) => ({ value: posted.value ?? '' }),

  scoring: null,

  respondentView: (question, answer, { id, name, invalid, suggestions }) => ({
    kind: 'text',
    id,
    name: `${name}[value]`,
    value: typeof answer?.value === 'string' ? answer.value : '',
    limit: characterLimit(id, question.maxLength),
    invalid,
    ...(suggestions && suggestions.length > 0 ? { suggestions: { id: `${id}-list`, names: suggestions } } : {}),
  }),

  assessorView: (_question, answer) => ({ text: String(answer.value) }),

  exportCells: (_question, answer) => ({ self: null, moderated: null, value: plainCell(answer) }),

  checkDefinition: () => [],

  showIfAnswers: null,
}
