import type { Answer, AnswerContent } from '../../../src/domain/assessment/answer'
import { planCarryOver } from '../../../src/domain/assessment/carry-over'
import { validateDefinition } from '../../../src/domain/questionnaire/validate'
import { carriedFlash, declinedFlash } from '../../../src/presenters/assessments/carry-over.presenter'
import { historyRows } from '../../../src/presenters/assessments/history.presenter'
import { validDefinition } from '../../support/definitions'

const checked = validateDefinition(validDefinition())
if (!checked.valid) throw new Error('fixture invalid')
const definition = checked.definition

const content = (over: Partial<AnswerContent>): AnswerContent => ({
  level: null,
  value: null,
  notApplicable: false,
  evidence: null,
  ...over,
})
const saved = (questionKey: string, over: Partial<Answer>): Answer => ({
  ...content({}),
  questionKey,
  revision: 1,
  updatedAt: new Date(0),
  updatedBy: null,
  carriedFrom: null,
  ...over,
})

// Last round answered four questions of the fixture: two maturity, one choice, one number.
const carried = new Map([
  ['tech.cloud.share', content({ value: 40 })],
  ['data.quality.standards', content({ level: 2, evidence: 'Old policy' })],
  ['tech.cloud.first', content({ level: 4 })],
  ['data.quality.shared', content({ value: 'yes' })],
])

describe('planCarryOver', () => {
  it('writes every carried answer at revision 1 when nothing is answered yet, in questionnaire order', () => {
    const plan = planCarryOver(carried, new Map(), definition)
    expect(plan.write.map(w => [w.questionKey, w.revision])).toEqual([
      ['data.quality.standards', 1],
      ['data.quality.shared', 1],
      ['tech.cloud.first', 1],
      ['tech.cloud.share', 1],
    ])
    expect(plan.write[0]!.content).toEqual(content({ level: 2, evidence: 'Old policy' }))
    expect(plan.kept).toEqual([])
  })

  it.each([
    ['a level', { level: 5 }],
    ['"not applicable"', { notApplicable: true }],
    ['a value', { value: 'no' }],
    ['evidence alone', { evidence: 'Drafted this morning' }],
  ])('keeps a question that already has %s, and carries the rest', (_, given) => {
    const key = 'data.quality.standards'
    const existing = new Map([[key, saved(key, given)]])
    const plan = planCarryOver(carried, existing, definition)
    expect(plan.kept).toEqual([key])
    expect(plan.write.map(w => w.questionKey)).toEqual(['data.quality.shared', 'tech.cloud.first', 'tech.cloud.share'])
  })

  it('fills a saved answer that was cleared, at its next revision so no page holding it can overwrite it', () => {
    const key = 'tech.cloud.first'
    const plan = planCarryOver(carried, new Map([[key, saved(key, { revision: 3, evidence: '  ' })]]), definition)
    expect(plan.write.find(w => w.questionKey === key)).toEqual({
      questionKey: key,
      content: content({ level: 4 }),
      revision: 4,
    })
    expect(plan.kept).toEqual([])
  })

  it('does not list answered questions that last round had no answer for', () => {
    const existing = new Map([['data.quality.who', saved('data.quality.who', { value: 'Camden' })]])
    const plan = planCarryOver(carried, existing, definition)
    expect(plan.kept).toEqual([])
    expect(plan.write).toHaveLength(4)
  })

  it('carries nothing when every question it could fill is answered', () => {
    const existing = new Map([...carried.keys()].map(k => [k, saved(k, { level: 1 })]))
    const plan = planCarryOver(carried, existing, definition)
    expect(plan.write).toEqual([])
    expect(plan.kept).toEqual(['data.quality.standards', 'data.quality.shared', 'tech.cloud.first', 'tech.cloud.share'])
  })
})

describe('carry-over messages', () => {
  const kept = (n: number) =>
    [
      { questionKey: 'a', prompt: 'Standards?' },
      { questionKey: 'b', prompt: 'Cloud first?' },
    ].slice(0, n)

  it('says how many were carried and asks for each to be confirmed', () => {
    expect(carriedFlash({ from: '2025 assessment', carried: 1, kept: [] })).toEqual({
      type: 'success',
      heading: '1 answer carried over from 2025 assessment',
      body: 'Each is marked “confirm or change”: check each one before you submit.',
    })
  })

  it('lists the questions whose answers were kept', () => {
    expect(carriedFlash({ from: '2025 assessment', carried: 12, kept: kept(2) })).toEqual({
      type: 'success',
      heading: '12 answers carried over from 2025 assessment',
      body: 'Each is marked “confirm or change”: check each one before you submit. 2 questions you had already answered were kept as they are:',
      items: ['Standards?', 'Cloud first?'],
    })
    expect(carriedFlash({ from: '2025 assessment', carried: 0, kept: kept(1) })).toEqual({
      type: 'success',
      heading: 'No answers carried over from 2025 assessment',
      body: '1 question you had already answered was kept as it is:',
      items: ['Standards?'],
    })
  })

  it('confirms starting without them', () => {
    expect(declinedFlash('2025 assessment').heading).toBe('You are starting without 2025 assessment’s answers')
  })

  it('tells both choices apart in the history of changes', () => {
    const event = (action: string, after: object) => ({
      at: new Date(0),
      actorName: 'Ada',
      action,
      before: null,
      after,
    })
    const rows = historyRows(
      [
        event('assessment.carried-over', { from: '2025 assessment', answers: 12, kept: ['data.quality.standards'] }),
        event('assessment.carry-over-declined', { from: '2025 assessment' }),
      ],
      definition,
    )
    expect(rows.map(r => r.what)).toEqual([
      'Started from 2025 assessment’s answers (12 answers, 1 already answered kept)',
      'Chose to start without 2025 assessment’s answers',
    ])
  })
})
