import { checkAnswer } from '../../../src/domain/assessment/answer'
import { answerMessage, questionName, type AnswerIssue } from '../../../src/domain/questionnaire/answer-messages'
import type { Question } from '../../../src/domain/questionnaire/definition'

const base = { required: true, weight: 1, allowNotApplicable: false, evidence: 'optional' as const }
const maturity: Question = {
  ...base,
  key: 'data.infrastructure.data-platform',
  type: 'maturity',
  prompt: 'How does your council bring data together from its systems so that it can be analysed and used safely?',
  levels: { '1': 'a', '2': 'b', '3': 'c', '4': 'd', '5': 'e' },
}
const choice: Question = {
  ...base,
  key: 'foundations.context.shared-ict',
  type: 'choice',
  prompt: 'Does your council share an ICT or digital service with other councils?',
  options: [
    { value: 'yes', label: 'Yes' },
    { value: 'no', label: 'No' },
  ],
}
const multi: Question = {
  ...base,
  key: 'foundations.context.shared-platforms',
  type: 'multi',
  prompt: 'Which of these shared platforms and products does your council use?',
  options: [
    { value: 'notify', label: 'GOV.UK Notify' },
    { value: 'none', label: 'None of these' },
  ],
}
const count: Question = {
  ...base,
  key: 'foundations.context.line-of-business-systems',
  type: 'number',
  prompt: 'How many line-of-business systems does your council run?',
  min: 0,
}
const share: Question = {
  ...base,
  key: 'foundations.context.digital-budget-share',
  type: 'number',
  prompt: 'What share of your council’s net revenue budget is spent on digital, data and technology?',
  min: 0,
  max: 100,
  unit: '%',
}
const text: Question = {
  ...base,
  key: 'foundations.context.anything-else',
  type: 'text',
  prompt: 'Is there anything else LOTI should know?',
  maxLength: 2000,
}

describe('answerMessage: one GOV.UK sentence for each problem, naming the question briefly', () => {
  it.each<[string, Question, AnswerIssue, string]>([
    ['maturity, missing', maturity, { kind: 'missing' }, 'Select a maturity level for data platform'],
    ['maturity, off the scale', maturity, { kind: 'not-an-option' }, 'Select a maturity level for data platform'],
    ['choice, missing', choice, { kind: 'missing' }, 'Select an answer for shared ICT'],
    ['choice, not an option', choice, { kind: 'not-an-option' }, 'Select an answer for shared ICT'],
    ['multi, missing', multi, { kind: 'missing' }, 'Select at least one option for shared platforms'],
    [
      'multi, “none” with others',
      multi,
      { kind: 'none-with-others', noneLabel: 'None of these' },
      'Select “None of these” or other options for shared platforms, not both',
    ],
    [
      'number, a decimal count',
      count,
      { kind: 'not-whole' },
      'Enter the number of line of business systems as a whole number, like 12',
    ],
    [
      'number, not a number (a count)',
      count,
      { kind: 'not-a-number' },
      'Enter the number of line of business systems as a whole number, like 12',
    ],
    [
      'number, not a number (a share)',
      share,
      { kind: 'not-a-number' },
      'Enter digital budget share as a number, like 12 or 3.5',
    ],
    [
      'number, below its only bound',
      count,
      { kind: 'below-min', min: 0 },
      'The number of line of business systems must be 0 or more',
    ],
    [
      'number, out of a range',
      share,
      { kind: 'above-max', max: 100, min: 0 },
      'Digital budget share must be between 0 and 100',
    ],
    ['text, too long', text, { kind: 'too-long', limit: 2000 }, 'Anything else must be 2,000 characters or fewer'],
    ['text, missing', text, { kind: 'missing' }, 'Enter anything else'],
    [
      'evidence, too long',
      maturity,
      { kind: 'evidence-too-long', limit: 5000 },
      'Evidence for data platform must be 5,000 characters or fewer',
    ],
    ['evidence, missing', maturity, { kind: 'evidence-missing' }, 'Enter evidence for data platform'],
    [
      'a carried answer',
      maturity,
      { kind: 'carried-over', from: '2025 assessment' },
      'Confirm or change the answer carried over from 2025 assessment for data platform',
    ],
  ])('%s', (_case, question, issue, message) => {
    expect(answerMessage(question, issue)).toBe(message)
    // Never the whole question again: the message stays short enough to read in a summary.
    expect(answerMessage(question, issue)).not.toContain(question.prompt)
  })

  it('uses the name a definition gives, where it gives one', () => {
    const named = { ...count, name: 'the number of line-of-business systems' }
    expect(questionName(named)).toBe('the number of line-of-business systems')
    expect(answerMessage(named, { kind: 'not-whole' })).toBe(
      'Enter the number of line-of-business systems as a whole number, like 12',
    )
  })

  it('is what checkAnswer says, for the API and the form alike', () => {
    expect(checkAnswer(count, { value: 42.5 }).problems).toEqual([
      { pointer: '/value', message: 'Enter the number of line of business systems as a whole number, like 12' },
    ])
    expect(checkAnswer(maturity, { level: 2, evidence: 'x'.repeat(5001) }).problems).toEqual([
      { pointer: '/evidence', message: 'Evidence for data platform must be 5,000 characters or fewer' },
    ])
  })
})

describe('whole numbers', () => {
  it('takes only whole numbers for a count: a number question without a unit', () => {
    expect(checkAnswer(count, { value: 42 }).content?.value).toBe(42)
    expect(checkAnswer(count, { value: '1,204' }).content?.value).toBe(1204)
    expect(checkAnswer(count, { value: 42.5 }).content).toBeUndefined()
    expect(checkAnswer(count, { value: '42.5' }).content).toBeUndefined()
  })

  it('takes decimals where the question has a unit, as shares and full-time equivalents are', () => {
    expect(checkAnswer(share, { value: 3.5 }).content?.value).toBe(3.5)
  })

  it('follows the definition where it says so either way', () => {
    expect(checkAnswer({ ...count, wholeNumber: false }, { value: 2.5 }).content?.value).toBe(2.5)
    const wholeShare = { ...share, wholeNumber: true }
    expect(checkAnswer(wholeShare, { value: 3.5 }).problems.map(p => p.message)).toEqual([
      'Enter digital budget share as a whole number, like 12',
    ])
  })
})
