import { checkView } from '../../../src/presenters/assessments/check.presenter'
import { historyView } from '../../../src/presenters/assessments/history.presenter'
import { assessmentListView } from '../../../src/presenters/assessments/list.presenter'
import { submittedView } from '../../../src/presenters/assessments/submitted.presenter'
import { taskListView } from '../../../src/presenters/assessments/task-list.presenter'
import type { AssessmentView } from '../../../src/services/assessments/view-assessment.service'
import { validDefinition } from '../../support/definitions'

const definition = validDefinition()
const firstTheme = definition.dimensions[0].themes[0]
const firstKey: string = firstTheme.questions[0].key

const assessmentView = (overrides: Record<string, unknown> = {}): AssessmentView =>
  ({
    assessment: { id: 4, state: 'in_progress' },
    round: { id: 2, name: '2026 assessment', closesOn: '2026-06-30', status: 'open' },
    organisation: { id: 1, name: 'Lambeth' },
    definition,
    answers: new Map([
      [firstKey, { level: 3, value: null, notApplicable: false, evidence: 'Policy', carriedFrom: '2025' }],
    ]),
    progress: {
      themes: [{ theme: firstTheme, status: 'in_progress', answered: 1, toConfirm: 2, missing: [] }],
      completedThemes: 0,
      totalThemes: 3,
      share: 0.1,
    },
    editable: { allowed: true },
    carryOver: { available: false },
    returnComment: null,
    ...overrides,
  }) as unknown as AssessmentView

describe('task list presenter', () => {
  it('gives the status tag, closing day, progress and each section’s link and status', () => {
    const view = taskListView(assessmentView())
    expect(view.status).toEqual({ text: 'In progress', classes: 'govuk-tag--blue' })
    expect(view.closes).toBe('30 June 2026')
    expect(view.progress).toBe('You have completed 0 of 3 themes')
    expect(view.dimensions[0]!.heading).toBe('1. Data')
    expect(view.dimensions[0]!.items[0]).toEqual({
      title: { text: 'Quality' },
      href: '/assessments/4/themes/data.quality',
      hint: { id: 'hint-data__quality', text: '2 carried-over answers to confirm' },
      status: { id: 'status-data__quality', tag: { text: 'In progress', classes: 'govuk-tag--light-blue' } },
    })
    expect(view.checkLink.text).toBe('Check your answers and submit')
    expect(view.finalReportLink.text).toBe('See a provisional report of your answers so far')
    expect(view.reportLink).toBeNull()
  })

  it('links a returned assessment to the assessor’s changes and says why it cannot be edited', () => {
    const view = taskListView(
      assessmentView({
        assessment: { id: 4, state: 'submitted' },
        editable: { allowed: false, reason: 'It has been submitted' },
        round: { name: 'R', closesOn: '2026-06-30', status: 'closed' },
      }),
    )
    expect(view.notEditable).toBe('It has been submitted.')
    expect(view.closes).toBe('30 June 2026 (closed)')
    expect(view.reportLink?.text).toBe('See your report: scores, London’s figures and suggested next steps')
    expect(view.checkLink.text).toBe('See all answers')
  })
  it('offers last round’s answers with both choices, saying answers already given are kept', () => {
    const view = taskListView(assessmentView({ carryOver: { available: true, from: '2025 assessment' } }))
    expect(view.carryOver).toMatchObject({
      heading: 'Start from 2025 assessment’s answers',
      action: '/assessments/4/carry-over',
      button: 'Start from 2025 assessment’s answers',
      declineAction: '/assessments/4/carry-over/decline',
      declineButton: 'Start without 2025 assessment’s answers',
    })
    expect(view.carryOver?.paragraphs).toContain(
      'Answers your council has already given in this assessment are kept as they are: only questions still unanswered get last round’s answer.',
    )
    const empty = taskListView(
      assessmentView({ carryOver: { available: true, from: '2025 assessment' }, answers: new Map() }),
    )
    expect(empty.carryOver?.paragraphs.some(p => p.startsWith('Answers your council has already given'))).toBe(false)
    expect(taskListView(assessmentView()).carryOver).toBeNull()
  })
})

describe('check answers presenter', () => {
  it('describes each answer, marks carried ones and links to change them', () => {
    const view = checkView(assessmentView())
    const row = view.sections[0]!.rows[0]!
    expect(row.key.text).toBe(firstTheme.questions[0].prompt)
    const value = 'html' in row.value ? row.value.html : ''
    expect(value).toMatch(/^3\. /)
    expect(value).toContain('<br><strong class="govuk-tag govuk-tag--yellow">From 2025: confirm or change</strong>')
    expect(value).toContain('<p class="govuk-body-s app-evidence-text">Evidence: Policy</p>')
    expect(row.actions?.items).toEqual([
      {
        href: '/assessments/4/themes/data.quality#answer-data__quality__standards',
        text: 'Change',
        visuallyHiddenText: firstTheme.questions[0].prompt,
      },
    ])
    expect(view.submitAction).toBe('/assessments/4/submit')
  })

  it('offers no change links or declaration to someone who cannot edit', () => {
    const view = checkView(assessmentView({ editable: { allowed: false, reason: 'No' } }))
    expect(view.heading).toBe('Answers')
    expect(view.sections[0]!.rows[0]!.actions).toBeUndefined()
    expect(view.submitAction).toBeNull()
  })

  it('escapes what the borough wrote', () => {
    const answers = new Map([[firstKey, { level: 3, value: null, notApplicable: false, evidence: '<b>Ours</b>' }]])
    const row = checkView(assessmentView({ answers })).sections[0]!.rows[0]!
    expect('html' in row.value && row.value.html).toContain('Evidence: &lt;b&gt;Ours&lt;/b&gt;</p>')
    expect('html' in row.value && row.value.html).not.toContain('govuk-tag')
  })
})

describe('history, list and submitted presenters', () => {
  it('counts the changes and writes when in London time', () => {
    const view = historyView(assessmentView(), [
      {
        at: new Date('2026-07-01T13:05:00Z'),
        who: 'Ada',
        what: 'Submitted',
        before: 'In progress',
        after: 'Submitted',
      },
    ])
    expect(view.tableCaption).toBe('1 change, oldest first')
    expect(view.rows[0]![0]).toEqual({ text: '1 Jul 2026 at 2:05pm', classes: 'app-nowrap' })
    expect(historyView(assessmentView(), []).tableCaption).toBeNull()
  })

  it('lists assessments with their state label and progress, linking each organisation to its page', () => {
    const view = assessmentListView([
      {
        assessment: { id: 4, state: 'returned' },
        round: { name: '2026 assessment', status: 'open' },
        organisation: { name: 'Lambeth', slug: 'lambeth' },
        progress: { completedThemes: 2, totalThemes: 5 },
      },
    ])
    expect(view.caption).toBe('1 assessment')
    expect(view.head.map(h => h.text)).toEqual(['Round', 'Organisation', 'Status', 'Progress'])
    expect(view.rows[0]).toEqual([
      {
        html:
          '<a class="govuk-link" href="/assessments/4">2026 assessment<span class="govuk-visually-hidden"> for Lambeth</span></a>' +
          '<br><span class="govuk-body-s app-secondary-text">Round open</span>',
      },
      { html: '<a class="govuk-link" href="/organisations/lambeth">Lambeth</a>' },
      { text: 'Returned for changes' },
      { text: '2 of 5 themes completed' },
    ])
    expect(assessmentListView([]).caption).toBeNull()
    expect(submittedView(assessmentView()).panelText).toBe('Lambeth, 2026 assessment')
  })
})
