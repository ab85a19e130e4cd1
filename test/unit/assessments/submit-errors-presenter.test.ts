import { submitProblems } from '../../../src/domain/assessment/progress'
import type { Answer } from '../../../src/domain/assessment/answer'
import type { QuestionnaireDefinition } from '../../../src/domain/questionnaire/definition'
import { validateDefinition } from '../../../src/domain/questionnaire/validate'
import { submitErrors } from '../../../src/presenters/assessments/submit-errors.presenter'
import type { AssessmentView } from '../../../src/services/assessments/view-assessment.service'
import { validDefinition } from '../../support/definitions'

const checked = validateDefinition(validDefinition())
if (!checked.valid) throw new Error('the test definition should be valid')
const definition: QuestionnaireDefinition = checked.definition

const answer = (questionKey: string, part: Partial<Answer>): Answer => ({
  questionKey,
  level: null,
  value: null,
  notApplicable: false,
  evidence: null,
  revision: 1,
  updatedAt: new Date('2026-11-27T10:00:00Z'),
  updatedBy: null,
  carriedFrom: null,
  ...part,
})

const viewWith = (answers: Answer[], def = definition) =>
  ({
    assessment: { id: 4 },
    definition: def,
    answers: new Map(answers.map(a => [a.questionKey, a])),
  }) as unknown as AssessmentView

const errorsFor = (answers: Answer[], declarationConfirmed: boolean, def = definition) => {
  const view = viewWith(answers, def)
  return submitErrors(view, submitProblems(def, view.answers), declarationConfirmed)
}

/** The test definition, with evidence required for the cloud theme's maturity question. */
function evidenceRequired(): QuestionnaireDefinition {
  const def = structuredClone(definition)
  def.dimensions[1]!.themes[0]!.questions[0]!.evidence = 'required'
  return def
}

describe('the errors of an incomplete submission', () => {
  it('give one link per theme, to its first missing question, and the declaration at the same time', () => {
    const errors = errorsFor([], false)
    expect(errors.description).toBe('You have not answered 5 questions.')
    expect(errors.summary).toEqual([
      {
        text: 'Quality: 2 questions not answered',
        href: '/assessments/4/themes/data.quality#answer-data__quality__standards',
      },
      { text: 'Cloud: 3 questions not answered', href: '/assessments/4/themes/tech.cloud#answer-tech__cloud__first' },
      { text: 'Confirm the declaration to submit the assessment', href: '#declaration' },
    ])
    expect(errors.fields).toEqual({ declaration: 'Confirm the declaration to submit the assessment' })
  })

  it('say what else a theme needs: answers carried over to confirm, and evidence', () => {
    const errors = errorsFor(
      [
        answer('data.quality.standards', { level: 3, carriedFrom: '2025 assessment' }),
        answer('tech.cloud.first', { level: 2 }),
        answer('tech.cloud.share', { value: 40 }),
        answer('tech.cloud.platforms', { value: ['pay'] }),
      ],
      true,
      evidenceRequired(),
    )
    expect(errors.description).toBe(
      'You have not answered 1 question. 1 answer carried over from the last round needs confirming or changing. 1 question needs evidence.',
    )
    expect(errors.summary).toEqual([
      {
        text: 'Quality: 1 question not answered, 1 answer to confirm',
        href: '/assessments/4/themes/data.quality#answer-data__quality__standards',
      },
      {
        text: 'Cloud: Enter evidence for first',
        href: '/assessments/4/themes/tech.cloud#answer-tech__cloud__first',
      },
    ])
    expect(errors.fields).toEqual({})
  })

  it('is the declaration alone when every answer is there', () => {
    const errors = errorsFor(
      [
        answer('data.quality.standards', { level: 3 }),
        answer('data.quality.shared', { value: 'no' }),
        answer('tech.cloud.first', { level: 2 }),
        answer('tech.cloud.share', { value: 40 }),
        answer('tech.cloud.platforms', { value: ['pay'] }),
      ],
      false,
    )
    expect(errors.description).toBeUndefined()
    expect(errors.summary).toEqual([{ text: 'Confirm the declaration to submit the assessment', href: '#declaration' }])
  })
})
