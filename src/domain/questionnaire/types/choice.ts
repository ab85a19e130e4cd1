/** A choice question: one option of a list; scored when its options carry scores on the scale. */
import { LEVEL_VALUES, type ChoiceQuestion } from '../definition'
import type { QuestionTypeModule } from './question-type'
import {
  duplicateOptions,
  fromRadio,
  notApplicableItem,
  optionAnswers,
  optionId,
  optionExportCells,
  optionLabels,
  valueAnswer,
} from './shared'

const SCALE_MIN = Math.min(...LEVEL_VALUES)
const SCALE_MAX = Math.max(...LEVEL_VALUES)

export const choice: QuestionTypeModule<ChoiceQuestion> = {
  check: valueAnswer((question, raw) => {
    const allowed = question.options.map(o => o.value)
    return typeof raw === 'string' && allowed.includes(raw) ? { value: raw } : { issue: { kind: 'not-an-option' } }
  }),

  fromForm: (_question, posted) => fromRadio(posted),

  scoring: {
    isScored: question => question.options.some(o => o.score !== undefined),
    score: (question, answer) => question.options.find(o => o.value === answer?.value)?.score ?? null,
  },

  respondentView(question, answer, { id, name }) {
    return {
      kind: 'radios',
      name: `${name}[choice]`,
      small: true,
      items: question.options.map((o, i) => ({
        id: optionId(id, i),
        value: `value:${o.value}`,
        label: o.label,
        checked: answer?.value === o.value && !answer.notApplicable,
      })),
      notApplicable: notApplicableItem(question, answer, id),
    }
  },

  assessorView: (question, answer) => ({ text: optionLabels(question.options, answer.value, ', ') }),

  exportCells: (question, answer) => optionExportCells(question.options, answer),

  checkDefinition(question, at) {
    const errors = duplicateOptions(question.options, at)
    question.options.forEach((option, o) => {
      if (option.score !== undefined && (option.score < SCALE_MIN || option.score > SCALE_MAX))
        errors.push({
          pointer: `${at}/options/${o}/score`,
          message: `must be on the scale, from ${SCALE_MIN} to ${SCALE_MAX}`,
        })
    })
    return errors
  },

  showIfAnswers: optionAnswers,
}
