import fc from 'fast-check'
import type { QuestionnaireDefinition } from '../../../src/domain/questionnaire/definition'
import { inPlainWords, placeInWords } from '../../../src/domain/questionnaire/plain-words'
import { supersededVersion, validateDefinition } from '../../../src/domain/questionnaire/validate'
import { validDefinition } from '../../support/definitions'

type Doc = Record<string, any>

function versionOne(): QuestionnaireDefinition {
  const result = validateDefinition(validDefinition())
  if (!result.valid) throw new Error(JSON.stringify(result.errors))
  return result.definition
}

/** Version 2 of the test questionnaire, mapping one old key to a new one. */
const versionTwo = (keyMap: Record<string, unknown> = { 'data.quality.standards': 'data.quality.standards' }): Doc =>
  validDefinition({ version: 2, supersedes: { version: 1, keyMap } })

describe('every problem at once', () => {
  it('lists a schema error, a rule error and a key-map error together, in plain words, each with its pointer', () => {
    const document = versionTwo({ 'data.quality.standards': 'data.quality.gone' })
    delete document.dimensions[1].themes[0].questions[0].levels['5']
    document.dimensions[1].key = 'data'
    expect(validateDefinition(document, { previous: versionOne() })).toEqual({
      valid: false,
      errors: [
        {
          pointer: '/dimensions/1/themes/0/questions/0/levels/5',
          message: 'Dimension 2, theme 1, question 1 (tech.cloud.first): level 5 is missing',
        },
        { pointer: '/dimensions/1/key', message: 'Dimension 2: key “data” is already used by dimension 1' },
        {
          pointer: '/supersedes/keyMap/data.quality.standards',
          message: 'Supersedes, keyMap: new key “data.quality.gone” is not a question in version 2',
        },
      ],
    })
  })

  it('checks the rules on whatever parts have their shape, however broken the rest', () => {
    const document = versionTwo({ 'data.old': ['tech.cloud.first', 7] })
    document.version = 'two'
    document.dimensions[0].themes[0].questions[0] = 'not a question'
    document.dimensions[1].themes[0].questions[1].key = 'data.quality.shared'
    document.dimensions[1].themes[0].questions[0].levels['2'] = 'Nothing written down.'
    const errors = validateDefinition(document, { previous: versionOne() }).errors.map(e => e.message)
    expect(errors).toEqual([
      'Questionnaire: version must be a whole number',
      'Supersedes, keyMap: “data.old” item 2 must be text',
      'Dimension 1, theme 1, question 1 must be an object, in { }',
      'Dimension 2, theme 1, question 2: key “data.quality.shared” is already used by dimension 1, theme 1, question 2',
      'Dimension 2, theme 1, question 1 (tech.cloud.first): level 2 repeats the descriptor of level 1: each level must say what is different',
      'Supersedes, keyMap: old key “data.old” is not a question in version 1',
    ])
  })

  it('never throws, whatever part of a definition is broken, with or without the version it supersedes', () => {
    const places = (node: unknown, at: (string | number)[] = []): (string | number)[][] =>
      node && typeof node === 'object'
        ? Object.entries(node).flatMap(([k, v]) => [
            [...at, Array.isArray(node) ? Number(k) : k],
            ...places(v, [...at, k]),
          ])
        : []
    const all = places(versionTwo())
    const previous = versionOne()
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), fc.boolean(), (junk, pick, withPrevious) => {
        const document = versionTwo()
        const path = all[pick % all.length]!
        let target: Doc = document
        for (const token of path.slice(0, -1)) target = target[token]
        target[path[path.length - 1]!] = junk
        const result = validateDefinition(document, withPrevious ? { previous } : {})
        for (const e of result.errors)
          expect(e.message).toMatch(/^(Questionnaire|The definition|Dimension|Scale|Supersedes)/)
      }),
      { numRuns: 1000 },
    )
  })

  it('reads the version a document supersedes only when it is there to look up', () => {
    expect(supersededVersion(versionTwo())).toEqual({ key: 'test-maturity', version: 1 })
    expect(supersededVersion(validDefinition())).toBeUndefined()
    expect(supersededVersion({ key: 'x', supersedes: { version: 'one' } })).toBeUndefined()
    expect(supersededVersion('junk')).toBeUndefined()
  })
})

describe('where a problem is, in words', () => {
  const said = (pointer: string, message = 'is wrong', clause = false) =>
    inPlainWords({ pointer, message, clause }, validDefinition()).message

  it('numbers dimensions, themes, questions, options and list items from 1, and names the question by its key', () => {
    expect(said('/dimensions/1/themes/0/questions/2/levels/5', 'is missing')).toBe(
      'Dimension 2, theme 1, question 3 (tech.cloud.platforms): level 5 is missing',
    )
    expect(said('/dimensions/0/themes/0/questions/1/options/1/label')).toBe(
      'Dimension 1, theme 1, question 2 (data.quality.shared), option 2: label is wrong',
    )
    expect(said('/dimensions/0/themes/0/questions/2/showIf/values/1')).toBe(
      'Dimension 1, theme 1, question 3 (data.quality.who): showIf value 2 is wrong',
    )
    expect(said('/dimensions/0/themes/0/questions/0/key')).toBe('Dimension 1, theme 1, question 1: key is wrong')
    expect(said('/scale/levels/4/name')).toBe('Scale, level 5: name is wrong')
  })

  it('says the top of the document, the document itself, and names with / or ~ as written', () => {
    expect(said('/weakThreshold', 'must be 5 or less')).toBe('Questionnaire: weakThreshold must be 5 or less')
    expect(said('', 'is not valid JSON')).toBe('The definition is not valid JSON')
    expect(said('/a~1b~0c', '“a/b~c” is not a field of a questionnaire', true)).toBe(
      'Questionnaire: “a/b~c” is not a field of a questionnaire',
    )
  })

  it('says a clause of the place that holds the field', () => {
    expect(said('/dimensions/0/themes/0/questions/0/colour', '“colour” is not a field of a question', true)).toBe(
      'Dimension 1, theme 1, question 1 (data.quality.standards): “colour” is not a field of a question',
    )
  })

  it('names an earlier place inside a sentence', () => {
    expect(placeInWords('/dimensions/0/themes/2')).toBe('dimension 1, theme 3')
    expect(placeInWords('/key')).toBe('the questionnaire')
  })
})
