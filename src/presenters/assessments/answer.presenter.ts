import { isAnswered, type AnswerContent } from '../../domain/assessment/answer'
import {
  allQuestions,
  type Question,
  type QuestionnaireDefinition,
  type ScaleLevel,
} from '../../domain/questionnaire/definition'

/** An answer as a person reads it: "3. Defined", "Yes", "12 FTE", "Not applicable", "Not answered". */
export function describeAnswer(
  question: Question,
  answer: AnswerContent | undefined,
  levels: readonly ScaleLevel[],
): string {
  if (!answer || !isAnswered(answer)) return 'Not answered'
  if (answer.notApplicable) return 'Not applicable'
  switch (question.type) {
    case 'maturity': {
      const level = levels.find(l => l.value === answer.level)
      return level ? `${level.value}. ${level.name}` : String(answer.level)
    }
    case 'choice':
      return question.options.find(o => o.value === answer.value)?.label ?? String(answer.value)
    case 'multi':
      return (Array.isArray(answer.value) ? answer.value : [])
        .map(v => question.options.find(o => o.value === v)?.label ?? v)
        .join(', ')
    case 'number':
      return `${String(answer.value)}${question.unit ? ` ${question.unit}` : ''}`
    case 'text':
      return String(answer.value)
  }
}

/** The id a question's first field has on the page, so error summaries and change links can point at it. */
export const fieldId = (questionKey: string): string => `answer-${questionKey.replace(/\./g, '__')}`

/** Said beside a conditional question, so people without JavaScript know when to answer it. */
export function conditionText(question: Question, definition: QuestionnaireDefinition): string | undefined {
  if (!question.showIf) return undefined
  const { question: parentKey, values } = question.showIf
  const parent = allQuestions(definition).find(l => l.question.key === parentKey)?.question
  const labels = values.map(v =>
    parent && (parent.type === 'choice' || parent.type === 'multi')
      ? (parent.options.find(o => o.value === v)?.label ?? String(v))
      : String(v),
  )
  return `Answer this if you answered “${labels.join('” or “')}” to “${parent ? parent.prompt : parentKey}”.`
}
