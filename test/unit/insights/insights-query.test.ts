import type { AnswerContent } from '../../../src/domain/assessment/answer'
import { heatmapRow, heatmapScope, type HeatmapScope } from '../../../src/domain/insights/heatmap'
import { parseInsightQuery } from '../../../src/domain/insights/query'
import type { QuestionnaireDefinition } from '../../../src/domain/questionnaire/definition'
import { validateDefinition } from '../../../src/domain/questionnaire/validate'
import { insightQueryString } from '../../../src/presenters/insights/insight-query'
import { validDefinition } from '../../support/definitions'

const defaults = { threshold: 2.5 }

describe('the insight controls from a query string', () => {
  it('takes defaults for anything missing', () => {
    expect(parseInsightQuery({}, defaults).value).toEqual({
      level: 'dimension',
      parent: undefined,
      basis: 'final',
      threshold: 2.5,
      order: 'name',
      partnershipId: undefined,
      minSize: 3,
      k: 4,
    })
  })

  it('names every wrong control at once and returns no query', () => {
    const parsed = parseInsightQuery(
      { level: 'borough', basis: 'mine', threshold: '7', minSize: '0', k: '2.5', order: 'random', partnership: 'x' },
      defaults,
    )
    expect(parsed.value).toBeUndefined()
    expect(parsed.errors).toEqual([
      { field: 'level', message: 'level must be one of "dimension", "theme", "question", not "borough"' },
      { field: 'partnership', message: `partnership must be a partnership’s number, not "x"` },
      { field: 'basis', message: 'basis must be one of "final", "self", not "mine"' },
      { field: 'threshold', message: 'threshold must be on the scale, from 1 to 5, not "7"' },
      { field: 'order', message: 'order must be one of "name", "overall", "similarity", not "random"' },
      { field: 'minSize', message: 'minSize must be a positive whole number, not "0"' },
      { field: 'k', message: 'k must be a positive whole number, not "2.5"' },
    ])
  })

  it('needs a parent below the dimension level, and refuses text where a number belongs', () => {
    expect(parseInsightQuery({ level: 'theme' }, defaults).errors).toEqual([
      { field: 'parent', message: 'parent must name the dimension to open' },
    ])
    expect(parseInsightQuery({ threshold: '2.5e0' }, defaults).errors[0]?.message).toBe(
      'threshold must be a number, not "2.5e0"',
    )
  })

  it('round-trips through the links the pages build, leaving defaults out', () => {
    const query = parseInsightQuery(
      { level: 'theme', parent: 'data', threshold: '3', order: 'similarity' },
      defaults,
    ).value!
    const link = insightQueryString(query, defaults)
    expect(link).toBe('?level=theme&parent=data&threshold=3&order=similarity')
    expect(parseInsightQuery(Object.fromEntries(new URLSearchParams(link)), defaults).value).toEqual(query)
    expect(insightQueryString(query, defaults, { level: 'dimension' })).toBe('?threshold=3&order=similarity')
  })
})

describe('heatmap cells', () => {
  const result = validateDefinition(validDefinition())
  if (!result.valid) throw new Error('fixture is not valid')
  const def: QuestionnaireDefinition = result.definition
  const level = (l: number): AnswerContent => ({ level: l, value: null, notApplicable: false, evidence: null })
  const na: AnswerContent = { level: null, value: null, notApplicable: true, evidence: null }

  it('scores dimensions by the rule and says why a cell is empty', () => {
    const scope = heatmapScope(def, 'dimension')!
    const answers = new Map([
      ['data.quality.standards', level(2)],
      ['tech.cloud.first', na],
    ])
    const row = heatmapRow(def, scope, { answers, moderatedLevels: new Map([['data.quality.standards', 4]]) }, 'final')
    expect(row.cells).toEqual([{ score: 4 }, { score: null, reason: 'not_applicable' }])
    const self = heatmapRow(def, scope, { answers: new Map(), moderatedLevels: new Map() }, 'self')
    expect(self.cells).toEqual([
      { score: null, reason: 'not_answered' },
      { score: null, reason: 'not_answered' },
    ])
  })

  it('scores the parent of each level: the overall for dimensions, the dimension for themes, the theme for questions', () => {
    const answers = new Map([
      ['data.quality.standards', level(2)],
      ['data.quality.shared', { level: null, value: 'yes', notApplicable: false, evidence: null }],
      ['tech.cloud.first', level(5)],
    ])
    const row = (scope: HeatmapScope) => heatmapRow(def, scope, { answers, moderatedLevels: new Map() }, 'final')
    const dimensions = row(heatmapScope(def, 'dimension')!)
    expect(dimensions.parentScore).toBe(dimensions.overall)
    const data = row(heatmapScope(def, 'theme', 'data')!)
    expect([data.parentScore, data.cells]).toEqual([3, [{ score: 3 }]])
    const quality = row(heatmapScope(def, 'question', 'data.quality')!)
    expect([quality.parentScore, quality.cells]).toEqual([3, [{ score: 2 }, { score: 4 }]])
    // The overall stays the organisation's own at every level.
    expect(quality.overall).toBe(dimensions.overall)
    expect(quality.overall).not.toBe(3)
  })

  it('opens a dimension into its themes and a theme into its scored questions', () => {
    expect(heatmapScope(def, 'theme', 'data')?.columns.map(c => c.key)).toEqual(['data.quality'])
    const questions = heatmapScope(def, 'question', 'data.quality')!
    expect(questions.columns.map(c => c.key)).toEqual(['data.quality.standards', 'data.quality.shared'])
    expect(questions.grandparent).toEqual({ key: 'data', title: 'Data' })
    expect(heatmapScope(def, 'theme', 'data.quality')).toBeUndefined()
    expect(heatmapScope(def, 'question', 'nowhere')).toBeUndefined()
  })
})
