import { fieldId } from '../../../src/presenters/assessments/answer.presenter'
import { assessmentOf, createRound } from '../../support/rounds'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

let t: TestApp
let assessmentId: number
let officer: { agent: Agent; csrf: string }

beforeAll(async () => {
  t = await createTestApp()
  assessmentId = await assessmentOf(t, await createRound(t, { organisations: ['lambeth'] }), 'lambeth')
})
beforeEach(async () => {
  officer = await signIn(t.app, (await t.createUser('respondent', { organisation: 'lambeth' })).email)
})
afterAll(() => t.close())

const CONTEXT = 'foundations.context'
const COUNT = 'foundations.context.line-of-business-systems'
const SHARE = 'foundations.context.digital-budget-share'
const ANYTHING_ELSE = 'foundations.context.anything-else'
const CYBER = 'foundations.cyber'
const RISK = 'foundations.cyber.risk-management'

const themeUrl = (key: string) => `/assessments/${assessmentId}/themes/${key}`

/** The text of each link in the page's error summary. */
function summaryMessages(html: string): string[] {
  const list = /<ul class="govuk-list govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? ''
  return [...list.matchAll(/<a href="#[^"]+">([^<]*)<\/a>/g)].map(m => m[1]!)
}

/** The message beside one field, as the page draws it. */
const besideField = (html: string, id: string): string | undefined =>
  new RegExp(
    `id="${id}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ([^<]*)<`,
  ).exec(html)?.[1]

/** The same answers, posted as the theme page's form (no JavaScript) and put one at a time as the autosave does. */
const cases: {
  theme: string
  key: string
  form: Record<string, string>
  api: Record<string, unknown>
  says: string
  at: string
}[] = [
  {
    theme: CONTEXT,
    key: COUNT,
    form: { value: '42.5' },
    api: { value: 42.5 },
    says: 'Enter the number of line of business systems as a whole number, like 12',
    at: fieldId(COUNT),
  },
  {
    theme: CONTEXT,
    key: SHARE,
    form: { value: '150' },
    api: { value: 150 },
    says: 'Digital budget share must be between 0 and 100',
    at: fieldId(SHARE),
  },
  {
    theme: CONTEXT,
    key: ANYTHING_ELSE,
    form: { value: 'x'.repeat(2001) },
    api: { value: 'x'.repeat(2001) },
    says: 'Anything else must be 2,000 characters or fewer',
    at: fieldId(ANYTHING_ELSE),
  },
  {
    theme: CYBER,
    key: RISK,
    form: { choice: 'level:3', evidence: 'x'.repeat(5001) },
    api: { level: 3, evidence: 'x'.repeat(5001) },
    says: 'Evidence for risk management must be 5,000 characters or fewer',
    at: `${fieldId(RISK)}-evidence`,
  },
]

describe('an answer’s errors', () => {
  it.each(cases)('say “$says” on the page and in the autosave’s reply alike, and save nothing', async c => {
    const form = Object.fromEntries([
      ['_csrf', officer.csrf],
      ...Object.entries({ ...c.form, revision: '0', base: '' }).map(([part, v]) => [`answers[${c.key}][${part}]`, v]),
    ])
    const page = await officer.agent.post(themeUrl(c.theme)).type('form').send(form).expect(400)
    expect(summaryMessages(page.text)).toEqual([c.says])
    expect(page.text).toContain(`<a href="#${c.at}">${c.says}</a>`)
    expect(besideField(page.text, c.at)).toBe(c.says)

    const reply = await officer.agent
      .put(`/api/v1/assessments/${assessmentId}/answers/${c.key}`)
      .set('X-CSRF-Token', officer.csrf)
      .send({ ...c.api, revision: 0 })
      .expect(422)
    expect(reply.body.errors.map((e: { message: string }) => e.message)).toEqual(summaryMessages(page.text))

    expect((await t.repos.assessments.answers(assessmentId)).find(a => a.questionKey === c.key)).toBeUndefined()
  })

  it('refuses a decimal count from either way in, and takes a whole one', async () => {
    await officer.agent
      .put(`/api/v1/assessments/${assessmentId}/answers/${COUNT}`)
      .set('X-CSRF-Token', officer.csrf)
      .send({ value: '12.0001', revision: 0 })
      .expect(422)
    await officer.agent
      .put(`/api/v1/assessments/${assessmentId}/answers/${COUNT}`)
      .set('X-CSRF-Token', officer.csrf)
      .send({ value: 42, revision: 0 })
      .expect(200)
    const saved = (await t.repos.assessments.answers(assessmentId)).find(a => a.questionKey === COUNT)
    expect(saved?.value).toBe(42)
  })

  it('asks for a count with a keypad of digits, and for a share with a decimal point', async () => {
    const page = await officer.agent.get(themeUrl(CONTEXT)).expect(200)
    expect(page.text).toMatch(new RegExp(`id="${fieldId(COUNT)}" name="[^"]+" type="text" inputmode="numeric"`))
    expect(page.text).toMatch(new RegExp(`id="${fieldId(SHARE)}" name="[^"]+" type="text" inputmode="decimal"`))
  })
})

describe('limited text boxes', () => {
  it.each([
    [CONTEXT, fieldId(ANYTHING_ELSE), 2000, '2,000'],
    [CYBER, `${fieldId(RISK)}-evidence`, 5000, '5,000'],
  ])(
    'on %s, %s is a GOV.UK character count of %i, its limit a hint without JavaScript',
    async (theme, id, max, said) => {
      const page = await officer.agent.get(themeUrl(theme)).expect(200)
      const box = new RegExp(
        `<div class="[^"]*govuk-character-count" data-module="govuk-character-count" data-maxlength="${max}">` +
          `[\\s\\S]*?<textarea class="govuk-textarea govuk-js-character-count" id="${id}" [^>]*aria-describedby="${id}-info[ "]` +
          `[\\s\\S]*?<div id="${id}-info" class="govuk-hint govuk-character-count__message">You can enter up to ${said} characters</div>`,
      )
      expect(page.text).toMatch(box)
    },
  )
})
