import fc from 'fast-check'
import type { AnswerContent } from '../../../src/domain/assessment/answer'
import { allQuestions, type QuestionnaireDefinition } from '../../../src/domain/questionnaire/definition'
import { validateDefinition } from '../../../src/domain/questionnaire/validate'
import { score, type Scores } from '../../../src/domain/scoring'
import { validDefinition } from '../../support/definitions'

function definition(change: (d: Record<string, any>) => void = () => undefined): QuestionnaireDefinition {
  const document = validDefinition()
  change(document)
  const result = validateDefinition(document)
  if (!result.valid) throw new Error(JSON.stringify(result.errors))
  return result.definition
}

const level = (l: number): AnswerContent => ({ level: l, value: null, notApplicable: false, evidence: null })
const value = (v: string): AnswerContent => ({ level: null, value: v, notApplicable: false, evidence: null })
const na: AnswerContent = { level: null, value: null, notApplicable: true, evidence: null }

describe('the scoring rule, worked by hand', () => {
  // data (weight 1): quality theme = standards (maturity, w1) + shared (choice yes=4/no=1, w1)
  // tech (weight 2): cloud theme = first (maturity, w1, N/A allowed); share and platforms never score.
  const def = definition()

  it('averages within a theme, then across themes and dimensions by weight, with coverage', () => {
    const answers = new Map([
      ['data.quality.standards', level(2)],
      ['data.quality.shared', value('yes')],
      ['tech.cloud.first', level(5)],
    ])
    const result = score(def, { answers, basis: 'self' })
    // data = (2 + 4) / 2 = 3; tech = 5; overall = (1 × 3 + 2 × 5) / 3 = 13 / 3
    expect(result.dimensions.map(d => [d.key, d.score, d.coverage])).toEqual([
      ['data', 3, 1],
      ['tech', 5, 1],
    ])
    expect(result.overall).toBeCloseTo(13 / 3, 12)
    expect(result.coverage).toBe(1)
  })

  it('leaves out unanswered and not-applicable questions, and gives no score where nothing scores', () => {
    const result = score(def, {
      answers: new Map([
        ['data.quality.standards', level(4)],
        ['tech.cloud.first', na],
      ]),
      basis: 'self',
    })
    expect(result.dimensions[0]).toMatchObject({ score: 4, coverage: 0.5 })
    expect(result.dimensions[1]).toMatchObject({ score: null, coverage: 0 })
    expect(result.overall).toBe(4)
    expect(result.coverage).toBe(0.5)
  })

  it('uses the moderated level on the final basis and the respondent’s on the self basis', () => {
    const answers = new Map([['data.quality.standards', level(4)]])
    const moderatedLevels = new Map([['data.quality.standards', 2]])
    expect(score(def, { answers, moderatedLevels, basis: 'self' }).overall).toBe(4)
    expect(score(def, { answers, moderatedLevels, basis: 'final' }).overall).toBe(2)
  })

  it('scores nothing at all for an empty assessment', () => {
    expect(score(def, { answers: new Map(), basis: 'self' })).toMatchObject({ overall: null, coverage: 0 })
  })
})

describe('the scoring rule, by its properties', () => {
  const def = definition()
  const scoredKeys = allQuestions(def)
    .filter(l => l.question.type === 'maturity')
    .map(l => l.question.key)
  const arbitraryAnswers = fc.record({
    'data.quality.standards': fc.option(fc.integer({ min: 1, max: 5 })),
    'tech.cloud.first': fc.option(fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(0))),
    'data.quality.shared': fc.option(fc.constantFrom('yes', 'no')),
  })
  const toMap = (raw: Record<string, number | string | null>) => {
    const map = new Map<string, AnswerContent>()
    for (const [key, v] of Object.entries(raw)) {
      if (v === null) continue
      if (v === 0) map.set(key, na)
      else map.set(key, typeof v === 'number' ? level(v) : value(v))
    }
    return map
  }
  const allScores = (s: Scores) => [s.overall, ...s.dimensions.flatMap(d => [d.score, ...d.themes.map(t => t.score)])]

  it('keeps every score on the scale and every coverage between 0 and 1', () => {
    fc.assert(
      fc.property(arbitraryAnswers, raw => {
        const s = score(def, { answers: toMap(raw), basis: 'self' })
        for (const x of allScores(s)) if (x !== null) expect(x >= 1 && x <= 5).toBe(true)
        for (const c of [s.coverage, ...s.dimensions.map(d => d.coverage)]) expect(c >= 0 && c <= 1).toBe(true)
      }),
    )
  })

  it('never lowers any aggregate when one answer is raised', () => {
    fc.assert(
      fc.property(arbitraryAnswers, fc.constantFrom(...scoredKeys), (raw, key) => {
        const answers = toMap(raw)
        const current = answers.get(key)?.level
        if (!current || current === 5) return
        const before = score(def, { answers, basis: 'self' })
        const after = score(def, { answers: new Map([...answers, [key, level(current + 1)]]), basis: 'self' })
        allScores(before).forEach((b, i) => {
          const a = allScores(after)[i]
          if (b !== null && a !== null && a !== undefined) expect(a).toBeGreaterThanOrEqual(b - 1e-12)
        })
      }),
    )
  })

  it('treats “not applicable” as if the question were not there', () => {
    fc.assert(
      fc.property(arbitraryAnswers, raw => {
        const answers = toMap({ ...raw, 'tech.cloud.first': 0 })
        const withNa = score(def, { answers, basis: 'self' })
        const without = definition(d => d.dimensions[1].themes[0].questions.splice(0, 1))
        expect(score(without, { answers, basis: 'self' })).toEqual(withNa)
      }),
    )
  })
})
