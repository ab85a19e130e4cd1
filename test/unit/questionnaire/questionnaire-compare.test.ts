import { composeKeyMaps, compareVersions } from '../../../src/domain/questionnaire/compare'
import type { QuestionnaireDefinition } from '../../../src/domain/questionnaire/definition'
import { validateDefinition } from '../../../src/domain/questionnaire/validate'
import { validDefinition } from '../../support/definitions'

function definition(change: (d: Record<string, any>) => void = () => undefined): QuestionnaireDefinition {
  const document = validDefinition()
  change(document)
  const result = validateDefinition(document, { supersedesAlreadyChecked: true })
  if (!result.valid) throw new Error(JSON.stringify(result.errors))
  return result.definition
}

describe('composeKeyMaps', () => {
  it('normalises single keys to lists', () => {
    expect(composeKeyMaps([{ a: 'b', c: ['d', 'e'] }])).toEqual({ a: ['b'], c: ['d', 'e'] })
  })

  it('follows a chain of versions', () => {
    expect(
      composeKeyMaps([
        { a: 'b', x: ['y', 'z'] },
        { b: 'c', z: 'w', k: 'm' },
      ]),
    ).toEqual({ a: ['c'], x: ['y', 'w'], k: ['m'] })
  })

  it('is empty with no chain', () => {
    expect(composeKeyMaps([])).toEqual({})
  })
})

describe('compareVersions', () => {
  const older = definition()

  it('finds nothing between a version and itself', () => {
    const result = compareVersions(older, older, {})
    expect(
      result.map(d => [d.key, d.added.length, d.removed.length, d.reworded.length, d.mapped.length, d.unchanged]),
    ).toEqual([
      ['data', 0, 0, 0, 0, 3],
      ['tech', 0, 0, 0, 0, 3],
    ])
  })

  it('tells added, removed, reworded and mapped apart, per dimension', () => {
    const newer = definition(d => {
      const data = d.dimensions[0].themes[0].questions
      data[0].prompt = 'Standards, reworded?' // reworded under the same key
      data.push({ key: 'data.quality.new', type: 'maturity', prompt: 'New?', levels: { ...data[0].levels } }) // added
      const tech = d.dimensions[1].themes[0].questions
      tech[0].key = 'tech.cloud.first-a' // split...
      tech.splice(1, 0, { ...tech[0], key: 'tech.cloud.first-b', prompt: 'Second half?' })
      tech.splice(3, 1) // removed: tech.cloud.platforms
    })
    const result = compareVersions(older, newer, { 'tech.cloud.first': ['tech.cloud.first-a', 'tech.cloud.first-b'] })
    const data = result.find(d => d.key === 'data')!
    const tech = result.find(d => d.key === 'tech')!
    expect(data.reworded).toEqual([
      { key: 'data.quality.standards', before: 'Standards?', after: 'Standards, reworded?' },
    ])
    expect(data.added.map(q => q.key)).toEqual(['data.quality.new'])
    expect(data.unchanged).toBe(2)
    expect(tech.mapped).toEqual([
      {
        from: { key: 'tech.cloud.first', prompt: 'Cloud first?' },
        to: [
          { key: 'tech.cloud.first-a', prompt: 'Cloud first?' },
          { key: 'tech.cloud.first-b', prompt: 'Second half?' },
        ],
      },
    ])
    expect(tech.removed.map(q => q.key)).toEqual(['tech.cloud.platforms'])
    expect(tech.added).toEqual([])
  })

  it('counts a key mapped to itself as the same question', () => {
    const newer = definition(d => (d.dimensions[0].themes[0].questions[0].levels['3'] = 'Agreed, used and published.'))
    const data = compareVersions(older, newer, { 'data.quality.standards': ['data.quality.standards'] }).find(
      d => d.key === 'data',
    )!
    expect(data.reworded.map(r => r.key)).toEqual(['data.quality.standards'])
    expect(data.mapped).toEqual([])
  })
})
