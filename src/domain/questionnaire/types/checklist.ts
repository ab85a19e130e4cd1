/**
 * A capability checklist: the capabilities a service has today, ticked from a list. Never scored (the
 * service's maturity questions score it); capability gaps are read from what an answered checklist leaves
 * unticked. A page saved without touching it is not an answer, so "none of these yet" is a box of its own,
 * added to every checklist rather than written into each definition.
 */
import type { ChecklistQuestion } from '../definition'
import type { QuestionTypeModule } from './question-type'
import {
  duplicateOptions,
  optionAnswers,
  optionExportCells,
  optionId,
  optionLabels,
  refusedScores,
  valueAnswer,
} from './shared'

export const NONE_YET = { value: 'none', label: 'None of these yet' }
const withNone = (question: ChecklistQuestion) => [...question.options, NONE_YET]

export const checklist: QuestionTypeModule<ChecklistQuestion> = {
  check: valueAnswer((question, raw) => {
    const allowed = withNone(question).map(o => o.value)
    if (!Array.isArray(raw) || raw.some(v => typeof v !== 'string' || !allowed.includes(v)))
      return { issue: { kind: 'not-an-option' } }
    const held = [...new Set(raw as string[])]
    if (held.includes(NONE_YET.value) && held.length > 1)
      return { issue: { kind: 'none-with-others', noneLabel: NONE_YET.label } }
    return { value: held }
  }),

  /** Unticked boxes send nothing, so no field at all is no answer yet. */
  fromForm: (_question, posted) => ({ value: posted.value === undefined ? [] : ([] as string[]).concat(posted.value) }),

  scoring: null,

  respondentView(question, answer, { id, name }) {
    const held = Array.isArray(answer?.value) ? answer.value : []
    const options = withNone(question)
    return {
      kind: 'checkboxes',
      name: `${name}[value]`,
      items: options.map((o, i) => ({
        id: optionId(id, i),
        value: o.value,
        label: o.label,
        checked: held.includes(o.value),
        exclusive: i === options.length - 1,
      })),
    }
  },

  assessorView: (question, answer) => {
    const held = (Array.isArray(answer.value) ? answer.value : []).filter(v => v !== NONE_YET.value)
    return held.length === 0
      ? { text: NONE_YET.label }
      : { text: `${held.length} of ${question.options.length}: ${optionLabels(question.options, held, ', ')}` }
  },

  exportCells: (question, answer) => optionExportCells(withNone(question), answer),

  checkDefinition(question, at) {
    const errors = [
      ...duplicateOptions(question.options, at),
      ...refusedScores(question.options, at, 'a checklist lists capabilities and is never scored'),
    ]
    question.options.forEach((option, o) => {
      if (option.value === NONE_YET.value)
        errors.push({
          pointer: `${at}/options/${o}/value`,
          message: 'a checklist has its own “None of these yet” box: remove this option',
          clause: true,
        })
    })
    return errors
  },

  showIfAnswers: question => optionAnswers({ options: withNone(question) }),
}
