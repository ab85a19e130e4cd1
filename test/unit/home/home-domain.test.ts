import { daysBetween } from '../../../src/domain/assessment/round'
import { STATES, type AssessmentState } from '../../../src/domain/assessment/workflow'
import { assessorQueue, type QueueCandidate } from '../../../src/domain/home/assessor-queue'
import { roundProgress, stageOf } from '../../../src/domain/home/round-progress'
import { REVIEW_AFTER_DAYS, reviewReason, type ReviewableEntry } from '../../../src/domain/pipeline/review'

describe('a round’s progress by stage', () => {
  it('counts returned work as in progress again and work in moderation as submitted', () => {
    expect(STATES.map(s => [s, stageOf(s)])).toEqual([
      ['not_started', 'not_started'],
      ['in_progress', 'in_progress'],
      ['submitted', 'submitted'],
      ['in_moderation', 'submitted'],
      ['returned', 'in_progress'],
      ['moderated', 'moderated'],
    ])
  })

  it('puts every assessment in exactly one stage, keeping their order', () => {
    const states: AssessmentState[] = [
      'moderated',
      'returned',
      'not_started',
      'in_moderation',
      'in_progress',
      'submitted',
    ]
    const assessments = states.map((state, i) => ({ name: `org ${i}`, state }))
    const byStage = roundProgress(assessments)
    expect(Object.fromEntries(Object.entries(byStage).map(([k, v]) => [k, v.map(a => a.name)]))).toEqual({
      not_started: ['org 2'],
      in_progress: ['org 1', 'org 4'],
      submitted: ['org 3', 'org 5'],
      moderated: ['org 0'],
    })
  })
})

describe('days between London dates', () => {
  it('counts calendar days, across a month end and the clocks going back', () => {
    expect(daysBetween('2026-10-20', '2026-11-03')).toBe(14)
    expect(daysBetween('2027-02-04', '2027-02-04')).toBe(0)
    expect(daysBetween('2027-02-05', '2027-02-04')).toBe(-1)
  })
})

describe('the assessor’s queue', () => {
  const at = (day: number) => new Date(Date.UTC(2027, 0, day))
  const candidate = (over: Partial<QueueCandidate> & { id: number }): QueueCandidate => ({
    state: 'submitted',
    organisationId: over.id + 100,
    submittedAt: at(over.id),
    returnComment: null,
    moderatorIds: [],
    ...over,
  })
  const me = { id: 7, organisationId: 999 }
  const ids = (queue: ReturnType<typeof assessorQueue>) =>
    Object.fromEntries(Object.entries(queue).map(([k, v]) => [k, v.map(c => c.id)]))

  it('sorts resubmissions, first submissions, my moderations, others’ and returns apart, oldest first', () => {
    const queue = assessorQueue(
      [
        candidate({ id: 5 }),
        candidate({ id: 2 }),
        candidate({ id: 4, returnComment: 'Add evidence for data sharing' }),
        candidate({ id: 3, state: 'in_moderation', moderatorIds: [8, 7] }),
        candidate({ id: 1, state: 'in_moderation', moderatorIds: [8] }),
        candidate({ id: 6, state: 'in_moderation' }),
        candidate({ id: 9, state: 'returned', returnComment: 'Missing answers' }),
        candidate({ id: 10, state: 'moderated' }),
        candidate({ id: 11, state: 'in_progress' }),
      ],
      me,
    )
    expect(ids(queue)).toEqual({ resubmitted: [4], awaiting: [2, 5], mine: [3], others: [1, 6], returned: [9] })
  })

  it('leaves out the assessor’s own organisation', () => {
    const queue = assessorQueue([candidate({ id: 1, organisationId: 999 }), candidate({ id: 2 })], me)
    expect(ids(queue).awaiting).toEqual([2])
  })

  it('puts work never submitted after everything dated, and breaks ties by id', () => {
    const queue = assessorQueue(
      [
        candidate({ id: 3, submittedAt: null }),
        candidate({ id: 2, submittedAt: at(1) }),
        candidate({ id: 1, submittedAt: at(1) }),
      ],
      me,
    )
    expect(ids(queue).awaiting).toEqual([1, 2, 3])
  })
})

describe('pipeline entries due for review', () => {
  const today = '2027-01-15'
  const entry = (over: Partial<ReviewableEntry>): ReviewableEntry => ({
    status: 'planned',
    contractEnd: '2028-01-01',
    plannedStart: '2027-06-01',
    updatedOn: '2026-12-01',
    ...over,
  })

  it('asks for a review when a date has passed on an open plan', () => {
    expect(reviewReason(entry({ contractEnd: '2027-01-14' }), today)).toBe('Its contract end date has passed')
    expect(reviewReason(entry({ plannedStart: '2027-01-14' }), today)).toBe('Its planned start date has passed')
    expect(reviewReason(entry({ contractEnd: today, plannedStart: today }), today)).toBeNull()
  })

  it('does not count a planned start passing once procurement is under way', () => {
    expect(reviewReason(entry({ status: 'in_procurement', plannedStart: '2026-01-01' }), today)).toBeNull()
  })

  it('asks again after half a year without a change, to the day', () => {
    expect(reviewReason(entry({ updatedOn: '2026-07-19' }), today)).toBe(
      `Not updated for ${REVIEW_AFTER_DAYS} days or more`,
    )
    expect(reviewReason(entry({ updatedOn: '2026-07-20' }), today)).toBeNull()
  })

  it('never asks about an awarded or cancelled plan', () => {
    for (const status of ['awarded', 'cancelled'] as const)
      expect(reviewReason(entry({ status, contractEnd: '2020-01-01', updatedOn: '2019-01-01' }), today)).toBeNull()
  })
})
