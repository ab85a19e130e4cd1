import { allQuestions, questionByKey, type QuestionnaireDefinition } from '../../../src/domain/questionnaire/definition'
import { validateDefinition } from '../../../src/domain/questionnaire/validate'
import { validDefinition } from '../../support/definitions'

function definition(): QuestionnaireDefinition {
  const result = validateDefinition(validDefinition())
  if (!result.valid) throw new Error(JSON.stringify(result.errors))
  return result.definition
}

describe('questionByKey', () => {
  it('finds every question of a definition by its key, and nothing else', () => {
    const questionnaire = definition()
    const questions = allQuestions(questionnaire)
    expect(questions.length).toBeGreaterThan(1)
    for (const { question } of questions) expect(questionByKey(questionnaire, question.key)).toBe(question)
    expect(questionByKey(questionnaire, 'no.such.question')).toBeUndefined()
  })

  it('answers for each definition from its own questions', () => {
    const [first, second] = [definition(), definition()]
    const key = allQuestions(first)[0]?.question.key ?? ''
    expect(questionByKey(first, key)).toBe(allQuestions(first)[0]?.question)
    expect(questionByKey(second, key)).toBe(allQuestions(second)[0]?.question)
    expect(questionByKey(second, key)).not.toBe(questionByKey(first, key))
  })
})
