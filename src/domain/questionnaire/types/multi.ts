/** A multi question: any of a list of options, as context; never scored. */
import type { MultiQuestion } from '../definition'
import type { QuestionTypeModule } from './question-type'
import {
  duplicateOptions,
  optionAnswers,
  optionId,
  optionExportCells,
  optionLabel,
  optionLabels,
  refusedScores,
  valueAnswer,
} from './shared'

/** By convention an option valued "none" means none of the others, so it stands alone. */
const NONE = 'none'

export const multi: QuestionTypeModule<MultiQuestion> = {
  check: valueAnswer((question, raw) => {
    const allowed = question.options.map(o => o.value)
    if (!Array.isArray(raw) || raw.some(v => typeof v !== 'string' || !allowed.includes(v)))
      return { issue: { kind: 'not-an-option' } }
    const chosen = [...new Set(raw as string[])]
    if (chosen.includes(NONE) && chosen.length > 1)
      return { issue: { kind: 'none-with-others', noneLabel: optionLabel(question.options, NONE) } }
    return { value: chosen }
  }),

  /** Unticked boxes send nothing, so no field at all means none ticked. */
  fromForm: (_question, posted) => ({ value: posted.value === undefined ? [] : ([] as string[]).concat(posted.value) }),

  scoring: null,

  respondentView(question, answer, { id, name }) {
    const chosen = Array.isArray(answer?.value) ? answer.value : []
    const last = question.options.length - 1
    return {
      kind: 'checkboxes',
      name: `${name}[value]`,
      items: question.options.map((o, i) => ({
        id: optionId(id, i),
        value: o.value,
        label: o.label,
        checked: chosen.includes(o.value),
        exclusive: o.value === NONE && i === last,
      })),
    }
  },

  assessorView: (question, answer) => ({
    text: optionLabels(question.options, Array.isArray(answer.value) ? answer.value : [], ', '),
  }),

  exportCells: (question, answer) => optionExportCells(question.options, answer),

  checkDefinition(question, at) {
    return [
      ...duplicateOptions(question.options, at),
      ...refusedScores(question.options, at, 'a multi question is context and never scored'),
    ]
  },

  showIfAnswers: optionAnswers,
}
