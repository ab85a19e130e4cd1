import { themePageView, type LocatedTheme } from '../../../src/presenters/assessments/theme-page.presenter'
import type { AssessmentView } from '../../../src/services/assessments/view-assessment.service'
import type { QuestionnaireDefinition } from '../../../src/domain/questionnaire/definition'
import { validDefinition } from '../../support/definitions'

const definition = validDefinition() as QuestionnaireDefinition
const dimension = definition.dimensions[0]!
const [first, second] = definition.dimensions.flatMap(d => d.themes)
const question = first!.questions[0]!

const assessmentView = (editable: AssessmentView['editable']): AssessmentView =>
  ({
    assessment: { id: 4 },
    definition,
    answers: new Map([[question.key, { level: 3, value: null, notApplicable: false, evidence: 'Board minutes' }]]),
    editable,
  }) as unknown as AssessmentView

const located: LocatedTheme = { dimension, theme: first!, previous: undefined, next: { theme: second! } }

describe('theme page presenter', () => {
  it('gives an editable page its form, each question’s view and the way on to the next theme', () => {
    const page = themePageView(assessmentView({ allowed: true }), located, new Map())
    expect(page.caption).toBe(dimension.title)
    expect(page.heading).toBe(first!.title)
    expect(page.readOnly).toBeNull()
    expect(page.form?.action).toBe(`/assessments/4/themes/${first!.key}`)
    expect(page.form?.autosave).toBe('/api/v1/assessments/4')
    expect(page.form?.questions.map(q => q.id)).toEqual(
      first!.questions.map(q => `answer-${q.key.replace(/\./g, '__')}`),
    )
    expect(page.previous).toBeNull()
    expect(page.next).toEqual({
      href: `/assessments/4/themes/${second!.key}`,
      text: `Next theme: ${second!.title}`,
    })
  })

  it('shows a page that cannot be changed as the answers in words, with the reason and the evidence', () => {
    const page = themePageView(assessmentView({ allowed: false, reason: 'It has been submitted' }), located, new Map())
    expect(page.form).toBeNull()
    expect(page.readOnly?.reason).toBe('It has been submitted.')
    const row = page.readOnly?.rows[0]
    expect(row?.key.text).toBe(question.prompt)
    const value = row && 'html' in row.value ? row.value.html : ''
    expect(value).toMatch(/^3\. /)
    expect(value).toContain('<p class="govuk-body-s app-evidence-text">Evidence: Board minutes</p>')
    expect(row?.actions).toBeUndefined()
  })

  it('says the other answers were saved only after a conflict that saved some', () => {
    expect(themePageView(assessmentView({ allowed: true }), located, new Map()).savedOthers).toBe(false)
    expect(
      themePageView(assessmentView({ allowed: true }), located, new Map(), { savedOthers: true }).savedOthers,
    ).toBe(true)
  })

  it('says how a level is chosen above a theme with a maturity question, where the questionnaire says', () => {
    const rule = 'A level counts only if all its statements hold.'
    const withRule = { ...assessmentView({ allowed: true }), definition: { ...definition, levelRule: rule } }
    expect(themePageView(withRule, located, new Map()).levelRule).toBe(rule)
    const noMaturity = { ...first!, questions: first!.questions.filter(q => q.type !== 'maturity') }
    expect(themePageView(withRule, { ...located, theme: noMaturity }, new Map()).levelRule).toBeNull()
    expect(themePageView(assessmentView({ allowed: true }), located, new Map()).levelRule).toBeNull()
  })
})
