import type { Page } from 'playwright-core'
import { EMPTY_ANSWER } from '../../../src/domain/assessment/answer'
import { allQuestions } from '../../../src/domain/questionnaire/definition'
import { answerBody } from '../../support/answers'
import { assessmentOf, createRound } from '../../support/rounds'
import { expectAxeClean } from '../support/axe'
import { startE2eApp, type E2eApp } from '../support/browser'
import { screenshot } from '../support/screenshot'
import { signIn } from '../support/sign-in'

// One click on a radio autosaves an answer; last round's answers must still be on offer afterwards, and
// taking them must leave that answer as it was.
const START_TIMEOUT = 120_000
const TEST_TIMEOUT = 300_000
const SAVED = 'Saved at 10am'
const OFFER = 'Start from 2025 assessment’s answers'
const THEME = 'leadership.strategy'
const GIVEN = 'leadership.strategy.digital-strategy'

let e2e: E2eApp | undefined
let currentId = 0
let email = ''
const app = (): E2eApp => {
  if (!e2e) throw new Error('the app did not start')
  return e2e
}
const storedAnswers = async () =>
  new Map((await app().testApp.repos.assessments.answers(currentId)).map(a => [a.questionKey, a]))

/** Waits until autosave has stored the answer: it runs in the background. */
async function storedLevel(key: string, level: number) {
  const until = Date.now() + 30_000
  for (;;) {
    const answer = (await storedAnswers()).get(key)
    if (answer?.level === level) return answer
    if (Date.now() > until) throw new Error(`answer ${key} is ${JSON.stringify(answer)}`)
    await new Promise(resolve => setTimeout(resolve, 200))
  }
}

beforeAll(async () => {
  e2e = await startE2eApp()
  const t = e2e.testApp
  // Last year's round, every question answered at level 2 (or its first option) and submitted.
  const previousRound = await createRound(t, {
    name: '2025 assessment',
    version: 1,
    opensOn: '2025-11-01',
    closesOn: '2026-12-31',
    organisations: ['newham'],
  })
  const previousId = await assessmentOf(t, previousRound, 'newham')
  const old = (await t.services.questionnaires.get('london-digital-maturity', 1)).definition
  await t.repos.assessments.insertAnswers(
    allQuestions(old).map(({ question }) => ({
      assessmentId: previousId,
      questionKey: question.key,
      content: { ...EMPTY_ANSWER, ...answerBody(question, 2, 'Evidence from 2025') },
      revision: 1,
      at: t.clock(),
      by: null,
    })),
  )
  await t.repos.assessments.setState(previousId, 'submitted', { submittedAt: t.clock() })
  currentId = await assessmentOf(
    t,
    await createRound(t, { name: '2026 assessment', organisations: ['newham'] }),
    'newham',
  )
  email = (await t.createUser('respondent', { organisation: 'newham' })).email
}, START_TIMEOUT)

afterAll(async () => {
  await e2e?.close()
})

async function taskList(page: Page) {
  await page.goto(`/assessments/${currentId}`)
  return page.locator('main')
}

test(
  'an answer autosaved from one click keeps the offer, and taking it keeps that answer and carries the rest',
  async () => {
    const page = await app().newPage()
    page.setDefaultTimeout(60_000)
    await signIn(page, email)
    expect(await (await taskList(page)).innerText()).toContain(OFFER)

    await page.goto(`/assessments/${currentId}/themes/${THEME}`)
    await page.locator(`input[name="answers[${GIVEN}][choice]"][value="level:5"]`).check()
    await page.locator('[data-autosave-status]', { hasText: SAVED }).waitFor()
    const given = await storedLevel(GIVEN, 5)
    expect(given.carriedFrom).toBeNull()

    const main = await taskList(page)
    expect(await main.innerText()).toContain(OFFER)
    expect(await main.innerText()).toContain('Answers your council has already given in this assessment are kept')
    await expectAxeClean(page)
    await screenshot(page, 'carry-over-offer-after-answering')

    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: OFFER }).click()])
    expect(new URL(page.url()).pathname).toBe(`/assessments/${currentId}`)
    const banner = page.locator('.govuk-notification-banner--success')
    const text = await banner.innerText()
    expect(text).toMatch(/\d+ answers carried over from 2025 assessment/)
    expect(text).toContain('1 question you had already answered was kept as it is:')
    const definition = (await app().testApp.services.questionnaires.get('london-digital-maturity', 2)).definition
    const prompt = allQuestions(definition).find(l => l.question.key === GIVEN)!.question.prompt
    expect(await banner.getByRole('listitem').allInnerTexts()).toEqual([prompt])
    expect(await page.locator('main').innerText()).not.toContain(OFFER)
    await expectAxeClean(page)
    await screenshot(page, 'carry-over-taken-with-kept')

    const answers = await storedAnswers()
    expect(answers.get(GIVEN)).toEqual(given)
    const carried = [...answers.values()].filter(a => a.questionKey !== GIVEN)
    expect(carried.length).toBeGreaterThan(10)
    for (const answer of carried) expect(answer.carriedFrom).toBe('2025 assessment')

    // The theme page still shows the level chosen; another shows its carried answer to confirm.
    await page.goto(`/assessments/${currentId}/themes/${THEME}`)
    expect(await page.locator(`input[name="answers[${GIVEN}][choice]"]:checked`).getAttribute('value')).toBe('level:5')
    expect(await page.locator('main').innerText()).not.toContain('confirm or change')
    await page.goto(`/assessments/${currentId}/themes/data.governance`)
    expect(await page.locator('main').innerText()).toContain('From 2025 assessment: confirm or change')
  },
  TEST_TIMEOUT,
)
