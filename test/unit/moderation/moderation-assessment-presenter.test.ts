import {
  moderationPageView,
  type ModerationPageInput,
  type ModerationPageView,
} from '../../../src/presenters/moderation/assessment.presenter'
import { moderationSectionView } from '../../../src/presenters/moderation/section.presenter'
import { moderationSections } from '../../../src/domain/assessment/moderation'
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

/** The section page of data.quality, built from the same input. */
const sectionOf = (i: ModerationPageInput) =>
  moderationSectionView({
    assessment: i.assessment,
    organisationName: i.organisationName,
    section: moderationSections(i.definition, i.answers, i.moderations)[0]!,
    levels: i.definition.scale.levels,
    answers: i.answers,
    moderations: i.moderations,
    fieldId: i.fieldId,
  })

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
      text: '1 of 2 scored questions moderated, 1 at a different level from the self-assessment',
    })
    expect(valueOf(view, 'Changed by the borough since moderated')).toEqual({
      html: '<ul class="govuk-list"><li><a class="govuk-link" href="/moderation/5/sections/data.quality#question-moderation-data__quality__standards">Standards?</a></li></ul>',
    })
    expect(view.finish).toEqual({ completeHref: '/moderation/5/complete', returnHref: '/moderation/5/return' })
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

  it('lists each section as a task with how much of it is moderated', () => {
    const view = moderationPageView(input())
    expect(view.dimensions.map(d => d.heading)).toEqual(['1. Data', '2. Technology'])
    expect(view.dimensions[0]!.items[0]).toEqual({
      title: { text: 'Quality' },
      href: '/moderation/5/sections/data.quality',
      hint: { id: 'hint-data__quality', text: '1 of 1 moderated' },
      status: { id: 'status-data__quality', text: 'Completed' },
    })
    expect(view.dimensions[1]!.items[0]).toMatchObject({
      hint: { text: '0 of 1 moderated' },
      status: { tag: { text: 'Not started', classes: 'govuk-tag--grey' } },
    })
  })

  it('gives each question of a section its moderated level, the assessor and fields to change it', () => {
    const section = sectionOf(input())
    expect(section.heading).toBe('Quality')
    expect(section.progress).toBe('1 of 1 scored question in this theme moderated.')
    expect(section.form).toEqual({ action: '/moderation/5/sections/data.quality', agreeHint: null })
    const q = section.questions[0]!
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
    expect(q.form).toMatchObject({
      levelName: 'moderation-data__quality__standards',
      rationaleName: 'moderation-data__quality__standards-rationale',
      revisionName: 'moderation-data__quality__standards-revision',
      revision: '1',
    })
    expect(q.form?.meanings[0]).toEqual({ term: '1. Ad hoc', meaning: 'Nothing written down.' })
  })

  it('says how a level is chosen above a section to moderate, where the questionnaire says', () => {
    const rule = 'A level counts only if all its statements and all lower levels hold.'
    const i = input()
    const section = (levelRule?: string) =>
      moderationSectionView({
        assessment: i.assessment,
        organisationName: i.organisationName,
        section: moderationSections(i.definition, i.answers, i.moderations)[0]!,
        levels: i.definition.scale.levels,
        ...(levelRule ? { levelRule } : {}),
        answers: i.answers,
        moderations: i.moderations,
        fieldId: i.fieldId,
      })
    expect(section(rule).levelRule).toBe(rule)
    expect(section().levelRule).toBeNull()
  })

  it('offers no forms once moderation is complete and says so', () => {
    const view = moderationPageView(
      input({ assessment: { id: 5, state: 'moderated' }, comments: { moderation: 'Well done', returned: null } }),
    )
    expect(view.inset).toBe('Moderation is complete: the final scores use the moderated levels.')
    expect(valueOf(view, 'Moderation comment')).toEqual({ text: 'Well done', classes: 'app-preserve-lines' })
    expect(valueOf(view, 'State')).toEqual({ html: '<strong class="govuk-tag govuk-tag--green">Moderated</strong>' })
    expect(view.finish).toBeNull()
    const section = sectionOf(input({ assessment: { id: 5, state: 'moderated' } }))
    expect(section.form).toBeNull()
    expect(section.questions[0]!.form).toBeNull()
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
    const section = sectionOf(
      input({
        moderations: new Map([
          [key, { ...moderation, rationale: '<b>No</b> policy', updatedAt: new Date('2026-05-03') }],
        ]),
      }),
    )
    expect(section.questions[0]!.facts[2]!.value).toEqual({
      html: '<strong>2. Emerging</strong>, by Ada<p class="govuk-body-s app-evidence-text app-preserve-lines">Rationale: &lt;b&gt;No&lt;/b&gt; policy</p>',
    })
  })
})
