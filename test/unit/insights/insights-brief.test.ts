import { groupStep, maturityQuestionsUnder, medianLevel } from '../../../src/domain/insights/brief'
import type { QuestionnaireDefinition } from '../../../src/domain/questionnaire/definition'
import { validDefinition } from '../../support/definitions'

const definition = validDefinition() as QuestionnaireDefinition
const standards = maturityQuestionsUnder(definition, 'question', 'data.quality.standards')[0]!.question

describe('the maturity questions a brief covers', () => {
  it.each([
    ['dimension', 'data', ['data.quality.standards']],
    ['theme', 'tech.cloud', ['tech.cloud.first']],
    ['question', 'data.quality.standards', ['data.quality.standards']],
    // A scored choice question has options, not level descriptors.
    ['question', 'data.quality.shared', []],
    ['dimension', 'nowhere', []],
  ] as const)('under the %s %s', (level, key, expected) => {
    expect(maturityQuestionsUnder(definition, level, key).map(q => q.question.key)).toEqual(expected)
  })

  it('names each question’s theme', () => {
    expect(maturityQuestionsUnder(definition, 'dimension', 'tech')[0]!.themeTitle).toBe('Cloud')
  })
})

describe('median level', () => {
  it.each([
    [[], null],
    [[3], 3],
    [[4, 1, 2], 2],
    [[1, 2, 2, 1], 1.5],
    [[5, 1, 1, 5], 3],
  ])('of %j is %p', (levels, median) => {
    expect(medianLevel(levels)).toBe(median)
  })
})

describe('a group’s next step on one question', () => {
  it('points at the level above the median, with the spread behind it', () => {
    expect(groupStep(standards, [2, 1, null, 2, 1])).toEqual({
      median: 1.5,
      next: { level: 2, descriptor: 'A draft exists.' },
      tally: [
        { level: 1, count: 2 },
        { level: 2, count: 2 },
      ],
      without: 1,
    })
  })

  it('has no next level at the top of the scale, or when nobody has a level', () => {
    expect(groupStep(standards, [5, 5]).next).toBeNull()
    expect(groupStep(standards, [null, null])).toMatchObject({ median: null, next: null, without: 2 })
  })
})
