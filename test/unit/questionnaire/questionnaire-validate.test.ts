import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { allQuestions, isScored } from '../../../src/domain/questionnaire/definition'
import { parseDefinitionText, validateDefinition } from '../../../src/domain/questionnaire/validate'
import { validDefinition } from '../../support/definitions'

type Doc = Record<string, any>
const q = (d: Doc, dim: number, theme: number, question: number): Doc =>
  d.dimensions[dim].themes[theme].questions[question]

const invalid: [string, (d: Doc) => void, string, string][] = [
  ['no key', d => delete d.key, '/key', 'Questionnaire: key is missing'],
  ['version as text', d => (d.version = '2'), '/version', 'Questionnaire: version must be a whole number'],
  ['version zero', d => (d.version = 0), '/version', 'Questionnaire: version must be 1 or more'],
  ['empty title', d => (d.title = ''), '/title', 'Questionnaire: title must not be empty'],
  [
    'an unknown top-level field',
    d => (d.colour = 'blue'),
    '/colour',
    'Questionnaire: “colour” is not a field of a questionnaire',
  ],
  ['four levels on the scale', d => d.scale.levels.pop(), '/scale/levels', 'Scale: levels must have at least 5 items'],
  [
    'levels out of order',
    d => d.scale.levels.reverse(),
    '/scale/levels',
    'Scale: levels must have the values 1, 2, 3, 4 and 5, in that order',
  ],
  [
    'a level value off the scale',
    d => (d.scale.levels[4].value = 6),
    '/scale/levels/4/value',
    'Scale, level 5: value must be 5 or less',
  ],
  [
    'weak threshold off the scale',
    d => (d.weakThreshold = 7),
    '/weakThreshold',
    'Questionnaire: weakThreshold must be 5 or less',
  ],
  ['no dimensions', d => (d.dimensions = []), '/dimensions', 'Questionnaire: dimensions must have at least 1 item'],
  [
    'a theme with no questions',
    d => (d.dimensions[0].themes[0].questions = []),
    '/dimensions/0/themes/0/questions',
    'Dimension 1, theme 1: questions must have at least 1 item',
  ],
  [
    'a zero weight',
    d => (d.dimensions[1].weight = 0),
    '/dimensions/1/weight',
    'Dimension 2: weight must be more than 0',
  ],
  [
    'a negative question weight',
    d => (q(d, 0, 0, 0).weight = -1),
    '/dimensions/0/themes/0/questions/0/weight',
    'Dimension 1, theme 1, question 1 (data.quality.standards): weight must be more than 0',
  ],
  [
    'wholeNumber as a word',
    d => (q(d, 1, 0, 1).wholeNumber = 'yes'),
    '/dimensions/1/themes/0/questions/1/wholeNumber',
    'Dimension 2, theme 1, question 2 (tech.cloud.share): wholeNumber must be true or false',
  ],
  [
    'wholeNumber on a maturity question',
    d => (q(d, 0, 0, 0).wholeNumber = true),
    '/dimensions/0/themes/0/questions/0/wholeNumber',
    'Dimension 1, theme 1, question 1 (data.quality.standards): “wholeNumber” is not a field of a maturity question',
  ],
  [
    'an empty name',
    d => (q(d, 0, 0, 0).name = ''),
    '/dimensions/0/themes/0/questions/0/name',
    'Dimension 1, theme 1, question 1 (data.quality.standards): name must not be empty',
  ],
  [
    'an unknown question type',
    d => (q(d, 0, 0, 0).type = 'slider'),
    '/dimensions/0/themes/0/questions/0/type',
    'Dimension 1, theme 1, question 1 (data.quality.standards): type must be one of “maturity”, “choice”, “multi”, “checklist”, “number”, “text”',
  ],
  [
    'a level without a descriptor',
    d => delete q(d, 0, 0, 0).levels['3'],
    '/dimensions/0/themes/0/questions/0/levels/3',
    'Dimension 1, theme 1, question 1 (data.quality.standards): level 3 is missing',
  ],
  [
    'an empty descriptor',
    d => (q(d, 0, 0, 0).levels['5'] = ''),
    '/dimensions/0/themes/0/questions/0/levels/5',
    'Dimension 1, theme 1, question 1 (data.quality.standards): level 5 must not be empty',
  ],
  [
    'two levels with one descriptor',
    d => (q(d, 0, 0, 0).levels['2'] = 'Nothing written down.'),
    '/dimensions/0/themes/0/questions/0/levels/2',
    'Dimension 1, theme 1, question 1 (data.quality.standards): level 2 repeats the descriptor of level 1: each level must say what is different',
  ],
  [
    'evidence from a level on a question that takes none',
    d => Object.assign(q(d, 0, 0, 0), { evidence: 'none', evidenceFromLevel: 4 }),
    '/dimensions/0/themes/0/questions/0/evidenceFromLevel',
    'Dimension 1, theme 1, question 1 (data.quality.standards): evidenceFromLevel needs "evidence": "optional": below level 4 evidence is optional, from it evidence is needed',
  ],
  [
    'evidence from a level off the scale',
    d => (q(d, 0, 0, 0).evidenceFromLevel = 6),
    '/dimensions/0/themes/0/questions/0/evidenceFromLevel',
    'Dimension 1, theme 1, question 1 (data.quality.standards): evidenceFromLevel must be one of “2”, “3”, “4”, “5”',
  ],
  [
    'evidence from a level on a choice question',
    d => (q(d, 0, 0, 1).evidenceFromLevel = 4),
    '/dimensions/0/themes/0/questions/1/evidenceFromLevel',
    'Dimension 1, theme 1, question 2 (data.quality.shared): “evidenceFromLevel” is not a field of a choice question',
  ],
  [
    'a maturity question with options',
    d => (q(d, 0, 0, 0).options = []),
    '/dimensions/0/themes/0/questions/0/options',
    'Dimension 1, theme 1, question 1 (data.quality.standards): “options” is not a field of a maturity question',
  ],
  [
    'a choice with one option',
    d => q(d, 0, 0, 1).options.pop(),
    '/dimensions/0/themes/0/questions/1/options',
    'Dimension 1, theme 1, question 2 (data.quality.shared): options must have at least 2 items',
  ],
  [
    'a choice score off the scale',
    d => (q(d, 0, 0, 1).options[0].score = 9),
    '/dimensions/0/themes/0/questions/1/options/0/score',
    'Dimension 1, theme 1, question 2 (data.quality.shared), option 1: score must be on the scale, from 1 to 5',
  ],
  [
    'a scored multi question',
    d => (q(d, 1, 0, 2).options[0].score = 3),
    '/dimensions/1/themes/0/questions/2/options/0/score',
    'Dimension 2, theme 1, question 3 (tech.cloud.platforms), option 1: a multi question is context and never scored: remove the score',
  ],
  [
    'a repeated option value',
    d => (q(d, 0, 0, 1).options[1].value = 'yes'),
    '/dimensions/0/themes/0/questions/1/options/1/value',
    'Dimension 1, theme 1, question 2 (data.quality.shared), option 2: value “yes” is already the value of option 1',
  ],
  [
    'a bad evidence rule',
    d => (q(d, 0, 0, 0).evidence = 'sometimes'),
    '/dimensions/0/themes/0/questions/0/evidence',
    'Dimension 1, theme 1, question 1 (data.quality.standards): evidence must be one of “none”, “optional”, “required”',
  ],
  [
    'a key in capitals',
    d => (q(d, 0, 0, 0).key = 'Data.Quality.Standards'),
    '/dimensions/0/themes/0/questions/0/key',
    'Dimension 1, theme 1, question 1: key must be lower-case letters, digits and hyphens in dotted parts, like data.quality.standards',
  ],
  [
    'a key with spaces',
    d => (d.dimensions[1].key = 'tech stuff'),
    '/dimensions/1/key',
    'Dimension 2: key must be lower-case letters, digits and hyphens in dotted parts, like data.quality.standards',
  ],
  [
    'a duplicate question key',
    d => (q(d, 1, 0, 0).key = 'data.quality.standards'),
    '/dimensions/1/themes/0/questions/0/key',
    'Dimension 2, theme 1, question 1: key “data.quality.standards” is already used by dimension 1, theme 1, question 1',
  ],
  [
    'a duplicate theme key',
    d => (d.dimensions[1].themes[0].key = 'data.quality'),
    '/dimensions/1/themes/0/key',
    'Dimension 2, theme 1: key “data.quality” is already used by dimension 1, theme 1',
  ],
  [
    'showIf at a question that does not exist',
    d => (q(d, 0, 0, 2).showIf.question = 'data.nowhere'),
    '/dimensions/0/themes/0/questions/2/showIf/question',
    'Dimension 1, theme 1, question 3 (data.quality.who): showIf names “data.nowhere”, which is not a question in this questionnaire',
  ],
  [
    'showIf pointing forwards',
    d => (q(d, 0, 0, 1).showIf = { question: 'data.quality.who', values: ['x'] }),
    '/dimensions/0/themes/0/questions/1/showIf/question',
    'Dimension 1, theme 1, question 2 (data.quality.shared): showIf names “data.quality.who”, which must come before this question, so people answer it first',
  ],
  [
    'showIf on an answer that cannot be given',
    d => (q(d, 0, 0, 2).showIf.values = ['perhaps']),
    '/dimensions/0/themes/0/questions/2/showIf/values/0',
    'Dimension 1, theme 1, question 3 (data.quality.who): showIf value “perhaps” is not an answer to “data.quality.shared”: use one of “yes”, “no”',
  ],
  [
    'showIf at a text question',
    d => (q(d, 1, 0, 1).showIf = { question: 'data.quality.who', values: ['x'] }),
    '/dimensions/1/themes/0/questions/1/showIf/question',
    'Dimension 2, theme 1, question 2 (tech.cloud.share): showIf names “data.quality.who”, a text question: showIf can only follow a choice, multi, checklist or maturity question',
  ],
  [
    'a number with min above max',
    d => (q(d, 1, 0, 1).min = 200),
    '/dimensions/1/themes/0/questions/1/max',
    'Dimension 2, theme 1, question 2 (tech.cloud.share): max must not be less than min (200)',
  ],
  [
    'a text question without a limit in range',
    d => (q(d, 0, 0, 2).maxLength = 0),
    '/dimensions/0/themes/0/questions/2/maxLength',
    'Dimension 1, theme 1, question 3 (data.quality.who): maxLength must be 1 or more',
  ],
  [
    'supersedes a later version',
    d => (d.supersedes = { version: 3, keyMap: {} }),
    '/supersedes/version',
    'Supersedes: version must be an earlier version than 1',
  ],
  [
    'supersedes a version that does not exist',
    d => ((d.version = 2), (d.supersedes = { version: 1, keyMap: {} })),
    '/supersedes/version',
    'Supersedes: there is no version 1 of “test-maturity” to supersede',
  ],
  [
    'a role on a question of the wrong type',
    d => (q(d, 1, 0, 1).role = 'delivery'),
    '/dimensions/1/themes/0/questions/1/role',
    'Dimension 2, theme 1, question 2 (tech.cloud.share): role “delivery” belongs on a choice question, not a number question',
  ],
  [
    'a delivery question offering other answers',
    d => (q(d, 0, 0, 1).role = 'delivery'),
    '/dimensions/0/themes/0/questions/1/options',
    'Dimension 1, theme 1, question 2 (data.quality.shared): a delivery question offers exactly “in-house”, “shared”, “outsourced”, in that order',
  ],
  [
    'a service area without a delivery question',
    d => (d.dimensions[1].themes[0].serviceArea = { categories: ['hosting-network'] }),
    '/dimensions/1/themes/0/questions',
    'Dimension 2, theme 1: a service area holds exactly one delivery question (a choice with role “delivery”); this one has 0',
  ],
  [
    'a checklist option with a score',
    d => ((q(d, 1, 0, 2).type = 'checklist'), (q(d, 1, 0, 2).options[1].score = 3)),
    '/dimensions/1/themes/0/questions/2/options/1/score',
    'Dimension 2, theme 1, question 3 (tech.cloud.platforms), option 2: a checklist lists capabilities and is never scored: remove the score',
  ],
  [
    'a checklist with a none option of its own',
    d => ((q(d, 1, 0, 2).type = 'checklist'), q(d, 1, 0, 2).options.push({ value: 'none', label: 'None' })),
    '/dimensions/1/themes/0/questions/2/options/2/value',
    'Dimension 2, theme 1, question 3 (tech.cloud.platforms), option 3: a checklist has its own “None of these yet” box: remove this option',
  ],
  [
    'a keyMap value of the wrong type',
    d => (d.supersedes = { version: 1, keyMap: { 'data.old': 5 } }),
    '/supersedes/keyMap/data.old',
    'Supersedes, keyMap: “data.old” must be a question key, or a list of question keys',
  ],
]

describe('questionnaire definitions that are refused', () => {
  it('number at least 25', () => expect(invalid.length).toBeGreaterThanOrEqual(25))

  it.each(invalid)('%s: refused at %s', (_name, change, pointer, message) => {
    const document = validDefinition()
    change(document)
    const result = validateDefinition(document)
    expect(result.valid).toBe(false)
    expect(result.errors).toContainEqual({ pointer, message })
  })

  it('reports every error at once', () => {
    const document = validDefinition({ version: 'one', weakThreshold: 9 })
    delete document.title
    const pointers = validateDefinition(document).errors.map(e => e.pointer)
    expect(pointers).toEqual(expect.arrayContaining(['/version', '/weakThreshold', '/title']))
  })

  it('escapes pointer tokens that hold / or ~', () => {
    const document = validDefinition({ 'a/b~c': 1 })
    expect(validateDefinition(document).errors).toContainEqual({ pointer: '/a~1b~0c', message: expect.any(String) })
  })
})

describe('a valid definition', () => {
  it('is accepted, with defaults filled in and the input left unchanged', () => {
    const document = validDefinition()
    const before = JSON.stringify(document)
    const result = validateDefinition(document)
    expect(result.errors).toEqual([])
    if (!result.valid) throw new Error('expected valid')
    expect(JSON.stringify(document)).toBe(before)
    const first = result.definition.dimensions[0]!.themes[0]!.questions[0]!
    expect(first).toMatchObject({ required: true, weight: 1, allowNotApplicable: false, evidence: 'optional' })
    expect(result.definition.dimensions[0]!.weight).toBe(1)
  })

  it('takes a short name for any question and, for a number, whether it is whole', () => {
    const document = validDefinition()
    document.dimensions[1]!.themes[0]!.questions[1] = {
      ...document.dimensions[1]!.themes[0]!.questions[1]!,
      name: 'cloud share',
      wholeNumber: true,
    } as never
    const result = validateDefinition(document)
    expect(result.errors).toEqual([])
    if (!result.valid) throw new Error('expected valid')
    expect(result.definition.dimensions[1]!.themes[0]!.questions[1]).toMatchObject({
      name: 'cloud share',
      wholeNumber: true,
    })
  })

  it('checks supersedes against the version it names', () => {
    const v1 = validateDefinition(validDefinition())
    if (!v1.valid) throw new Error('expected valid')
    const v2 = validDefinition({
      version: 2,
      supersedes: {
        version: 1,
        keyMap: {
          'data.quality.standards': ['data.quality.standards', 'tech.cloud.first'],
          'data.gone': 'tech.nowhere',
        },
      },
    })
    expect(validateDefinition(v2, { previous: v1.definition }).errors).toEqual([
      {
        pointer: '/supersedes/keyMap/data.gone',
        message: 'Supersedes, keyMap: old key “data.gone” is not a question in version 1',
      },
      {
        pointer: '/supersedes/keyMap/data.gone',
        message: 'Supersedes, keyMap: new key “tech.nowhere” is not a question in version 2',
      },
    ])
  })
})

describe('the seeded London questionnaires', () => {
  const dir = path.resolve(__dirname, '../../../seeds/data/questionnaires')
  const load = (v: number) =>
    JSON.parse(fs.readFileSync(path.join(dir, `london-digital-maturity.v${v}.json`), 'utf8')) as unknown

  it('are both valid, version 2 against version 1', () => {
    const v1 = validateDefinition(load(1))
    expect(v1.errors).toEqual([])
    if (!v1.valid) return
    const v2 = validateDefinition(load(2), { previous: v1.definition })
    expect(v2.errors).toEqual([])
  })

  it('give version 2 at least 30 scored maturity questions over five dimensions, with service areas as themes', () => {
    const v2 = validateDefinition(load(2), { supersedesAlreadyChecked: true })
    if (!v2.valid) throw new Error(JSON.stringify(v2.errors))
    const maturity = allQuestions(v2.definition).filter(l => l.question.type === 'maturity')
    expect(maturity.length).toBeGreaterThanOrEqual(30)
    expect(v2.definition.dimensions).toHaveLength(5)
    const themes = v2.definition.dimensions[4]!.themes.map(t => t.title.toLowerCase()).join(' | ')
    for (const area of [
      'housing',
      'benefits',
      'adult social care',
      'children',
      'waste',
      'planning',
      'parking',
      'customer contact',
    ]) {
      expect(themes).toContain(area)
    }
    const context = allQuestions(v2.definition).filter(l => !isScored(l.question))
    expect(context.map(l => l.question.type)).toEqual(expect.arrayContaining(['number', 'multi', 'text']))
  })
})

describe('the validator on arbitrary input', () => {
  it('never throws, and refuses anything that is not a definition', () => {
    fc.assert(
      fc.property(fc.jsonValue(), value => {
        const result = validateDefinition(value)
        expect(result.valid).toBe(false)
        expect(result.errors.length).toBeGreaterThan(0)
        for (const e of result.errors) expect(typeof e.pointer).toBe('string')
      }),
      { numRuns: 500 },
    )
  })

  it('never throws on valid definitions with random parts replaced', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (junk, pick) => {
        const document = validDefinition()
        const places: [Doc, string][] = [
          [document, 'version'],
          [document.scale, 'levels'],
          [document.dimensions[0], 'themes'],
          [q(document, 0, 0, 0), 'levels'],
          [q(document, 0, 0, 1), 'options'],
          [q(document, 0, 0, 2), 'showIf'],
          [document, 'supersedes'],
        ]
        const [target, field] = places[pick % places.length]!
        target[field] = junk
        expect(() => validateDefinition(document)).not.toThrow()
      }),
      { numRuns: 500 },
    )
  })

  it('parses any text without throwing, naming the line and column of a syntax error', () => {
    fc.assert(fc.property(fc.string(), text => void parseDefinitionText(text)))
    expect(parseDefinitionText('{\n  "key": "x",\n  oops\n}').errors[0]?.message).toMatch(
      /^The definition is not valid JSON at line 3, column 3/,
    )
    expect(parseDefinitionText('   ').errors[0]?.message).toMatch(/is empty/)
  })
})

describe('the example definition offered to admins beside the upload', () => {
  const file = path.resolve(__dirname, '../../../seeds/data/questionnaire-example.json')

  it('passes every check, and shows every type of question and a showIf', () => {
    const result = validateDefinition(JSON.parse(fs.readFileSync(file, 'utf8')))
    expect(result.errors).toEqual([])
    if (!result.valid) return
    const questions = allQuestions(result.definition).map(l => l.question)
    expect(new Set(questions.map(q => q.type))).toEqual(new Set(['maturity', 'choice', 'multi', 'number', 'text']))
    expect(questions.some(q => q.showIf)).toBe(true)
  })
})
