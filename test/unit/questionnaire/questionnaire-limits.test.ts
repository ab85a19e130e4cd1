import fs from 'node:fs'
import path from 'node:path'
import { LIMITS, limitErrors } from '../../../src/domain/questionnaire/limits'
import schema from '../../../src/domain/questionnaire/questionnaire.schema.json'
import { validateDefinition } from '../../../src/domain/questionnaire/validate'
import { MAX_LISTED_ERRORS, unlistedProblems } from '../../../src/domain/questionnaire/validation-result'
import { validDefinition } from '../../support/definitions'

type Doc = Record<string, any>
const seeds = fs
  .readdirSync(path.resolve(__dirname, '../../../seeds/data/questionnaires'))
  .map(
    f => JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../seeds/data/questionnaires', f), 'utf8')) as Doc,
  )

const withDimensions = (n: number, dimension: Doc = { title: 'dimens' }): Doc => ({
  ...validDefinition(),
  dimensions: Array.from({ length: n }, () => structuredClone(dimension)),
})

describe('the limits on what a questionnaire may hold', () => {
  it('are well above what the shipped questionnaires hold, which pass them', () => {
    for (const seed of seeds) {
      expect(limitErrors(seed)).toEqual([])
      expect(seed.dimensions.length * 4).toBeLessThanOrEqual(LIMITS.dimensions)
    }
  })

  it('are the ones the schema states for each list', () => {
    const defs = schema.$defs as Doc
    expect(schema.properties.dimensions.maxItems).toBe(LIMITS.dimensions)
    expect(defs.dimension.properties.themes.maxItems).toBe(LIMITS.themesPerDimension)
    expect(defs.theme.properties.questions.maxItems).toBe(LIMITS.questionsPerTheme)
    expect(defs.showIf.properties.values.maxItems).toBe(LIMITS.showIfValues)
    expect(schema.properties.supersedes.properties.keyMap.maxProperties).toBe(LIMITS.keyMapEntries)
  })

  it('refuse 40,000 dimensions in a few errors, naming the limit, before the schema is checked', () => {
    const started = performance.now()
    const result = validateDefinition(withDimensions(40_000))
    expect(performance.now() - started).toBeLessThan(1_000)
    expect(result).toEqual({
      valid: false,
      errors: [
        {
          pointer: '/dimensions',
          message: 'Questionnaire: dimensions has 40,000 items: a questionnaire may hold at most 20 dimensions',
        },
      ],
      unlisted: { count: 0, checkingStopped: true },
    })
  })

  it.each([
    [
      'themes in one dimension',
      (d: Doc) => (d.dimensions[0].themes = Array(51).fill(d.dimensions[0].themes[0])),
      '/dimensions/0/themes',
      'a dimension may hold at most 50 themes',
    ],
    [
      'questions in one theme',
      (d: Doc) => (d.dimensions[0].themes[0].questions = Array(101).fill({})),
      '/dimensions/0/themes/0/questions',
      'a theme may hold at most 100 questions',
    ],
    [
      'options of a question',
      (d: Doc) => (d.dimensions[0].themes[0].questions[0].options = Array(51).fill({})),
      '/dimensions/0/themes/0/questions/0/options',
      'a question may list at most 50 options',
    ],
    ['levels on the scale', (d: Doc) => d.scale.levels.push({}), '/scale/levels', 'a scale has exactly 5 levels'],
    [
      'fields in an object',
      (d: Doc) => Object.assign(d, Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${i}`, i]))),
      '',
      'an object in a questionnaire has at most 30',
    ],
    [
      'values in all',
      (d: Doc) => (d.description = Array(20_001).fill(0)),
      '',
      'a questionnaire may hold at most 20,000',
    ],
    [
      'depth',
      (d: Doc) => (d.description = JSON.parse('['.repeat(20) + ']'.repeat(20))),
      '/description/0/0/0/0/0/0/0/0/0/0/0',
      'at most 12 levels deep',
    ],
  ])('name too many %s', (_what, change, pointer, message) => {
    const document = validDefinition()
    change(document)
    const result = validateDefinition(document)
    expect(result.valid).toBe(false)
    expect(result.errors).toEqual([{ pointer, message: expect.stringContaining(message) }])
  })

  it('count questions in all', () => {
    const theme = (n: number) => ({
      key: `t${n}`,
      title: 'T',
      questions: Array(100).fill(validDefinition().dimensions[0].themes[0].questions[0]),
    })
    const document = withDimensions(6, { key: 'd', title: 'D', description: '', themes: [theme(1)] })
    expect(limitErrors(document)).toEqual([
      { pointer: '/dimensions', message: 'hold 600 questions: a questionnaire may hold at most 500 questions' },
    ])
  })
})

describe('a long list of problems', () => {
  it(`lists ${MAX_LISTED_ERRORS}, and counts the rest exactly when every rule was checked`, () => {
    const document = validDefinition()
    const question = document.dimensions[0].themes[0].questions[0]
    // 150 questions with one key: 149 repeats, found by the rules after the schema, which always run to the end.
    document.dimensions[0].themes[0].questions = Array.from({ length: 100 }, () => structuredClone(question))
    document.dimensions[0].themes[1] = {
      key: 'other',
      title: 'Other',
      questions: Array.from({ length: 50 }, () => structuredClone(question)),
    }
    const result = validateDefinition(document)
    expect(result.errors).toHaveLength(MAX_LISTED_ERRORS)
    expect(result.errors[0]?.message).toBe(
      'Dimension 1, theme 1, question 2: key “data.quality.standards” is already used by dimension 1, theme 1, question 1',
    )
    expect(result).toMatchObject({ valid: false, unlisted: { count: 49, checkingStopped: false } })
  })

  it('is described honestly after the list', () => {
    expect(unlistedProblems(undefined)).toBeUndefined()
    expect(unlistedProblems({ count: 1_234, checkingStopped: false })).toBe(
      'And 1,234 more problems, not listed here: fix these and check again to see them.',
    )
    expect(unlistedProblems({ count: 3, checkingStopped: true })).toMatch(
      /^And at least 3 more problems, not listed here: checking stopped there, so there may be others/,
    )
    expect(unlistedProblems({ count: 0, checkingStopped: true })).toMatch(
      /^Checking stopped at the problems above, so there may be others/,
    )
  })
})
