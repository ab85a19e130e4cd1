import {
  moderationPageView,
  type ModerationPageInput,
  type ModerationPageView,
} from '../../../src/presenters/moderation/assessment.presenter'
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

const valueOf = (view: ModerationPageView, key: string) => view.summary.find(r => r.key.text === key)?.value

describe('moderation page presenter', () => {
  it('counts what is moderated and lists answers the borough changed since', () => {
    const view = moderationPageView(input())
    expect(view.heading).toBe('Moderate Lambeth')
    expect(view.backLink).toBe('/moderation?round=2')
    expect(view.summary.map(r => r.key.text)).toEqual([
      'State',
      'Submitted',
      'Questions moderated',
      'Changed by the borough since moderated',
    ])
    expect(valueOf(view, 'State')).toEqual({
      html: '<strong class="govuk-tag govuk-tag--yellow">In moderation</strong>',
    })
    expect(valueOf(view, 'Submitted')).toEqual({ text: '1 May 2026' })
    expect(valueOf(view, 'Questions moderated')).toEqual({
      text: expect.stringMatching(/^1 of \d+, 1 at a different level from the self-assessment$/) as string,
    })
    expect(valueOf(view, 'Changed by the borough since moderated')).toEqual({
      html: '<ul class="govuk-list"><li><a class="govuk-link" href="#question-moderation-data__quality__standards">Standards?</a></li></ul>',
    })
    expect(view.finish?.action).toBe('/moderation/5/complete')
    expect(view.scoreHead.map(h => h.text)).toEqual(['Dimension', 'Self-assessed', 'Final'])
    expect(view.scoreRows[0]).toEqual({
      classes: 'app-score-total',
      cells: [
        { text: 'Overall', header: true, classes: 'app-table__row-header' },
        { text: '3.00', format: 'numeric' },
        { text: '2.00', format: 'numeric' },
      ],
    })
  })

  it('gives each question its moderated level, the assessor and a form to change it', () => {
    const q = moderationPageView(input()).dimensions[0]!.themes[0]!.questions[0]!
    expect(q.facts.map(f => f.key.text)).toEqual(['Self-assessed', 'Evidence', 'Moderated'])
    expect(q.facts[0]!.value).toEqual({
      html: '<strong>3. Defined</strong><p class="govuk-body-s app-evidence-text">Agreed and used.</p>',
    })
    expect(q.facts[1]!.value).toEqual({ text: 'None given', classes: 'app-preserve-lines' })
    expect(q.facts[2]!.value).toEqual({
      html: '<strong>2. Emerging</strong>, by Ada<p class="govuk-body-s app-evidence-text app-preserve-lines">Rationale: No policy</p>',
    })
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
    expect(valueOf(view, 'Moderation comment')).toEqual({ text: 'Well done', classes: 'app-preserve-lines' })
    expect(valueOf(view, 'State')).toEqual({ html: '<strong class="govuk-tag govuk-tag--green">Moderated</strong>' })
    expect(view.finish).toBeNull()
    expect(view.dimensions[0]!.themes[0]!.questions[0]!.form).toBeNull()
  })

  it('shows what was asked of a returned borough, keeping its lines, and escapes what people wrote', () => {
    const view = moderationPageView(
      input({
        assessment: { id: 5, state: 'returned' },
        comments: { moderation: null, returned: 'Add <evidence>' },
        moderations: new Map([
          [key, { ...moderation, rationale: '<b>No</b> policy', updatedAt: new Date('2026-05-03') }],
        ]),
      }),
    )
    expect(valueOf(view, 'Asked of the borough')).toEqual({ text: 'Add <evidence>', classes: 'app-preserve-lines' })
    expect(valueOf(view, 'Changed by the borough since moderated')).toBeUndefined()
    expect(view.dimensions[0]!.themes[0]!.questions[0]!.facts[2]!.value).toEqual({
      html: '<strong>2. Emerging</strong>, by Ada<p class="govuk-body-s app-evidence-text app-preserve-lines">Rationale: &lt;b&gt;No&lt;/b&gt; policy</p>',
    })
  })
})
