import {
  chainWithErrata,
  checkErratum,
  cutLoose,
  erratumCandidates,
  REASON_MAX,
} from '../../../src/domain/questionnaire/errata'
import type { MaturityQuestion, QuestionnaireDefinition } from '../../../src/domain/questionnaire/definition'

const question = (key: string): MaturityQuestion => ({
  key,
  type: 'maturity',
  prompt: `Prompt for ${key}`,
  levels: { 1: 'One', 2: 'Two', 3: 'Three', 4: 'Four', 5: 'Five' },
  evidence: 'optional',
  required: true,
  weight: 1,
  allowNotApplicable: false,
})
const definition = (version: number, keys: string[]): QuestionnaireDefinition =>
  ({
    key: 'q',
    version,
    title: 'Q',
    description: 'Q',
    weakThreshold: 2.5,
    dimensions: [{ key: 'd', title: 'D', themes: [{ key: 'd.t', title: 'T', questions: keys.map(question) }] }],
  }) as unknown as QuestionnaireDefinition

describe('cutting a question loose from its predecessor', () => {
  it('breaks a question that kept its key, and takes it out of any move or split that led to it', () => {
    expect(cutLoose({ a: 'b', c: ['d', 'e'], f: ['g'] }, new Set(['cloud', 'e', 'g']))).toEqual({
      a: ['b'],
      c: ['d'],
      f: [],
      cloud: [],
      e: [],
      g: [],
    })
  })

  it('leaves a keyMap alone when no question is named', () => {
    expect(cutLoose({ a: 'b' }, new Set())).toEqual({ a: ['b'] })
  })
})

describe('errata along a chain of versions', () => {
  it('leaves a kept key out of the composed map and names it with its reason', () => {
    const { keyMap, notComparable } = chainWithErrata(
      [{ version: 2, keyMap: { moved: 'moved-here' } }],
      [{ version: 2, question: 'cloud', reason: 'Asks something else' }],
    )
    expect(keyMap).toEqual({ moved: ['moved-here'], cloud: [] })
    expect(notComparable).toEqual([
      { key: 'cloud', previousKeys: ['cloud'], version: 2, question: 'cloud', reason: 'Asks something else' },
    ])
  })

  it('names the older key a moved question came from', () => {
    const { keyMap, notComparable } = chainWithErrata(
      [{ version: 2, keyMap: { old: 'new' } }],
      [{ version: 2, question: 'new', reason: 'r' }],
    )
    expect(keyMap).toEqual({ old: [], new: [] })
    expect(notComparable[0]?.previousKeys).toEqual(['old'])
  })

  it('carries an erratum of a middle version forward to the newest key, and back to the oldest', () => {
    // v1 "a" became "b" in v2, where an erratum says b asks something else; v3 renamed b to "c".
    const { keyMap, notComparable } = chainWithErrata(
      [
        { version: 2, keyMap: { a: 'b' } },
        { version: 3, keyMap: { b: 'c' } },
      ],
      [{ version: 2, question: 'b', reason: 'r' }],
    )
    expect(keyMap.a).toEqual([])
    expect(notComparable).toEqual([{ key: 'c', previousKeys: ['a'], version: 2, question: 'b', reason: 'r' }])
  })

  it('ignores errata against versions outside the chain, and changes nothing without any', () => {
    const steps = [{ version: 3, keyMap: { x: 'y' } }]
    expect(chainWithErrata(steps, [{ version: 2, question: 'x', reason: 'r' }])).toEqual({
      keyMap: { x: ['y'] },
      notComparable: [],
    })
  })
})

describe('the questions an erratum may name', () => {
  const older = definition(1, ['kept', 'moved', 'split', 'gone'])
  const newer = definition(2, ['kept', 'moved-here', 'half-a', 'half-b', 'new', 'already'])

  it('offers only scored questions compared with the version before, less those already named', () => {
    const candidates = erratumCandidates(older, newer, { moved: 'moved-here', split: ['half-a', 'half-b'] }, [])
    expect(candidates.map(c => c.key)).toEqual(['kept', 'moved-here'])
    expect(erratumCandidates(older, newer, { moved: 'moved-here' }, ['kept']).map(c => c.key)).toEqual(['moved-here'])
  })
})

describe('checking an erratum', () => {
  const context = { version: 2, supersedes: 1, candidates: [{ key: 'kept' }], recorded: ['done'] }

  it('takes a listed question and a reason, trimmed', () => {
    expect(checkErratum({ question: ' kept ', reason: '  Asks how well  ' }, context)).toEqual({
      value: { question: 'kept', reason: 'Asks how well' },
      errors: [],
    })
  })

  it('names every problem by its field, and gives no value', () => {
    expect(checkErratum({}, context)).toEqual({
      errors: [
        { field: 'question', message: 'Choose the question that is not comparable' },
        { field: 'reason', message: 'Say why the question is not comparable, for everyone reading a trend' },
      ],
    })
    expect(checkErratum({ question: 'done', reason: 'r' }, context).errors).toEqual([
      { field: 'question', message: 'Version 2 already has an erratum on “done”' },
    ])
    expect(checkErratum({ question: 'nope', reason: ['a list'] }, context).errors).toEqual([
      {
        field: 'question',
        message: '“nope” is not a scored question of version 2 compared with version 1: choose one from the list',
      },
      { field: 'reason', message: 'Say why the question is not comparable, for everyone reading a trend' },
    ])
    expect(checkErratum({ question: 'kept', reason: 'x'.repeat(REASON_MAX + 1) }, context).errors).toEqual([
      { field: 'reason', message: `The reason must be ${REASON_MAX} characters or fewer; it has ${REASON_MAX + 1}` },
    ])
  })
})
