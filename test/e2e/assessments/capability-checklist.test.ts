import type { Page } from 'playwright-core'
import type { Answer } from '../../../src/domain/assessment/answer'
import {
  allQuestions,
  type ChecklistQuestion,
  type Question,
  type QuestionnaireDefinition,
} from '../../../src/domain/questionnaire/definition'
import { fieldId } from '../../../src/presenters/assessments/answer.presenter'
import { assessmentOf, createRound } from '../../support/rounds'
import { expectAxeClean } from '../support/axe'
import { startE2eApp, type E2eApp } from '../support/browser'
import { screenshot, screenshotOf } from '../support/screenshot'
import { signIn } from '../support/sign-in'

// Questionnaire version 3: a service area's capability checklist answered in the browser, and a level 4
// given without evidence refused at submit, linked to its question, then submitted once evidence is given.
// Every other required answer is given through the JSON API from the same signed-in browser, so the
// browser is used only where this test looks: the housing theme page and the check-and-submit page.
const START_TIMEOUT = 120_000
const TEST_TIMEOUT = 300_000
const ROUND = 'London 2026 to 2027 (version 3)'
const THEME = 'services.housing'
const THEME_TITLE = 'Housing allocations and lettings'
const DELIVERY = 'services.housing.delivery'
const CAPABILITIES = 'services.housing.capabilities'
const END_TO_END = 'services.housing.end-to-end'
/** Answered in the browser; every other required question through the API. */
const IN_BROWSER = new Set([DELIVERY, CAPABILITIES, END_TO_END])
const TICKED = ['online-eligibility-check', 'automated-banding']
const NONE_YET = 'None of these yet'
const EVIDENCE = 'Allocations dashboard and applicant survey results, September 2026'
// The test clock stands at 10:00 GMT on 27 November 2026: every save happens then.
const SAVED = 'Saved at 10am'

let e2e: E2eApp | undefined
let assessmentId = 0
let email = ''
let definition: QuestionnaireDefinition
let checklist: ChecklistQuestion

const app = (): E2eApp => {
  if (!e2e) throw new Error('the app did not start')
  return e2e
}
const themePath = (key: string): string => `/assessments/${assessmentId}/themes/${encodeURIComponent(key)}`
const pathOf = (page: Page): string => new URL(page.url()).pathname
const valueName = (key: string): string => `answers[${key}][value]`
const choiceName = (key: string): string => `answers[${key}][choice]`
const labelOf = (value: string): string => checklist.options.find(o => o.value === value)?.label ?? value
const questionOf = (key: string): Question | undefined =>
  allQuestions(definition).find(l => l.question.key === key)?.question
const promptOf = (key: string): string => questionOf(key)?.prompt ?? key
function deliveryLabel(value: string): string {
  const question = questionOf(DELIVERY)
  return (question?.type === 'choice' && question.options.find(o => o.value === value)?.label) || value
}
const status = (page: Page, text: string) => page.locator('[data-autosave-status]', { hasText: text })

/** The boxes ticked on the page, in the page's order. */
const tickedOnPage = (page: Page, key: string): Promise<string[]> =>
  page
    .locator(`input[name="${valueName(key)}"]:checked`)
    .evaluateAll(inputs => inputs.map(i => (i as HTMLInputElement).value))

const checkedValue = (page: Page, name: string): Promise<string | null> =>
  page.evaluate(n => document.querySelector<HTMLInputElement>(`input[name="${n}"]:checked`)?.value ?? null, name)

async function stored(key: string): Promise<Answer | undefined> {
  return (await app().testApp.repos.assessments.answers(assessmentId)).find(a => a.questionKey === key)
}

/** Waits until the stored answer passes `test`: autosave runs in the background. */
async function storedWhen(key: string, test: (a: Answer | undefined) => boolean): Promise<Answer | undefined> {
  const until = Date.now() + 30_000
  for (;;) {
    const answer = await stored(key)
    if (test(answer)) return answer
    if (Date.now() > until) throw new Error(`answer ${key} is ${JSON.stringify(answer)}`)
    await new Promise(resolve => setTimeout(resolve, 200))
  }
}

const sameSet = (value: unknown, expected: string[]): boolean =>
  Array.isArray(value) && [...(value as string[])].sort().join('|') === [...expected].sort().join('|')

/** Uncaught script errors and unexpected dialogs (such as "leave site?") fail the test that caused them. */
function watch(page: Page): { errors: string[]; dialogs: string[] } {
  const seen = { errors: [] as string[], dialogs: [] as string[] }
  page.on('pageerror', error => seen.errors.push(error.message))
  page.on('dialog', dialog => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.accept()
  })
  return seen
}

async function visit(page: Page, path: string, expected = 200): Promise<void> {
  const response = await page.goto(path)
  expect(response?.status()).toBe(expected)
}

async function respondentPage(): Promise<Page> {
  const page = await app().newPage()
  page.setDefaultTimeout(60_000)
  await signIn(page, email)
  return page
}

const csrfOf = async (page: Page): Promise<string> =>
  (await page.locator('meta[name="csrf-token"]').getAttribute('content')) ?? ''

/** A valid answer to a required question, as the JSON API takes it. */
function apiBody(question: Question): Record<string, unknown> {
  switch (question.type) {
    case 'maturity':
      return { level: 2 }
    case 'choice':
      return { value: question.options[0]!.value }
    case 'multi':
      return { value: [question.options[0]!.value] }
    case 'checklist':
      return { value: ['none'] }
    case 'number':
      return { value: question.min ?? 5 }
    case 'text':
      return { value: 'Some text' }
  }
}

/** Gives every required answer but the three this test gives in the browser, through the API, as this respondent. */
async function answerTheRestThroughApi(page: Page): Promise<void> {
  const csrf = await csrfOf(page)
  for (const { question } of allQuestions(definition)) {
    if (!question.required || question.showIf || IN_BROWSER.has(question.key)) continue
    const response = await page.request.put(`/api/v1/assessments/${assessmentId}/answers/${question.key}`, {
      headers: { 'X-CSRF-Token': csrf },
      data: { ...apiBody(question), revision: 0 },
    })
    if (response.status() !== 200) throw new Error(`${question.key}: ${response.status()} ${await response.text()}`)
  }
}

/** Clicks a button that posts the page's form, and waits for the page that comes back. */
async function press(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: button }).click()])
}

/** The error summary, once GOV.UK Frontend has moved focus to it. */
async function focusedErrorSummary(page: Page): Promise<string> {
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' })
  await summary.waitFor()
  await page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary') === true)
  return summary.innerText()
}

/** An answer as the check page shows it, in the row of the question asked. */
const answerShown = (page: Page, prompt: string): Promise<string> =>
  page.locator('.govuk-summary-list__row', { hasText: prompt }).locator('.govuk-summary-list__value').innerText()

/** The two capabilities ticked, and only they; the delivery chosen. */
async function expectTickedAsSaved(page: Page): Promise<void> {
  expect(pathOf(page)).toBe(themePath(THEME))
  expect(await tickedOnPage(page, CAPABILITIES)).toEqual(TICKED)
  for (const option of checklist.options)
    expect(await page.getByRole('checkbox', { name: option.label }).isChecked()).toBe(TICKED.includes(option.value))
  expect(await page.getByRole('checkbox', { name: NONE_YET }).isChecked()).toBe(false)
  expect(await checkedValue(page, choiceName(DELIVERY))).toBe('value:in-house')
}

/** From the task list to the check page, ticks the declaration and submits. */
async function checkAndSubmit(page: Page): Promise<number | undefined> {
  await visit(page, `/assessments/${assessmentId}`)
  await Promise.all([
    page.waitForEvent('load'),
    page.getByRole('link', { name: 'Check your answers and submit' }).click(),
  ])
  expect(pathOf(page)).toBe(`/assessments/${assessmentId}/check`)
  await page.getByRole('checkbox', { name: /I confirm these answers are accurate/ }).check()
  const [response] = await Promise.all([
    page.waitForResponse(
      r => r.request().method() === 'POST' && new URL(r.url()).pathname === `/assessments/${assessmentId}/submit`,
    ),
    press(page, 'Submit assessment'),
  ])
  return response.status()
}

beforeAll(async () => {
  e2e = await startE2eApp()
  const t = e2e.testApp
  definition = (await t.services.questionnaires.get('london-digital-maturity', 3)).definition
  const found = questionOf(CAPABILITIES)
  if (found?.type !== 'checklist') throw new Error(`${CAPABILITIES} is not a checklist in version 3`)
  checklist = found
  const roundId = await createRound(t, { name: ROUND, version: 3, organisations: ['hackney'] })
  assessmentId = await assessmentOf(t, roundId, 'hackney')
  email = (await t.createUser('respondent', { organisation: 'hackney' })).email
  const page = await respondentPage()
  await answerTheRestThroughApi(page)
  await page.context().close()
}, START_TIMEOUT)

afterAll(async () => {
  await e2e?.close()
})

describe('a capability checklist of questionnaire version 3, in a real browser', () => {
  test(
    'the housing page shows each capability as a checkbox, then an exclusive “None of these yet”; axe-clean at 1280 and 320 wide',
    async () => {
      const page = await respondentPage()
      const seen = watch(page)
      await visit(page, themePath(THEME))
      await page.getByRole('heading', { level: 1, name: THEME_TITLE }).waitFor()

      const group = page.getByRole('group', { name: checklist.prompt })
      const boxes = group.getByRole('checkbox')
      const labels = await boxes.evaluateAll(inputs => inputs.map(i => (i as HTMLInputElement).labels?.[0]?.innerText))
      expect(labels).toEqual([...checklist.options.map(o => o.label), NONE_YET])
      expect(await group.locator('.govuk-checkboxes__divider').innerText()).toBe('or')
      expect(await group.getByRole('checkbox', { name: NONE_YET }).getAttribute('data-behaviour')).toBe('exclusive')
      expect(await group.getByRole('checkbox', { name: NONE_YET }).getAttribute('value')).toBe('none')
      expect(await tickedOnPage(page, CAPABILITIES)).toEqual([])
      // The first box carries the question's own id, where error and change links point.
      expect(await page.locator(`#${fieldId(CAPABILITIES)}`).getAttribute('value')).toBe(checklist.options[0]!.value)

      await page.setViewportSize({ width: 1280, height: 900 })
      await screenshot(page, 'checklist-housing-1280')
      await expectAxeClean(page)
      await page.setViewportSize({ width: 320, height: 640 })
      await screenshot(page, 'checklist-housing-320')
      await screenshotOf(page.locator('.app-question', { has: group }), 'checklist-housing-question-320')
      await expectAxeClean(page)
      await page.setViewportSize({ width: 1280, height: 900 })
      expect(seen.errors).toEqual([])
    },
    TEST_TIMEOUT,
  )

  test(
    'two capabilities ticked and saved are still ticked after a reload, and stored as the list ticked',
    async () => {
      const page = await respondentPage()
      const seen = watch(page)
      await visit(page, themePath(THEME))
      await page.getByRole('radio', { name: deliveryLabel('in-house') }).check()
      for (const value of TICKED) await page.getByRole('checkbox', { name: labelOf(value) }).check()
      // Autosave keeps them: a reload shows them ticked.
      await status(page, SAVED).waitFor()
      await storedWhen(DELIVERY, a => a?.value === 'in-house')
      await storedWhen(CAPABILITIES, a => sameSet(a?.value, TICKED))
      await page.reload()
      await expectTickedAsSaved(page)

      // So does the form: "Save and come back later", then back to the page.
      await press(page, 'Save and come back later')
      expect(pathOf(page)).toBe(`/assessments/${assessmentId}`)
      expect(await page.locator('main').innerText()).toContain('Your answers have been saved')
      await visit(page, themePath(THEME))
      await expectTickedAsSaved(page)
      expect(sameSet((await stored(CAPABILITIES))?.value, TICKED)).toBe(true)
      expect((await stored(DELIVERY))?.value).toBe('in-house')
      expect(seen.errors).toEqual([])
      expect(seen.dialogs).toEqual([])
    },
    TEST_TIMEOUT,
  )

  test(
    '“None of these yet” unticks the capabilities, and ticking a capability unticks it again',
    async () => {
      const page = await respondentPage()
      const seen = watch(page)
      await visit(page, themePath(THEME))
      expect(await tickedOnPage(page, CAPABILITIES)).toEqual(TICKED)

      await page.getByRole('checkbox', { name: NONE_YET }).check()
      expect(await tickedOnPage(page, CAPABILITIES)).toEqual(['none'])
      await screenshotOf(
        page.locator('.app-question', { has: page.getByRole('checkbox', { name: NONE_YET }) }),
        'checklist-none-yet',
      )
      await storedWhen(CAPABILITIES, a => sameSet(a?.value, ['none']))

      await page.getByRole('checkbox', { name: labelOf(TICKED[0]!) }).check()
      expect(await page.getByRole('checkbox', { name: NONE_YET }).isChecked()).toBe(false)
      expect(await tickedOnPage(page, CAPABILITIES)).toEqual([TICKED[0]])
      await storedWhen(CAPABILITIES, a => sameSet(a?.value, [TICKED[0]!]))
      await page.getByRole('checkbox', { name: labelOf(TICKED[1]!) }).check()
      expect(await tickedOnPage(page, CAPABILITIES)).toEqual(TICKED)
      await storedWhen(CAPABILITIES, a => sameSet(a?.value, TICKED))
      await status(page, SAVED).waitFor()
      expect(seen.errors).toEqual([])
      expect(seen.dialogs).toEqual([])
    },
    TEST_TIMEOUT,
  )

  test(
    'level 4 without evidence is refused at submit with a link to the question; with evidence, the assessment is submitted',
    async () => {
      const page = await respondentPage()
      const seen = watch(page)
      const id = fieldId(END_TO_END)
      await visit(page, themePath(THEME))
      await page
        .getByRole('group', { name: promptOf(END_TO_END) })
        .getByRole('radio', { name: '4. Embedded' })
        .check()
      expect(await checkedValue(page, choiceName(END_TO_END))).toBe('level:4')
      await storedWhen(END_TO_END, a => a?.level === 4)
      expect((await stored(END_TO_END))?.evidence ?? null).toBeNull()

      const refused = await checkAndSubmit(page)
      expect(refused).toBe(422)
      const summary = await focusedErrorSummary(page)
      expect(summary).toContain('1 question needs evidence.')
      const link = page.locator('.govuk-error-summary__list a')
      expect(await link.count()).toBe(1)
      expect(await link.innerText()).toBe(
        `${THEME_TITLE}: Enter evidence for how far housing allocations and lettings works digitally from end to end: level 4 and above need it`,
      )
      expect(await link.getAttribute('href')).toBe(`${themePath(THEME)}#${id}`)
      const ticked = await answerShown(page, checklist.prompt)
      expect(ticked).toMatch(new RegExp(`^${TICKED.length} of ${checklist.options.length}: `))
      for (const value of TICKED) expect(ticked).toContain(labelOf(value))
      expect(await answerShown(page, promptOf(END_TO_END))).toBe('4. Embedded')
      await screenshot(page, 'checklist-submit-evidence-missing')
      await expectAxeClean(page)
      expect((await app().testApp.repos.assessments.findById(assessmentId))?.state).toBe('in_progress')

      // The API says which question and which levels, in the words every refusal uses.
      const api = await page.request.post(`/api/v1/assessments/${assessmentId}/submit`, {
        headers: { 'X-CSRF-Token': await csrfOf(page) },
      })
      expect(api.status()).toBe(422)
      expect(((await api.json()) as { errors: unknown[] }).errors).toEqual([
        {
          pointer: `/answers/${END_TO_END}`,
          questionKey: END_TO_END,
          message:
            'Enter evidence for how far housing allocations and lettings works digitally from end to end: level 4 and above need it',
        },
      ])

      await followToQuestion(page, id)
      await page.locator(`#${id}-evidence`).fill(EVIDENCE)
      await press(page, 'Save and come back later')
      expect((await stored(END_TO_END))?.evidence).toBe(EVIDENCE)

      expect(await checkAndSubmit(page)).toBe(302)
      expect(pathOf(page)).toBe(`/assessments/${assessmentId}/submitted`)
      await page.getByRole('heading', { level: 1, name: 'Assessment submitted' }).waitFor()
      expect((await app().testApp.repos.assessments.findById(assessmentId))?.state).toBe('submitted')
      expect(sameSet((await stored(CAPABILITIES))?.value, TICKED)).toBe(true)
      expect(seen.errors).toEqual([])
      expect(seen.dialogs).toEqual([])
    },
    TEST_TIMEOUT,
  )
})

/** Follows the error summary's link to the question: its theme page, scrolled to its field, level 4 still chosen. */
async function followToQuestion(page: Page, id: string): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.locator('.govuk-error-summary__list a').click()])
  expect(pathOf(page)).toBe(themePath(THEME))
  expect(new URL(page.url()).hash).toBe(`#${id}`)
  const target = page.locator(`#${id}`)
  expect(await target.getAttribute('name')).toBe(choiceName(END_TO_END))
  expect(await target.isVisible()).toBe(true)
  expect(
    await target.evaluate(el => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().top < innerHeight),
  ).toBe(true)
  expect(await checkedValue(page, choiceName(END_TO_END))).toBe('level:4')
  expect(await page.locator('.app-question', { has: target }).innerText()).toContain(
    'needed before you submit if you choose level 4 or above',
  )
}
