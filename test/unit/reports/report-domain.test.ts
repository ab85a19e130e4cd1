import fc from 'fast-check'
import { comparableQuestions, remapKeys, restrictTo } from '../../../src/domain/comparison'
import {
  allQuestions,
  type MaturityQuestion,
  type QuestionnaireDefinition,
} from '../../../src/domain/questionnaire/definition'
import { validateDefinition } from '../../../src/domain/questionnaire/validate'
import { nextLevel, rankThemes } from '../../../src/domain/report'
import { score } from '../../../src/domain/scoring'
import { distribution, quantile } from '../../../src/domain/statistics'
import { validDefinition } from '../../support/definitions'

function definition(change: (d: Record<string, any>) => void = () => undefined): QuestionnaireDefinition {
  const document = validDefinition()
  change(document)
  const result = validateDefinition(document)
  if (!result.valid) throw new Error(JSON.stringify(result.errors))
  return result.definition
}

describe('London’s distribution', () => {
  it('gives quartiles by linear interpolation, as a spreadsheet’s QUARTILE.INC does', () => {
    expect(distribution([5, 1, 2, 4, 3, 2])).toEqual({ count: 6, lowerQuartile: 2, median: 2.5, upperQuartile: 3.75 })
    expect(distribution([1, 2, 2, 4])).toEqual({ count: 4, lowerQuartile: 1.75, median: 2, upperQuartile: 2.5 })
    expect(distribution([3.2])).toEqual({ count: 1, lowerQuartile: 3.2, median: 3.2, upperQuartile: 3.2 })
    expect(distribution([])).toBeNull()
  })

  it('keeps every quartile between the smallest and largest value, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 5, noNaN: true }), { minLength: 1, maxLength: 40 }), values => {
        const d = distribution(values)!
        expect(Math.min(...values)).toBeLessThanOrEqual(d.lowerQuartile)
        expect(d.lowerQuartile).toBeLessThanOrEqual(d.median)
        expect(d.median).toBeLessThanOrEqual(d.upperQuartile)
        expect(d.upperQuartile).toBeLessThanOrEqual(Math.max(...values))
      }),
    )
  })

  it('refuses a quantile outside 0 to 1 or of nothing', () => {
    expect(() => quantile([1], 1.5)).toThrow(RangeError)
    expect(() => quantile([], 0.5)).toThrow(RangeError)
  })
})

describe('comparable questions between versions', () => {
  const older = definition()
  const keys = allQuestions(older).map(l => l.question.key)

  it('pairs unchanged keys and one-to-one moves, never a split or an unscored question', () => {
    const newer = definition(d => {
      const questions = d.dimensions[0].themes[0].questions
      questions[0].key = 'data.quality.standards-moved'
    })
    const pairs = comparableQuestions(older, newer, { 'data.quality.standards': ['data.quality.standards-moved'] })
    expect(pairs.get('data.quality.standards-moved')).toBe('data.quality.standards')
    expect(pairs.has('data.quality.shared')).toBe(true)
    expect([...pairs.keys()].every(k => keys.includes(k) || k === 'data.quality.standards-moved')).toBe(true)
    expect(pairs.has('tech.cloud.share')).toBe(false)

    const split = comparableQuestions(older, newer, {
      'data.quality.standards': ['data.quality.standards-moved', 'data.quality.shared'],
    })
    expect(split.has('data.quality.standards-moved')).toBe(false)
  })

  it('scores only the comparable questions once restricted, with older answers under newer keys', () => {
    const restricted = restrictTo(older, new Set(['data.quality.standards']))
    const answers = remapKeys(
      new Map([
        ['old.key', { level: 4, value: null, notApplicable: false, evidence: null }],
        ['data.quality.shared', { level: null, value: 'yes', notApplicable: false, evidence: null }],
      ]),
      { 'old.key': ['data.quality.standards'] },
    )
    const scores = score(restricted, { answers, basis: 'self' })
    // The choice question is left out, so the data dimension is the maturity level alone.
    expect(scores.dimensions[0]?.score).toBe(4)
  })
})

describe('the report’s themes and next steps', () => {
  const def = definition()
  const question = allQuestions(def).find(l => l.question.type === 'maturity')!.question as MaturityQuestion

  it('suggests the next level’s descriptor, from level 1 when unanswered, and nothing at the top', () => {
    expect(nextLevel(question, 2)).toEqual({ level: 3, descriptor: 'Agreed and used.' })
    expect(nextLevel(question, null)).toEqual({ level: 1, descriptor: 'Nothing written down.' })
    expect(nextLevel(question, 5)).toBeNull()
  })

  it('ranks themes by score and never lists one theme as both strongest and weakest', () => {
    const scores = score(def, {
      answers: new Map([
        ['data.quality.standards', { level: 2, value: null, notApplicable: false, evidence: null }],
        ['tech.cloud.first', { level: 5, value: null, notApplicable: false, evidence: null }],
      ]),
      basis: 'self',
    })
    const ranked = rankThemes(def, scores)
    expect(ranked.strongest.map(t => t.score)).toEqual([5])
    expect(ranked.weakest.map(t => t.score)).toEqual([2])
  })
})
