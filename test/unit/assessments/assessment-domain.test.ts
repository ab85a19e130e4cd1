import fc from 'fast-check'
import { checkAnswer, isAnswered, sameContent, type Answer } from '../../../src/domain/assessment/answer'
import { carryOver } from '../../../src/domain/assessment/carry-over'
import { isVisible, progress, submitProblems } from '../../../src/domain/assessment/progress'
import {
  checkRoundInput,
  dateFromParts,
  londonDate,
  parseDate,
  roundStatus,
} from '../../../src/domain/assessment/round'
import {
  allQuestions,
  needsEvidence,
  type Question,
  type QuestionnaireDefinition,
} from '../../../src/domain/questionnaire/definition'
import { validateDefinition } from '../../../src/domain/questionnaire/validate'
import { validDefinition } from '../../support/definitions'

const definition = (): QuestionnaireDefinition => {
  const result = validateDefinition(validDefinition())
  if (!result.valid) throw new Error('fixture invalid')
  return result.definition
}
const question = (key: string): Question => allQuestions(definition()).find(l => l.question.key === key)!.question
const answer = (questionKey: string, content: Partial<Answer>): Answer => ({
  questionKey,
  level: null,
  value: null,
  notApplicable: false,
  evidence: null,
  revision: 1,
  updatedAt: new Date(0),
  updatedBy: null,
  carriedFrom: null,
  ...content,
})

describe('checkAnswer', () => {
  it.each([
    ['data.quality.standards', { level: 4 }, { level: 4, value: null, notApplicable: false, evidence: null }],
    [
      'data.quality.standards',
      { level: 2, evidence: '  ' },
      { level: 2, value: null, notApplicable: false, evidence: null },
    ],
    ['tech.cloud.first', { notApplicable: true }, { level: null, value: null, notApplicable: true, evidence: null }],
    ['data.quality.shared', { value: 'yes' }, { level: null, value: 'yes', notApplicable: false, evidence: null }],
    [
      'tech.cloud.platforms',
      { value: ['pay', 'notify', 'pay'] },
      { level: null, value: ['pay', 'notify'], notApplicable: false, evidence: null },
    ],
    ['tech.cloud.share', { value: '42.5' }, { level: null, value: 42.5, notApplicable: false, evidence: null }],
    ['tech.cloud.share', { value: '' }, { level: null, value: null, notApplicable: false, evidence: null }],
    ['data.quality.who', { value: 'Camden' }, { level: null, value: 'Camden', notApplicable: false, evidence: null }],
  ])('accepts %s %j', (key, raw, content) => {
    expect(checkAnswer(question(key), raw)).toEqual({ content, problems: [] })
  })

  it.each([
    ['data.quality.standards', { level: 0 }, '/level'],
    ['data.quality.standards', { level: 2.5 }, '/level'],
    ['data.quality.standards', { notApplicable: true }, '/notApplicable'],
    ['tech.cloud.first', { level: 3, notApplicable: true }, '/notApplicable'],
    ['data.quality.shared', { value: 'maybe' }, '/value'],
    ['data.quality.shared', { level: 3 }, '/level'],
    ['tech.cloud.platforms', { value: 'pay' }, '/value'],
    ['tech.cloud.share', { value: 101 }, '/value'],
    ['tech.cloud.share', { value: '1e3' }, '/value'],
    ['data.quality.who', { value: 'x'.repeat(201) }, '/value'],
    ['data.quality.shared', { value: 'yes', evidence: 'not taken here' }, '/evidence'],
    ['data.quality.standards', { level: 1, evidence: 42 }, '/evidence'],
  ])('refuses %s %j at %s', (key, raw, pointer) => {
    const result = checkAnswer(question(key), raw)
    expect(result.content).toBeUndefined()
    expect(result.problems.map(p => p.pointer)).toContain(pointer)
  })

  it('lets an option valued “none” stand only alone', () => {
    const platforms = question('tech.cloud.platforms')
    if (platforms.type !== 'multi') throw new Error('expected multi')
    const withNone = { ...platforms, options: [...platforms.options, { value: 'none', label: 'None of these' }] }
    expect(checkAnswer(withNone, { value: ['none'] }).content?.value).toEqual(['none'])
    expect(checkAnswer(withNone, { value: ['none', 'pay'] }).problems).toEqual([
      { pointer: '/value', message: 'Select “None of these” or other options for platforms, not both' },
    ])
  })

  it('never throws on arbitrary input', () => {
    const questions = allQuestions(definition()).map(l => l.question)
    fc.assert(
      fc.property(
        fc.constantFrom(...questions),
        fc.dictionary(fc.constantFrom('level', 'value', 'notApplicable', 'evidence'), fc.jsonValue()),
        (q, raw) => {
          const result = checkAnswer(q, raw)
          expect(Boolean(result.content) !== result.problems.length > 0).toBe(true)
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('tells answered from unanswered and compares content', () => {
    expect(isAnswered(undefined)).toBe(false)
    expect(isAnswered(answer('x', { value: [] }))).toBe(false)
    expect(isAnswered(answer('x', { value: '' }))).toBe(false)
    expect(isAnswered(answer('x', { notApplicable: true }))).toBe(true)
    expect(sameContent(answer('x', { value: ['a', 'b'] }), answer('x', { value: ['b', 'a'], revision: 9 }))).toBe(true)
    expect(sameContent(answer('x', { evidence: '' }), answer('x', { evidence: null }))).toBe(true)
  })
})

describe('showIf, progress and submitting', () => {
  const def = definition()
  const map = (...answers: Answer[]) => new Map(answers.map(a => [a.questionKey, a]))

  it('shows a conditional question only when its condition holds', () => {
    const who = question('data.quality.who')
    expect(isVisible(who, map())).toBe(false)
    expect(isVisible(who, map(answer('data.quality.shared', { value: 'no' })))).toBe(false)
    expect(isVisible(who, map(answer('data.quality.shared', { value: 'yes' })))).toBe(true)
    expect(isVisible(who, map(answer('data.quality.shared', { notApplicable: true })))).toBe(false)
  })

  it('counts themes as not started, in progress and completed', () => {
    expect(progress(def, map()).themes.map(t => t.status)).toEqual(['not_started', 'not_started'])
    const partial = map(answer('data.quality.standards', { level: 3 }))
    expect(progress(def, partial).themes.map(t => t.status)).toEqual(['in_progress', 'not_started'])
    const data = map(answer('data.quality.standards', { level: 3 }), answer('data.quality.shared', { value: 'no' }))
    expect(progress(def, data).themes[0]!.status).toBe('completed')
    expect(progress(def, data).completedThemes).toBe(1)
  })

  it('keeps a theme in progress while a carried answer waits for confirmation', () => {
    const data = map(
      answer('data.quality.standards', { level: 3, carriedFrom: '2025' }),
      answer('data.quality.shared', { value: 'no' }),
    )
    expect(progress(def, data).themes[0]).toMatchObject({ status: 'in_progress', toConfirm: 1 })
  })

  it('lists everything that stops a submission', () => {
    const problems = submitProblems(def, map(answer('data.quality.standards', { level: 3, carriedFrom: '2025' })))
    expect(problems.map(p => p.questionKey)).toEqual([
      'data.quality.standards',
      'data.quality.shared',
      'tech.cloud.first',
      'tech.cloud.share',
      'tech.cloud.platforms',
    ])
    expect(problems[0]!.message).toContain('Confirm or change the answer carried over from 2025')
  })
})

describe('evidence needed from a level', () => {
  const fromFour = (): QuestionnaireDefinition => {
    const document = validDefinition()
    const standards = document.dimensions[0]!.themes[0]!.questions[0] as Record<string, unknown>
    standards.evidenceFromLevel = 4
    const result = validateDefinition(document)
    if (!result.valid) throw new Error('fixture invalid')
    return result.definition
  }
  const evidenceProblems = (content: Partial<Answer>) =>
    submitProblems(fromFour(), new Map([['data.quality.standards', answer('data.quality.standards', content)]])).filter(
      p => p.questionKey === 'data.quality.standards',
    )

  it('asks for evidence at submit from that level up, saying which levels need it', () => {
    expect(evidenceProblems({ level: 4 })).toEqual([
      {
        questionKey: 'data.quality.standards',
        themeKey: 'data.quality',
        kind: 'evidence-missing',
        message: 'Enter evidence for standards: level 4 and above need it',
      },
    ])
    expect(evidenceProblems({ level: 5, evidence: '   ' })).toHaveLength(1)
  })

  it('asks nothing below that level, with evidence given, or when not applicable', () => {
    expect(evidenceProblems({ level: 3 })).toEqual([])
    expect(evidenceProblems({ level: 4, evidence: 'Board minutes, March 2026' })).toEqual([])
    expect(evidenceProblems({ notApplicable: true })).toEqual([])
  })

  it('keeps evidence needed at every level where the question requires it', () => {
    const required = { ...question('data.quality.standards'), evidence: 'required' as const }
    expect(needsEvidence(required, { level: 1, notApplicable: false })).toBe(true)
    expect(needsEvidence(required, { level: 1, notApplicable: true })).toBe(false)
    expect(needsEvidence(question('data.quality.standards'), { level: 5, notApplicable: false })).toBe(false)
  })
})

describe('carryOver', () => {
  const next = definition()
  it('carries same keys, follows the keyMap to every new key, and leaves behind what no longer fits', () => {
    const previous = new Map([
      ['data.quality.standards', { level: 2, value: null, notApplicable: false, evidence: 'old' }],
      ['data.old-split', { level: 4, value: null, notApplicable: false, evidence: null }],
      ['data.removed', { level: 1, value: null, notApplicable: false, evidence: null }],
      ['data.quality.shared', { level: null, value: 'gone-option', notApplicable: false, evidence: null }],
    ])
    const carried = carryOver(previous, next, { 'data.old-split': ['tech.cloud.first', 'data.quality.standards'] })
    expect([...carried.keys()].sort()).toEqual(['data.quality.standards', 'tech.cloud.first'])
    expect(carried.get('data.quality.standards')?.level).toBe(2)
    expect(carried.get('tech.cloud.first')?.level).toBe(4)
  })

  it('carries the moderated level where there is one, with the borough’s own evidence', () => {
    const previous = new Map([
      ['data.quality.standards', { level: 4, value: null, notApplicable: false, evidence: 'Our standards' }],
      ['data.old-split', { level: 5, value: null, notApplicable: false, evidence: null }],
      ['data.quality.shared', { level: null, value: 'yes', notApplicable: false, evidence: null }],
    ])
    const moderated = new Map([
      ['data.quality.standards', 2],
      ['data.old-split', 3],
    ])
    const carried = carryOver(previous, next, { 'data.old-split': ['tech.cloud.first'] }, moderated)
    expect(carried.get('data.quality.standards')).toEqual({
      level: 2,
      value: null,
      notApplicable: false,
      evidence: 'Our standards',
    })
    // A split or moved question takes its moderated level along the keyMap.
    expect(carried.get('tech.cloud.first')?.level).toBe(3)
    expect(carried.get('data.quality.shared')?.value).toBe('yes')
    // Without moderations, the self-assessed levels travel as before.
    expect(
      carryOver(previous, next, { 'data.old-split': ['tech.cloud.first'] }).get('data.quality.standards')?.level,
    ).toBe(4)
  })

  it('keeps "not applicable" even where a level was moderated, as the scoring rule does', () => {
    const previous = new Map([['tech.cloud.first', { level: null, value: null, notApplicable: true, evidence: null }]])
    const carried = carryOver(previous, next, {}, new Map([['tech.cloud.first', 2]]))
    expect(carried.get('tech.cloud.first')).toMatchObject({ level: null, notApplicable: true })
  })
})

describe('round dates', () => {
  it.each([
    ['2026-02-28', '2026-02-28'],
    ['2024-02-29', '2024-02-29'],
    ['2026-02-29', undefined],
    ['2026-13-01', undefined],
    ['2026-1-1', undefined],
    ['tomorrow', undefined],
  ])('parses %s as %s', (raw, parsed) => expect(parseDate(raw)).toBe(parsed))

  it('reads GOV.UK date inputs', () => {
    expect(dateFromParts('1', '3', '2026')).toBe('2026-03-01')
    expect(dateFromParts('31', '4', '2026')).toBeUndefined()
    expect(dateFromParts('', '4', '2026')).toBeUndefined()
  })

  it('uses London’s calendar date, across the clock change', () => {
    expect(londonDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01')
    expect(londonDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31')
  })

  it('is scheduled before it opens, open to the end of its closing day, closed after or when closed', () => {
    const round = { opensOn: '2026-03-01', closesOn: '2026-06-30', closedAt: null, cancelledAt: null }
    expect(roundStatus(round, new Date('2026-02-28T23:59:00Z'))).toBe('scheduled')
    expect(roundStatus(round, new Date('2026-03-01T00:00:00Z'))).toBe('open')
    expect(roundStatus(round, new Date('2026-06-30T22:59:00Z'))).toBe('open')
    expect(roundStatus(round, new Date('2026-06-30T23:00:00Z'))).toBe('closed')
    expect(roundStatus({ ...round, closedAt: new Date('2026-04-01') }, new Date('2026-04-02T00:00:00Z'))).toBe('closed')
  })

  it('checks a round’s name and dates together', () => {
    expect(
      checkRoundInput({ name: '', opensOn: '2026-06-01', closesOn: '2026-05-01' }).errors.map(e => e.field),
    ).toEqual(['name', 'closesOn'])
    expect(checkRoundInput({ name: '2026', opensOn: '2026-02-30', closesOn: 'x' }).errors.map(e => e.field)).toEqual([
      'opensOn',
      'closesOn',
    ])
    expect(checkRoundInput({ name: ' 2026 ', opensOn: '2026-06-01', closesOn: '2026-06-01' }).value).toEqual({
      name: '2026',
      opensOn: '2026-06-01',
      closesOn: '2026-06-01',
    })
  })
})
