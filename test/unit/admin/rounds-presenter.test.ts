import { roundsView } from '../../../src/presenters/admin/rounds.presenter'
import { roundView } from '../../../src/presenters/admin/round.presenter'
import { roundFormView } from '../../../src/presenters/admin/round-form.presenter'
import { hrefIn, shown, tagIn } from './cells'

const round = {
  id: 7,
  name: '2026 assessment',
  questionnaireKey: 'london-digital-maturity',
  questionnaireVersion: 2,
  opensOn: '2026-03-01',
  closesOn: '2026-06-30',
  closedAt: null,
  cancelledAt: null,
  status: 'open' as const,
}

describe('roundsView', () => {
  it('counts rounds in words and links each one', () => {
    const view = roundsView([round], new Map([[7, 33]]))
    expect(view.hasRounds).toBe(true)
    expect(view.caption).toBe('1 round')
    expect(view.table.head.map(shown)).toEqual(['Name', 'Questionnaire', 'Opens', 'Closes', 'Status', 'Organisations'])
    expect(view.table.head[5]).toMatchObject({ format: 'numeric' })
    const row = view.table.rows[0]!
    expect(row.map(shown)).toEqual([
      '2026 assessment',
      'london-digital-maturity, version 2',
      '1 March 2026',
      '30 June 2026',
      'Open',
      '33',
    ])
    expect(row[0]).toMatchObject({ header: true, classes: 'app-table__row-header' })
    expect(hrefIn(row[0])).toBe('/admin/rounds/7')
    expect(tagIn(row[4])).toEqual({ text: 'Open', classes: 'govuk-tag--green' })
    expect(row[5]).toMatchObject({ format: 'numeric' })
  })

  it('says when there are none, and counts none taking part as 0', () => {
    expect(roundsView([], new Map()).hasRounds).toBe(false)
    expect(roundsView([round, { ...round, id: 8 }], new Map()).caption).toBe('2 rounds')
    expect(shown(roundsView([round], new Map()).table.rows[0]?.[5])).toBe('0')
  })
})

describe('roundView', () => {
  const assessment = {
    assessment: { id: 3, state: 'in_progress' as const },
    organisation: { name: 'Hackney' },
    progress: { completedThemes: 2, totalThemes: 9 },
  }

  it('offers to extend or close an open round, and lists its assessments', () => {
    const view = roundView(round, [assessment])
    expect(view.canChange).toBe(true)
    expect(view.extendHint).toMatch(/^Later than 30 June 2026\./)
    expect(view.summary.map(r => [shown(r.key), shown(r.value)])).toEqual([
      ['Status', 'Open'],
      ['Questionnaire', 'london-digital-maturity, version 2'],
      ['Opens', '1 March 2026'],
      ['Closes', 'At the end of 30 June 2026'],
      ['Organisations taking part', '1'],
    ])
    expect(tagIn(view.summary[0]?.value)).toEqual({ text: 'Open', classes: 'govuk-tag--green' })
    expect(hrefIn(view.summary[1]?.value)).toBe('/admin/questionnaires/london-digital-maturity/versions/2')
    expect(view.assessments.head.map(shown)).toEqual(['Organisation', 'State', 'Progress'])
    const [row] = view.assessments.rows
    expect(row?.map(shown)).toEqual(['Hackney', 'In progress', '2 of 9 themes completed'])
    expect(row?.[0]).toMatchObject({ header: true, classes: 'app-table__row-header' })
    expect(hrefIn(row?.[0])).toBe('/assessments/3')
  })

  it('offers to cancel a round that has not opened, and to close one that has, each through its check page', () => {
    const scheduled = roundView({ ...round, status: 'scheduled' }, [])
    expect(scheduled.canChange).toBe(true)
    expect(scheduled.canCancel).toBe(true)
    expect(scheduled.cancelHref).toBe('/admin/rounds/7/cancel')
    const open = roundView(round, [])
    expect(open.canCancel).toBe(false)
    expect(open.closeHref).toBe('/admin/rounds/7/close')
  })

  it('says when a round was cancelled, tagged Cancelled, and offers nothing more', () => {
    const view = roundView({ ...round, status: 'cancelled', cancelledAt: new Date('2026-02-01T10:15:00Z') }, [])
    expect(view.canChange).toBe(false)
    expect(tagIn(view.summary[0]?.value)).toEqual({ text: 'Cancelled', classes: 'govuk-tag--red' })
    expect(shown(view.summary.find(r => shown(r.key) === 'Cancelled on')?.value)).toBe('1 February 2026 at 10:15am')
  })

  it('says when a round was closed early, in London time, and offers nothing more', () => {
    const view = roundView({ ...round, status: 'closed', closedAt: new Date('2026-05-01T13:30:00Z') }, [])
    expect(view.canChange).toBe(false)
    const closedOn = view.summary.find(r => shown(r.key) === 'Closed on')
    expect(shown(closedOn?.value)).toBe('1 May 2026 at 2:30pm')
    expect(tagIn(view.summary[0]?.value)?.text).toBe('Closed')
    expect(view.assessments.rows).toEqual([])
  })
})

describe('roundFormView', () => {
  it('gives the first version the field’s own id and ticks nothing itself', () => {
    const view = roundFormView(
      [
        { key: 'ldm', version: 1, title: 'LDM' },
        { key: 'ldm', version: 2, title: 'LDM' },
      ],
      [{ slug: 'hackney', name: 'Hackney' }],
      false,
    )
    expect(view.questionnaireItems.map(i => i.id)).toEqual(['questionnaire', 'questionnaire-1'])
    expect(view.questionnaireItems[1]).toMatchObject({ value: 'ldm@2', text: 'LDM, version 2', hint: 'ldm' })
    expect(view.organisationsHint).toContain('All 1 are ticked')
  })

  it('marks the questionnaire group in error when no version is published and none was chosen', () => {
    const view = roundFormView([], [], true)
    expect(view.hasPublished).toBe(false)
    expect(view.questionnaireGroupClasses).toBe('govuk-form-group govuk-form-group--error')
    expect(view.questionnaireDescribedBy).toBe('questionnaire-hint questionnaire-error')
  })
})
