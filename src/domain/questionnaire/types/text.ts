/** A text question: free text up to a length; context, never scored. */
import type { TextQuestion } from '../definition'
import type { QuestionTypeModule } from './question-type'
import { plainCell, valueAnswer } from './shared'

export const text: QuestionTypeModule<TextQuestion> = {
  check: valueAnswer((question, raw) => {
    if (typeof raw !== 'string') return { problem: 'must be text' }
    if (raw.length > question.maxLength)
      return { problem: `must be ${question.maxLength.toLocaleString('en-GB')} characters or fewer` }
    return { value: raw.trim() === '' ? null : raw }
  }),

  fromForm: (_question, posted) => ({ value: posted.value ?? '' }),

  scoring: null,

  respondentView: (question, answer, { id, name, invalid }) => ({
    kind: 'text',
    id,
    name: `${name}[value]`,
    value: typeof answer?.value === 'string' ? answer.value : '',
    limit: { id: `${id}-limit`, text: `You can enter up to ${question.maxLength.toLocaleString('en-GB')} characters` },
    invalid,
  }),

  assessorView: (_question, answer) => ({ text: String(answer.value) }),

  exportCells: (_question, answer) => ({ self: null, moderated: null, value: plainCell(answer) }),

  checkDefinition: () => [],

  showIfAnswers: null,
}
