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
      added: [{ key: 'd', prompt: 'New one' }],
      removed: [],
    })
    expect(view.summaryText).toBe('Questions left out of the comparison (2)')
    expect(view.none).toBe(false)
    expect(view.split).toEqual(['“Old” became “B” and “C”: each half asks something narrower, so neither is compared.'])
    expect(view.added).toEqual(['“New one”'])
    expect(view.hasRemoved).toBe(false)
  })

  it('offers the earlier rounds with their opening dates, the chosen one selected', () => {
    const view = trendView({ round, against: earlier, candidates: [earlier], trend: null })
    expect(view.picker.hasCandidates).toBe(true)
    expect(view.picker.label).toBe('Compare Spring 2026 with')
    expect(view.picker.items).toEqual([{ value: 5, text: 'Spring 2025 (opened 2025-03-01)', selected: true }])
    expect(view.shown).toBe(false)
  })

  it('says when there is nothing to compare with, and shows the picker’s message', () => {
    const errors = { summary: [], fields: { against: 'Choose an earlier round' } }
    const view = trendView({ round, against: null, candidates: [], trend: null }, errors)
    expect(view.picker.hasCandidates).toBe(false)
    expect(view.picker.noCandidates).toBe(
      'There is no earlier round on this questionnaire, with questions linked to this one, to compare Spring 2026 with.',
    )
    expect(view.picker.errorMessage).toBe('Choose an earlier round')
    expect(view.comparedText).toBe('0 organisations handed in both assessments')
  })
})
