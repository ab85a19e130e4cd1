import { moderationPageView, type ModerationPageInput } from '../../../src/presenters/moderation/assessment.presenter'
import type { QuestionnaireDefinition } from '../../../src/domain/questionnaire/definition'
import { validDefinition } from '../../support/definitions'

const definition = validDefinition() as unknown as QuestionnaireDefinition
const key = 'data.quality.standards'
const answer = { level: 3, value: null, notApplicable: false, evidence: null, updatedAt: new Date('2026-05-02') }
const moderation = {
  questionKey: key,
  level: 2,
  rationale: 'No policy',
  assessor: { id: 1, name: 'Ada' },
  revision: 1,
  updatedAt: new Date('2026-05-01'),
}

const input = (overrides: Partial<ModerationPageInput> = {}): ModerationPageInput =>
  ({
    assessment: { id: 5, state: 'in_moderation' },
    round: { id: 2, name: '2026 assessment' },
    organisationName: 'Lambeth',
    definition,
    answers: new Map([[key, answer]]),
    moderations: new Map([[key, moderation]]),
    comments: { moderation: null, returned: null },
    scores: [{ title: 'Overall', self: '3.00', final: '2.00' }],
    submittedOn: '1 May 2026',
    fieldId: (k: string) => `moderation-${k.replace(/\./g, '__')}`,
    ...overrides,
  }) as ModerationPageInput

describe('moderation page presenter', () => {
  it('counts what is moderated and lists answers the borough changed since', () => {
    const view = moderationPageView(input())
    expect(view.heading).toBe('Moderate Lambeth')
    expect(view.backLink).toBe('/moderation?round=2')
    expect(view.moderatedSummary).toMatch(/^1 of \d+, 1 at a different level from the self-assessment$/)
    expect(view.changedSince).toEqual([{ href: '#question-moderation-data__quality__standards', text: 'Standards?' }])
    expect(view.finish?.action).toBe('/moderation/5/complete')
    expect(view.scoreRows[0]!.classes).toBe('app-score-total')
  })

  it('gives each question its moderated level, the assessor and a form to change it', () => {
    const q = moderationPageView(input()).dimensions[0]!.themes[0]!.questions[0]!
    expect(q.moderated).toEqual({ level: '2. Emerging', agrees: '', by: 'Ada', rationale: 'No policy' })
    expect(q.changedSince).toBe(true)
    expect(q.form?.items[2]).toEqual({
      id: 'moderation-data__quality__standards-2',
      value: 3,
      text: '3. Defined (self-assessed)',
      checked: false,
    })
    expect(q.form?.items[1]!.checked).toBe(true)
    expect(q.form?.meanings[0]).toEqual({ term: '1. Ad hoc', meaning: 'Nothing written down.' })
  })

  it('offers no forms once moderation is complete and says so', () => {
    const view = moderationPageView(
      input({ assessment: { id: 5, state: 'moderated' }, comments: { moderation: 'Well done', returned: null } }),
    )
    expect(view.inset).toBe('Moderation is complete: the final scores use the moderated levels below.')
    expect(view.moderationComment).toBe('Well done')
    expect(view.finish).toBeNull()
    expect(view.dimensions[0]!.themes[0]!.questions[0]!.form).toBeNull()
  })
})
