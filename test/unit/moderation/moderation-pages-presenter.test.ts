import { calibrationView } from '../../../src/presenters/moderation/calibration.presenter'
import { queueView } from '../../../src/presenters/moderation/queue.presenter'
import type { RoundCalibration } from '../../../src/services/moderation/calibration.service'

const round = { id: 3, name: '2026 assessment' }

describe('moderation queue presenter', () => {
  it('links each organisation to its page, and offers to moderate a submitted assessment but not the assessor’s own', () => {
    const view = queueView({
      rounds: [round, { id: 2, name: '2025 assessment' }],
      round,
      states: ['submitted', 'moderated'],
      stateFilter: undefined,
      rows: [
        {
          assessment: { id: 8, state: 'submitted' },
          organisation: { name: 'Lambeth', slug: 'lambeth' },
          own: false,
          submittedOn: '1 May 2026',
        },
        {
          assessment: { id: 9, state: 'moderated' },
          organisation: { name: 'Camden', slug: 'camden' },
          own: true,
          submittedOn: '2 May 2026',
        },
      ],
    })
    expect(view.caption).toBe('2026 assessment: 2 assessments')
    expect(view.head.map(h => h.text)).toEqual(['Organisation', 'State', 'Submitted', 'Action'])
    expect(view.rows[0]).toEqual([
      {
        html: '<a class="govuk-link" href="/organisations/lambeth">Lambeth</a>',
        header: true,
        classes: 'app-table__row-header',
      },
      { html: '<strong class="govuk-tag govuk-tag--blue">Submitted</strong>' },
      { text: '1 May 2026' },
      {
        html: '<a class="govuk-link" href="/moderation/8">Moderate<span class="govuk-visually-hidden"> Lambeth</span></a>',
      },
    ])
    expect(view.rows[1]).toEqual([
      {
        html: '<a class="govuk-link" href="/organisations/camden">Camden</a>',
        header: true,
        classes: 'app-table__row-header',
      },
      { html: '<strong class="govuk-tag govuk-tag--green">Moderated</strong>' },
      { text: '2 May 2026' },
      { html: '<span class="app-secondary-text">Your organisation: you cannot moderate it</span>' },
    ])
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
    const view = calibrationView([round], calibration, [])
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
    expect(calibrationView([], null, [])).toMatchObject({ roundName: null, roundPicker: null, awaiting: null })
  })

  it('heads each organisation’s row with its name, linked to its page, and flags what stands out', () => {
    const adjustments = (meanAdjustment: number, systematic: boolean) => ({
      reviewed: 6,
      compared: 6,
      changed: 5,
      raised: 5,
      lowered: 0,
      meanAdjustment,
      direction: 'raised' as const,
      systematic,
    })
    const calibration: RoundCalibration = {
      round,
      dimensions: [{ key: 'data', title: 'Data' }],
      organisations: [
        {
          id: 1,
          gss: 'E09000007',
          name: 'Camden',
          all: adjustments(0.75, true),
          dimensions: [{ key: 'data', ...adjustments(0.5, false) }],
        },
      ],
      assessors: [
        {
          id: 4,
          name: 'Ada',
          all: adjustments(0.75, true),
          dimensions: [{ key: 'data', ...adjustments(0.5, false) }],
          spread: 1.2,
          othersSpread: 0.3,
          inconsistent: true,
        },
      ],
      awaitingModeration: 0,
    }
    const view = calibrationView([round], calibration, [{ gss: 'E09000007', slug: 'camden' }])
    expect(view.organisations.head.map(h => h.text)).toEqual(['Organisation', 'All dimensions', 'Data'])
    expect(view.organisations.rows[0]).toEqual([
      {
        html: '<a class="govuk-link" href="/organisations/camden">Camden</a>',
        header: true,
        classes: 'app-table__row-header',
      },
      {
        html:
          '<span class="govuk-!-display-block">5 of 6 changed</span><span class="govuk-!-display-block">+0.75 raised</span>' +
          '<strong class="govuk-tag govuk-tag--red">Flagged: often raised</strong>',
      },
      {
        html: '<span class="govuk-!-display-block">5 of 6 changed</span><span class="govuk-!-display-block">+0.50 raised</span>',
      },
    ])
    expect(view.assessors.head.map(h => h.text)).toEqual(['Assessor', 'All dimensions', 'Data', 'Spread'])
    const ada = view.assessors.rows[0] as { text?: string; html?: string; header?: boolean }[]
    expect(ada[0]).toEqual({ text: 'Ada', header: true, classes: 'app-table__row-header' })
    expect(ada[3]).toEqual({
      html:
        '<span class="govuk-!-display-block">1.20 (others 0.30)</span>' +
        '<strong class="govuk-tag govuk-tag--red">Flagged: inconsistent</strong>',
    })
  })
})
