import { allQuestions, questionByKey } from '../../src/domain/questionnaire/definition'
import { validDefinition } from '../support/definitions'

describe('questionByKey', () => {
  it('finds every question of a definition by its key, and nothing else', () => {
    const definition = validDefinition()
    const questions = allQuestions(definition)
    expect(questions.length).toBeGreaterThan(1)
    for (const { question } of questions) expect(questionByKey(definition, question.key)).toBe(question)
    expect(questionByKey(definition, 'no.such.question')).toBeUndefined()
  })

  it('answers for each definition from its own questions', () => {
    const [first, second] = [validDefinition(), validDefinition()]
    const key = allQuestions(first)[0]?.question.key ?? ''
    expect(questionByKey(first, key)).toBe(allQuestions(first)[0]?.question)
    expect(questionByKey(second, key)).toBe(allQuestions(second)[0]?.question)
    expect(questionByKey(second, key)).not.toBe(questionByKey(first, key))
  })
})
