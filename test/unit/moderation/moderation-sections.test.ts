import {
  moderationProgress,
  moderationSections,
  nextSectionToModerate,
  sectionStatus,
  unmoderatedQuestions,
} from '../../../src/domain/assessment/moderation'
import type { AnswerContent } from '../../../src/domain/assessment/answer'
import type { QuestionnaireDefinition } from '../../../src/domain/questionnaire/definition'
import { completeView, returnView } from '../../../src/presenters/moderation/finish.presenter'

const levels = { '1': 'a', '2': 'b', '3': 'c', '4': 'd', '5': 'e' }
const maturity = (key: string, extra: object = {}) => ({
  key,
  type: 'maturity',
  prompt: `${key}?`,
  required: true,
  weight: 1,
  evidence: 'optional',
  levels,
  ...extra,
})
const theme = (key: string, questions: object[]) => ({ key, title: `Theme ${key}`, weight: 1, questions })
const definition = {
  dimensions: [
    {
      key: 'd1',
      title: 'One',
      weight: 1,
      themes: [
        theme('a', [maturity('a1'), maturity('a2'), { key: 'a3', type: 'text', prompt: 'Notes', weight: 1 }]),
        theme('context', [{ key: 'c1', type: 'text', prompt: 'Context', weight: 1 }]),
        theme('b', [maturity('b1'), maturity('b2', { showIf: { question: 'b1', values: [4, 5] } }), maturity('b3')]),
      ],
    },
    { key: 'd2', title: 'Two', weight: 1, themes: [theme('c', [maturity('c1x')])] },
  ],
} as unknown as QuestionnaireDefinition

const answer = (level: number | null, notApplicable = false): AnswerContent => ({
  level,
  value: null,
  notApplicable,
  evidence: null,
})
const answers = new Map([
  ['a1', answer(3)],
  ['a2', answer(2)],
  ['b1', answer(2)],
  ['b3', answer(null, true)],
  ['c1x', answer(4)],
])

describe('moderation sections', () => {
  it('has one section per theme with maturity questions, leaving out hidden and not-applicable ones', () => {
    const sections = moderationSections(definition, answers, new Set())
    expect(sections.map(s => s.key)).toEqual(['a', 'b', 'c'])
    expect(sections[1]!.questions.map(q => q.key)).toEqual(['b1', 'b2', 'b3'])
    expect(sections[1]!.toModerate.map(q => q.key)).toEqual(['b1'])
    expect(sections[0]!.dimension).toEqual({ key: 'd1', title: 'One' })
  })

  it('counts progress and gives each section a task-list status', () => {
    const sections = moderationSections(definition, answers, new Set(['a1', 'b1', 'c1x']))
    expect(moderationProgress(sections)).toEqual({ moderated: 3, total: 4 })
    expect(sections.map(sectionStatus)).toEqual(['in_progress', 'completed', 'completed'])
    expect(sectionStatus(moderationSections(definition, answers, new Set())[0]!)).toBe('not_started')
  })

  it('names every unmoderated question with its section, in order', () => {
    const sections = moderationSections(definition, answers, new Set(['a1']))
    expect(unmoderatedQuestions(sections).map(u => [u.section.key, u.question.key])).toEqual([
      ['a', 'a2'],
      ['b', 'b1'],
      ['c', 'c1x'],
    ])
  })

  it('goes on to the next section with questions left, then back to earlier ones, then nowhere', () => {
    const none = moderationSections(definition, answers, new Set())
    expect(nextSectionToModerate(none, 'a')?.key).toBe('b')
    expect(nextSectionToModerate(none, 'c')?.key).toBe('a')
    const onlyA = moderationSections(definition, answers, new Set(['b1', 'c1x']))
    expect(nextSectionToModerate(onlyA, 'b')?.key).toBe('a')
    expect(nextSectionToModerate(onlyA, 'a')).toBeNull()
    expect(
      nextSectionToModerate(moderationSections(definition, answers, new Set(['a1', 'a2', 'b1', 'c1x'])), 'a'),
    ).toBeNull()
  })
})

describe('the complete and return pages', () => {
  const fieldId = (k: string) => `moderation-${k}`
  it('asks "Are you sure", saying what completing does, with a form and a Cancel link', () => {
    const view = completeView({
      assessment: { id: 5 },
      organisationName: 'Lambeth',
      unmoderated: [],
      fieldId,
      maxLength: 5000,
    })
    expect(view.heading).toBe('Are you sure you want to complete moderation of Lambeth?')
    expect(view.consequences).toEqual([
      'The final scores will use the moderated levels.',
      'Lambeth will see the moderated levels, the final scores and your comment.',
      'You cannot undo this: the assessment cannot be moderated again.',
    ])
    expect(view.form?.action).toBe('/moderation/5/complete')
    expect(view.cancelHref).toBe('/moderation/5')
    expect(view.blocked).toBeNull()
  })

  it('offers no form while questions are unmoderated, linking each to its section', () => {
    const view = completeView({
      assessment: { id: 5 },
      organisationName: 'Lambeth',
      unmoderated: [{ sectionKey: 'data.use', sectionTitle: 'Using data', questionKey: 'data.use.x', prompt: 'X?' }],
      fieldId,
      maxLength: 5000,
    })
    expect(view.form).toBeNull()
    expect(view.heading).toBe('You cannot complete moderation yet')
    expect(view.blocked?.text).toMatch(/^1 scored question is not moderated\./)
    expect(view.blocked?.items).toEqual([
      { href: '/moderation/5/sections/data.use#question-moderation-data.use.x', text: 'Moderate “X?” in Using data' },
    ])
  })

  it('asks the borough’s name and the comment’s limit on the return page', () => {
    const view = returnView({ assessment: { id: 5 }, organisationName: 'Lambeth', maxLength: 5000 })
    expect(view.heading).toBe('Return the assessment to Lambeth')
    expect(view.hint).toContain('Lambeth')
    // The limit goes to the character count, which says it under the box.
    expect(view.maxLength).toBe(5000)
    expect(view.action).toBe('/moderation/5/return')
  })
})
