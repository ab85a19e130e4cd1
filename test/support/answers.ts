import type { Question } from '../../src/domain/questionnaire/definition'

/** A valid API body answering any question: maturity at `level`, the first option, 5, or some text. */
export function answerBody(question: Question, level: number, evidence?: string): Record<string, unknown> {
  const body =
    question.type === 'maturity'
      ? { level }
      : question.type === 'choice'
        ? { value: question.options[0]!.value }
        : question.type === 'multi'
          ? { value: [question.options[0]!.value] }
          : question.type === 'number'
            ? { value: question.min ?? 5 }
            : { value: 'Some text' }
  return evidence === undefined ? body : { ...body, evidence }
}
