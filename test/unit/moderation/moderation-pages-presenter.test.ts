import { calibrationView } from '../../../src/presenters/moderation/calibration.presenter'
import { queueView } from '../../../src/presenters/moderation/queue.presenter'
import type { RoundCalibration } from '../../../src/services/moderation/calibration.service'

const round = { id: 3, name: '2026 assessment' }

describe('moderation queue presenter', () => {
  it('offers to moderate a submitted assessment but not the assessor’s own', () => {
    const view = queueView({
      rounds: [round, { id: 2, name: '2025 assessment' }],
      round,
      states: ['submitted', 'moderated'],
      stateFilter: undefined,
      rows: [
        {
          assessment: { id: 8, state: 'submitted' },
          organisation: { name: 'Lambeth' },
          own: false,
          submittedOn: '1 May 2026',
        },
        {
          assessment: { id: 9, state: 'moderated' },
          organisation: { name: 'Camden' },
          own: true,
          submittedOn: '2 May 2026',
        },
      ],
    })
    expect(view.caption).toBe('2026 assessment: 2 assessments')
    expect(view.rows[0]).toEqual({
      organisationName: 'Lambeth',
      tag: { text: 'Submitted', classes: 'govuk-tag--blue' },
      submittedOn: '1 May 2026',
      link: { href: '/moderation/8', text: 'Moderate' },
    })
    expect(view.rows[1]!.link).toBeNull()
    expect(view.filters?.rounds.map(r => r.selected)).toEqual([true, false])
    expect(view.filters?.states[0]).toEqual({ value: '', text: 'All' })
  })

  it('says when nothing in the round is in the chosen state', () => {
    const view = queueView({ rounds: [round], round, states: ['returned'], stateFilter: 'returned', rows: [] })
    expect(view.empty).toBe('No assessments in 2026 assessment are returned for changes.')
    expect(queueView({ rounds: [], round: undefined, states: [], stateFilter: undefined, rows: [] }).filters).toBeNull()
  })
})

describe('calibration page presenter', () => {
  it('writes the rule and the assessments not yet counted', () => {
    const calibration = {
      round,
      dimensions: [{ key: 'data', title: 'Data' }],
      organisations: [],
      assessors: [],
      awaitingModeration: 1,
    } as unknown as RoundCalibration
    const view = calibrationView([round], calibration)
    expect(view.roundName).toBe('2026 assessment')
    expect(view.roundPicker).toEqual({ value: 3, items: [{ value: 3, text: '2026 assessment' }] })
    expect(view.rule.systematicMean).toMatch(/^\d\.\d$/)
    expect(view.nothingModerated).toBe(
      'No assessments in 2026 assessment have been moderated yet. The tables appear here once an assessor has moderated a question.',
    )
    expect(view.awaiting).toBe('1 assessment has no moderated questions yet and is not counted.')
    expect(view.headings).toEqual(['All dimensions', 'Data'])
  })

  it('shows no picker when there are no rounds', () => {
    expect(calibrationView([], null)).toMatchObject({ roundName: null, roundPicker: null, awaiting: null })
  })
})
