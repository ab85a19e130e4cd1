import type { Round } from '../../../src/domain/assessment/round'
import { leftOutView, trendView } from '../../../src/presenters/insights/trend.presenter'

const round = { id: 9, name: 'Spring 2026', opensOn: '2026-03-01' } as Round
const earlier = { id: 5, name: 'Spring 2025', opensOn: '2025-03-01' } as Round

describe('the trend page view', () => {
  it('says which questions are left out, quoted, and how many', () => {
    const view = leftOutView({
      split: [
        {
          from: { key: 'a', prompt: 'Old' },
          to: [
            { key: 'b', prompt: 'B' },
            { key: 'c', prompt: 'C' },
          ],
        },
      ],
      notComparable: [
        { question: { key: 'e', prompt: 'Cloud use?' }, reason: 'Version 2 asks how well, not how much.' },
      ],
      added: [{ key: 'd', prompt: 'New one' }],
      removed: [],
    })
    expect(view.summaryText).toBe('Questions left out of the comparison (3)')
    expect(view.notComparable).toEqual([
      '“Cloud use?” keeps its key but asks something else now: Version 2 asks how well, not how much.',
    ])
    expect(view.none).toBe(false)
    expect(view.split).toEqual(['“Old” became “B” and “C”: each half asks something narrower, so neither is compared.'])
    expect(view.added).toEqual(['“New one”'])
    expect(view.hasRemoved).toBe(false)
  })

  it('offers the earlier rounds with their opening dates, the chosen one selected', () => {
    const view = trendView({ round, against: earlier, candidates: [earlier], trend: null }, [])
    expect(view.picker.hasCandidates).toBe(true)
    expect(view.picker.label).toBe('Compare Spring 2026 with')
    expect(view.picker.items).toEqual([{ value: 5, text: 'Spring 2025 (opened 1 March 2025)', selected: true }])
    expect(view.shown).toBe(false)
  })

  it('says when there is nothing to compare with, and shows the picker’s message', () => {
    const errors = { summary: [], fields: { against: 'Choose an earlier round' } }
    const view = trendView({ round, against: null, candidates: [], trend: null }, [], errors)
    expect(view.picker.hasCandidates).toBe(false)
    expect(view.picker.noCandidates).toBe(
      'There is no earlier round on this questionnaire, with questions linked to this one, to compare Spring 2026 with.',
    )
    expect(view.picker.errorMessage).toBe('Choose an earlier round')
    expect(view.comparedText).toBe('0 organisations handed in both assessments')
  })
})

describe('the trend table', () => {
  const change = (previous: number, current: number) => ({ previous, current, change: current - previous })
  const trend = {
    dimensions: [{ key: 'data', title: 'Data' }],
    leftOut: { split: [], notComparable: [], added: [], removed: [] },
    rows: [
      {
        gss: 'E09000012',
        name: 'Hackney',
        previousRound: 'scored',
        currentRound: 'scored',
        dimensions: [{ key: 'data', ...change(2, 3) }],
        overall: change(3, 2.5),
      },
      {
        gss: 'E09000007',
        name: 'Camden',
        previousRound: 'absent',
        currentRound: 'scored',
        dimensions: [],
        overall: { previous: null, current: 3, change: null },
      },
    ],
  }
  const organisations = [
    { gss: 'E09000012', slug: 'hackney' },
    { gss: 'E09000007', slug: 'camden' },
  ]
  const view = trendView(
    { round, against: earlier, candidates: [earlier], trend } as unknown as Parameters<typeof trendView>[0],
    organisations,
  )

  it('heads a column per dimension, then overall, and names each organisation by a link to its page', () => {
    expect(view.table.head.map(h => h.text)).toEqual(['Organisation', 'Data', 'Overall'])
    const [hackney, camden] = view.table.rows as { attributes: object; cells: { html?: string; header?: boolean }[] }[]
    expect(hackney!.attributes).toEqual({ 'data-gss': 'E09000012' })
    expect(hackney!.cells[0]).toMatchObject({
      header: true,
      html: '<a class="govuk-link" href="/organisations/hackney">Hackney</a>',
    })
    expect(camden!.cells[0]!.html).toBe('<a class="govuk-link" href="/organisations/camden">Camden</a>')
  })

  it('shows each change with its arrow hidden, its direction in words, and both scores, shaded', () => {
    const [hackney] = view.table.rows as { cells: { html?: string; classes?: string }[] }[]
    expect(hackney!.cells[1]).toMatchObject({ classes: 'app-heat app-heat--above-3', format: 'numeric' })
    expect(hackney!.cells[1]!.html).toBe(
      '<span class="app-trend__change"><span aria-hidden="true">▲</span> +1.00<span class="govuk-visually-hidden"> (up)</span></span> <span class="app-trend__detail">2.00 to 3.00</span>',
    )
    expect(hackney!.cells[2]!.html).toContain('−0.50<span class="govuk-visually-hidden"> (down)</span>')
  })

  it('says across the row why an organisation has no change', () => {
    const [, camden] = view.table.rows as { cells: object[] }[]
    expect(camden!.cells[1]).toEqual({
      text: 'Not taking part in Spring 2025',
      classes: 'app-trend__reason',
      colspan: 2,
    })
    expect(view.caption).toBe('Change in final scores from Spring 2025 to Spring 2026')
  })
})
