import type { Locator, Page } from 'playwright-core'
import { allQuestions, type QuestionnaireDefinition } from '../../../src/domain/questionnaire/definition'
import { moderationFieldId } from '../../../src/routes/moderation/moderation.routes'
import { moderationSections } from '../../../src/domain/assessment/moderation'
import { assessmentOf, createRound } from '../../support/rounds'
import { signIn as signInAgent } from '../../support/test-app'
import { expectAxeClean } from '../support/axe'
import { startE2eApp, type E2eApp } from '../support/browser'
import { screenshot, screenshotOf } from '../support/screenshot'
import { signIn } from '../support/sign-in'

const START_TIMEOUT = 120_000
const TEST_TIMEOUT = 300_000

let e2e: E2eApp
let assessmentId: number
let islingtonId: number
let islingtonEmail: string
let definition: QuestionnaireDefinition
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

/** A borough answers everything at level 3 through the API and submits; returns its respondent's email. */
async function boroughSubmits(slug: string, id: number): Promise<string> {
  const t = e2e.testApp
  const definition = (await t.services.questionnaires.get('london-digital-maturity', 2)).definition
  const email = (await t.createUser('respondent', { organisation: slug })).email
  const who = await signInAgent(t.app, email)
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
      .put(`/api/v1/assessments/${id}/answers/${q.key}`)
      .set('X-CSRF-Token', who.csrf)
      .send({ ...value, ...evidence, revision: 0 })
      .expect(200)
  }
  await who.agent.post(`/api/v1/assessments/${id}/submit`).set('X-CSRF-Token', who.csrf).expect(200)
  return email
}

beforeAll(async () => {
  e2e = await startE2eApp()
  const t = e2e.testApp
  const roundId = await createRound(t, { name: 'London 2026 to 2027' })
  assessmentId = await assessmentOf(t, roundId, 'camden')
  islingtonId = await assessmentOf(t, roundId, 'islington')
  definition = (await t.services.questionnaires.get('london-digital-maturity', 2)).definition
  firstKey = allQuestions(definition).find(l => l.question.type === 'maturity')!.question.key
  assessorEmail = (await t.createUser('assessor')).email
  await boroughSubmits('camden', assessmentId)
  islingtonEmail = await boroughSubmits('islington', islingtonId)
}, START_TIMEOUT)

afterAll(async () => {
  await e2e.close()
})

it(
  'an assessor moderates a section from the keyboard, and cannot complete while questions are unmoderated',
  async () => {
    const page = await e2e.newPage()
    await signIn(page, assessorEmail)
    const sections = moderationSections(definition, new Map(), new Set())

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

    // The first section, from the task list.
    await tabTo(page, { text: sections[0]!.title })
    await pressForNewPage(page)
    expect(new URL(page.url()).pathname).toBe(`/moderation/${assessmentId}/sections/${sections[0]!.key}`)
    await expectAxeClean(page)

    // Choose level 2 for the first question (self-assessed 3) and save without a rationale.
    const id = moderationFieldId(firstKey)
    await page.focus(`#${id}`)
    await page.keyboard.press('Space')
    await page.keyboard.press('ArrowDown')
    expect(await page.isChecked(`#${id}-1`)).toBe(true)
    await tabTo(page, { text: 'Save and continue' })
    await pressForNewPage(page)
    const summary = page.locator('.govuk-error-summary')
    await page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary') === true)
    expect(await summary.innerText()).toContain('Enter a rationale for a level different from the borough’s')
    await expectAxeClean(page)
    await screenshot(page, 'moderation-error')

    // The summary's link takes focus to the rationale; the chosen level is still there.
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await page.waitForFunction(r => document.activeElement?.id === r, `${id}-rationale`)
    expect(await page.isChecked(`#${id}-1`)).toBe(true)
    await page.keyboard.type('The strategy is published but has no named owner.')
    await tabTo(page, { text: 'Save and continue' })
    await pressForNewPage(page)
    // On to the next section.
    expect(new URL(page.url()).pathname).toBe(`/moderation/${assessmentId}/sections/${sections[1]!.key}`)
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain(
      `${sections[0]!.title}: 1 level saved`,
    )

    // "Complete moderation" on the overview is a link to a page that says what is left, and completes nothing.
    await tabTo(page, { text: 'Back to all themes' })
    await pressForNewPage(page)
    await tabTo(page, { text: 'Complete moderation' })
    await pressForNewPage(page)
    expect(new URL(page.url()).pathname).toBe(`/moderation/${assessmentId}/complete`)
    const main = await page.locator('main').innerText()
    expect(main).toContain('You cannot complete moderation yet')
    const left = sections[1]!.toModerate[0]!
    expect(main).toContain(`Moderate “${left.prompt}” in ${sections[1]!.title}`)
    expect(main).not.toContain(`Moderate “${sections[0]!.toModerate[0]!.prompt}”`)
    expect(await page.getByRole('button', { name: 'Complete moderation' }).count()).toBe(0)
    await expectAxeClean(page)
    await screenshot(page, 'moderation-complete-refused')
    await tabTo(page, { text: left.prompt })
    await pressForNewPage(page)
    expect(new URL(page.url()).pathname).toBe(`/moderation/${assessmentId}/sections/${sections[1]!.key}`)
    expect((await e2e.testApp.repos.assessments.findById(assessmentId))?.state).toBe('in_moderation')
  },
  TEST_TIMEOUT,
)

it(
  'an assessor moderates a section at a time, returns the assessment, and completes it once the borough resubmits',
  async () => {
    const maturity = allQuestions(definition).filter(l => l.question.type === 'maturity')
    const sections = moderationSections(definition, new Map(), new Set())
    // Agree with the first question; change the second, which is alone on its section's page.
    const agreed = maturity[0]!.question
    const { question: changed, theme: changedTheme } = maturity[1]!
    // Every distinct page and state the journey passes through is checked; the name says which.
    const axe = async (page: Page, _where: string) => expectAxeClean(page)
    const nav = (page: Page, name: string) =>
      page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name, exact: true })
    const banner = (page: Page) => page.locator('.govuk-notification-banner')
    const stateTag = (page: Page) => page.locator('.govuk-summary-list__value .govuk-tag').first()
    const summaryRow = (page: Page, key: string) =>
      page
        .locator('.govuk-summary-list__row', { has: page.locator('dt', { hasText: key }) })
        .first()
        .locator('dd')
        .innerText()
    const block = (page: Page, key: string) => page.locator(`#question-${moderationFieldId(key)}`)
    const click = async (page: Page, target: Locator) => {
      await Promise.all([page.waitForEvent('load'), target.click()])
    }
    const path = (page: Page) => new URL(page.url()).pathname
    const sectionPath = (key: string) => `/moderation/${islingtonId}/sections/${key}`

    // The assessor finds the submitted assessment in the queue and starts moderating it.
    const assessor = await e2e.newPage()
    await assessor.goto('/login')
    await axe(assessor, 'sign in')
    await signIn(assessor, assessorEmail)
    await axe(assessor, 'assessor home')
    await click(assessor, nav(assessor, 'Moderation'))
    const islingtonRow = assessor.getByRole('row', { name: /Islington/ })
    expect(await islingtonRow.innerText()).toContain('Submitted')
    await axe(assessor, 'moderation queue')
    await click(assessor, assessor.getByRole('link', { name: 'Moderate Islington' }))
    expect(await stateTag(assessor).innerText()).toBe('Submitted')
    await axe(assessor, 'moderation, submitted')
    await click(assessor, assessor.getByRole('button', { name: 'Start moderation' }))
    expect(await banner(assessor).innerText()).toContain('Moderation started')
    expect(await stateTag(assessor).innerText()).toBe('In moderation')
    expect(await summaryRow(assessor, 'Questions moderated')).toBe(`0 of ${maturity.length} scored questions moderated`)
    await axe(assessor, 'moderation overview, in moderation')

    // The first section: agree with the borough on all of it in one action, and go on to the next.
    await click(assessor, assessor.getByRole('link', { name: sections[0]!.title }))
    expect(await block(assessor, agreed.key).innerText()).toContain('Digital strategy 2025, published on the intranet')
    await axe(assessor, 'moderation section')
    await screenshot(assessor, 'full-moderation-section')
    await click(assessor, assessor.getByRole('button', { name: 'Agree with the borough on the rest of this theme' }))
    expect(path(assessor)).toBe(sectionPath(changedTheme.key))
    expect(await banner(assessor).innerText()).toContain(`${sections[0]!.title}: agreed with the borough on 1 question`)

    // Changing a level without a rationale is refused, with the error next to the rationale.
    await block(assessor, changed.key)
      .getByRole('radio', { name: /^2\. Emerging/ })
      .check()
    await click(assessor, assessor.getByRole('button', { name: 'Save and continue' }))
    const summary = assessor.locator('.govuk-error-summary')
    expect(await summary.innerText()).toContain(
      `Enter a rationale for a level different from the borough’s: “${changed.prompt}”`,
    )
    const rationaleId = `${moderationFieldId(changed.key)}-rationale`
    expect(await assessor.locator(`#${rationaleId}-error`).innerText()).toContain('Enter a rationale')
    expect(
      await block(assessor, changed.key)
        .getByRole('radio', { name: /^2\. Emerging/ })
        .isChecked(),
    ).toBe(true)
    await axe(assessor, 'moderation section, rationale missing')
    await screenshotOf(block(assessor, changed.key), 'full-moderation-rationale-error')
    await summary.getByRole('link').first().click()
    await assessor.waitForFunction(id => document.activeElement?.id === id, rationaleId)
    await assessor.keyboard.type(
      'The evidence is a strategy, not a record of investment decisions or benefits checked.',
    )
    await click(assessor, assessor.getByRole('button', { name: 'Save and continue' }))
    expect(path(assessor)).toBe(sectionPath(sections[2]!.key))
    expect(await banner(assessor).innerText()).toContain(`${changedTheme.title}: 1 level saved`)
    await click(assessor, assessor.getByRole('link', { name: 'Back to all themes' }).first())
    expect(await summaryRow(assessor, 'Questions moderated')).toBe(
      `2 of ${maturity.length} scored questions moderated, 1 at a different level from the self-assessment`,
    )
    const task = (title: string) => assessor.locator('.govuk-task-list__item', { hasText: title })
    expect(await task(changedTheme.title).innerText()).toMatch(/1 of 1 moderated\s+Completed/)
    expect(await task(sections[2]!.title).innerText()).toMatch(/0 of \d+ moderated\s+Not started/)
    await axe(assessor, 'moderation overview, two sections done')

    // Returning needs a comment, on its own page; with one, the assessment goes back to the borough.
    await click(assessor, assessor.getByRole('button', { name: 'Return to the borough' }))
    await click(assessor, assessor.getByRole('button', { name: 'Return to the borough' }))
    expect(await summary.innerText()).toContain('Enter a comment saying what the borough needs to change')
    await axe(assessor, 'return, comment missing')
    const comment =
      'Please send the investment board’s minutes as evidence for governance, or choose a level that fits.'
    await assessor.getByLabel('Return the assessment to Islington').fill(comment)
    await click(assessor, assessor.getByRole('button', { name: 'Return to the borough' }))
    expect(await banner(assessor).innerText()).toContain('Assessment returned to the borough')
    expect(await stateTag(assessor).innerText()).toBe('Returned for changes')
    expect(await assessor.locator('main').innerText()).toContain(comment)
    await axe(assessor, 'moderation, returned')
    await screenshot(assessor, 'full-moderation-returned-assessor')

    // The borough sees the comment the next day, changes the answer the assessor questioned, and resubmits.
    e2e.testApp.clock.advance(24 * 3600 * 1000)
    const respondent = await e2e.newPage()
    await signIn(respondent, islingtonEmail)
    await axe(respondent, 'respondent home')
    expect(await respondent.locator('main').innerText()).toContain(comment)
    await click(respondent, respondent.getByRole('button', { name: 'Go to the assessment' }))
    const returned = respondent.getByRole('region', { name: 'Returned for changes' })
    expect(await returned.innerText()).toContain(comment)
    expect(await stateTag(respondent).innerText()).toBe('Returned for changes')
    await axe(respondent, 'task list, returned')
    await screenshot(respondent, 'full-moderation-returned-respondent')
    await screenshotOf(respondent.locator('main'), 'full-moderation-returned-respondent-main')
    await click(respondent, respondent.getByRole('link', { name: changedTheme.title }))
    await respondent.getByRole('radio', { name: '2. Emerging' }).check()
    await respondent.getByLabel(/Evidence/).fill('Investment board minutes, March 2026')
    await respondent.locator('[data-autosave-status]', { hasText: 'Saved at' }).waitFor()
    await axe(respondent, 'theme, returned')
    await click(respondent, respondent.getByRole('button', { name: 'Save and come back later' }))
    await click(respondent, respondent.getByRole('link', { name: 'Check your answers and submit' }))
    expect(await respondent.locator('main').innerText()).toContain('Investment board minutes, March 2026')
    await axe(respondent, 'check answers, returned')
    await respondent.getByLabel(/I confirm these answers are accurate/).check()
    await click(respondent, respondent.getByRole('button', { name: 'Submit assessment' }))
    await respondent.getByRole('heading', { level: 1, name: 'Assessment submitted' }).waitFor()
    await axe(respondent, 'submitted')

    // The assessor, signed in again a day on, sees it back in the queue and reopens it.
    await signIn(assessor, assessorEmail)
    await click(assessor, nav(assessor, 'Moderation'))
    expect(await islingtonRow.innerText()).toContain('Submitted')
    await click(assessor, assessor.getByRole('link', { name: 'Moderate Islington' }))
    await click(assessor, assessor.getByRole('button', { name: 'Start moderation' }))
    // The borough now claims the level the assessor set; the overview points at what it changed since.
    expect(await summaryRow(assessor, 'Changed by the borough since moderated')).toBe(changed.prompt)
    expect(await summaryRow(assessor, 'Questions moderated')).toBe(
      `2 of ${maturity.length} scored questions moderated, 0 at a different level from the self-assessment`,
    )
    await axe(assessor, 'moderation, reopened')
    await screenshot(assessor, 'full-moderation-reopened')
    await click(assessor, assessor.getByRole('link', { name: changed.prompt }))
    expect(path(assessor)).toBe(sectionPath(changedTheme.key))
    expect(await block(assessor, changed.key).innerText()).toMatch(/Self-assessed\s+2\. Emerging/)
    expect(await block(assessor, changed.key).innerText()).toMatch(/Moderated\s+2\. Emerging \(agrees\)/)
    expect(await block(assessor, changed.key).innerText()).toContain(
      'The borough changed this answer after it was moderated',
    )
    await screenshotOf(block(assessor, changed.key), 'full-moderation-question-changed-since')

    // The rest, a section at a time, agreeing with the borough: each goes on to the next left, then the overview.
    await click(assessor, assessor.getByRole('link', { name: 'Back to all themes' }).first())
    await click(assessor, assessor.getByRole('link', { name: sections[2]!.title }))
    let pages = 0
    while (path(assessor).includes('/sections/')) {
      await click(assessor, assessor.getByRole('button', { name: 'Agree with the borough on the rest of this theme' }))
      pages++
    }
    expect(pages).toBe(sections.length - 2)
    expect(path(assessor)).toBe(`/moderation/${islingtonId}`)
    expect(await summaryRow(assessor, 'Questions moderated')).toBe(
      `${maturity.length} of ${maturity.length} scored questions moderated, 0 at a different level from the self-assessment`,
    )

    // Completing goes through the check page; Cancel changes nothing.
    await click(assessor, assessor.getByRole('button', { name: 'Complete moderation' }))
    expect(path(assessor)).toBe(`/moderation/${islingtonId}/complete`)
    const check = await assessor.locator('main').innerText()
    expect(check).toContain('Are you sure you want to complete moderation of Islington?')
    expect(check).toContain('The final scores will use the moderated levels.')
    expect(check).toContain('You cannot undo this')
    await axe(assessor, 'complete, check page')
    await screenshot(assessor, 'full-moderation-check')
    await click(assessor, assessor.getByRole('link', { name: 'Cancel' }))
    expect(await stateTag(assessor).innerText()).toBe('In moderation')
    await click(assessor, assessor.getByRole('button', { name: 'Complete moderation' }))
    await assessor.getByLabel('Moderation comment (optional)').fill('Well evidenced overall.')
    await click(assessor, assessor.getByRole('button', { name: 'Complete moderation' }))
    expect(await banner(assessor).innerText()).toContain('Moderation completed')
    expect(await stateTag(assessor).innerText()).toBe('Moderated')
    expect(await assessor.locator('main').innerText()).toContain('Well evidenced overall.')
    await axe(assessor, 'moderation, moderated')
    await screenshot(assessor, 'full-moderation-complete')
    await click(assessor, nav(assessor, 'Moderation'))
    expect(await islingtonRow.innerText()).toContain('Moderated')

    // And the borough sees it moderated.
    await respondent.getByRole('link', { name: 'Back to your assessment' }).click()
    await respondent.waitForLoadState('load')
    expect(await stateTag(respondent).innerText()).toBe('Moderated')
    expect(await respondent.locator('main').innerText()).not.toContain(comment)
    await axe(respondent, 'task list, moderated')
  },
  TEST_TIMEOUT,
)
