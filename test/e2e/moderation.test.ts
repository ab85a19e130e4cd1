import type { Page } from 'playwright-core'
import { allQuestions } from '../../src/domain/questionnaire/definition'
import { moderationFieldId } from '../../src/routes/moderation.routes'
import { assessmentOf, createRound } from '../support/rounds'
import { signIn as signInAgent } from '../support/test-app'
import { expectAxeClean } from './support/axe'
import { startE2eApp, type E2eApp } from './support/browser'
import { screenshot } from './support/screenshot'
import { signIn } from './support/sign-in'

const START_TIMEOUT = 120_000
const TEST_TIMEOUT = 300_000

let e2e: E2eApp
let assessmentId: number
let firstKey: string
let assessorEmail: string

/** Presses Tab until focus is on the element with this id, or on a link or button with this text. */
async function tabTo(page: Page, target: { id: string } | { text: string }, max = 400): Promise<void> {
  for (let presses = 0; presses <= max; presses++) {
    const there = await page.evaluate(t => {
      const element = document.activeElement
      if (!element || element === document.body) return false
      if ('id' in t) return element.id === t.id
      return ['A', 'BUTTON'].includes(element.tagName) && element.textContent.replace(/\s+/g, ' ').includes(t.text)
    }, target)
    if (there) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab did not reach ${JSON.stringify(target)} on ${page.url()}`)
}

const pressForNewPage = (page: Page) => Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')])

/** A borough answers everything at level 3 through the API and submits. */
async function boroughSubmits(): Promise<void> {
  const t = e2e.testApp
  const definition = (await t.services.questionnaires.get('london-digital-maturity', 2)).definition
  const who = await signInAgent(t.app, (await t.createUser('respondent', { organisation: 'camden' })).email)
  for (const { question: q } of allQuestions(definition)) {
    if (!q.required) continue
    const value =
      q.type === 'maturity'
        ? { level: 3 }
        : q.type === 'choice'
          ? { value: q.options[0]!.value }
          : q.type === 'multi'
            ? { value: [q.options[0]!.value] }
            : { value: q.type === 'number' ? 5 : 'Text' }
    const evidence = q.evidence === 'none' ? {} : { evidence: 'Digital strategy 2025, published on the intranet' }
    await who.agent
      .put(`/api/v1/assessments/${assessmentId}/answers/${q.key}`)
      .set('X-CSRF-Token', who.csrf)
      .send({ ...value, ...evidence, revision: 0 })
      .expect(200)
  }
  await who.agent.post(`/api/v1/assessments/${assessmentId}/submit`).set('X-CSRF-Token', who.csrf).expect(200)
}

beforeAll(async () => {
  e2e = await startE2eApp()
  const t = e2e.testApp
  assessmentId = await assessmentOf(t, await createRound(t, { name: 'London 2026 to 2027' }), 'camden')
  firstKey = allQuestions((await t.services.questionnaires.get('london-digital-maturity', 2)).definition).find(
    l => l.question.type === 'maturity',
  )!.question.key
  assessorEmail = (await t.createUser('assessor')).email
  await boroughSubmits()
}, START_TIMEOUT)

afterAll(async () => {
  await e2e.close()
})

it(
  'an assessor moderates an assessment from the keyboard',
  async () => {
    const page = await e2e.newPage()
    await signIn(page, assessorEmail)

    await page.goto('/moderation')
    await expectAxeClean(page)
    await screenshot(page, 'moderation-queue')
    await tabTo(page, { text: 'Moderate Camden' })
    await pressForNewPage(page)
    expect(new URL(page.url()).pathname).toBe(`/moderation/${assessmentId}`)
    await expectAxeClean(page)

    await tabTo(page, { text: 'Start moderation' })
    await pressForNewPage(page)
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Moderation started')
    await expectAxeClean(page)
    await screenshot(page, 'moderation-page')

    // Choose level 2 for the first question (self-assessed 3) and save without a rationale.
    const id = moderationFieldId(firstKey)
    await page.focus(`#${id}`)
    await page.keyboard.press('Space')
    await page.keyboard.press('ArrowDown')
    expect(await page.isChecked(`#${id}-1`)).toBe(true)
    await tabTo(page, { text: 'Save' })
    await pressForNewPage(page)
    const summary = page.locator('.govuk-error-summary')
    await page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary') === true)
    expect(await summary.innerText()).toContain('Give a rationale')
    await expectAxeClean(page)
    await screenshot(page, 'moderation-error')

    // The summary's link takes focus to the rationale; the chosen level is still there.
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await page.waitForFunction(r => document.activeElement?.id === r, `${id}-rationale`)
    expect(await page.isChecked(`#${id}-1`)).toBe(true)
    await page.keyboard.type('The strategy is published but has no named owner.')
    await page.keyboard.press('Tab')
    await pressForNewPage(page)
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Moderation saved')
    expect(await page.locator(`#question-${id}`).innerText()).toContain('Rationale: The strategy is published')

    await tabTo(page, { id: 'comment' })
    await page.keyboard.type('Well evidenced overall.')
    await tabTo(page, { text: 'Complete moderation' })
    await pressForNewPage(page)
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Moderation completed')
    expect(await page.locator('main').innerText()).toContain('Well evidenced overall.')
    await expectAxeClean(page)
    await screenshot(page, 'moderation-complete')
    expect((await e2e.testApp.repos.assessments.findById(assessmentId))?.state).toBe('moderated')
  },
  TEST_TIMEOUT,
)
