import type { Locator, Page } from 'playwright-core'
import { expectAxeClean } from '../support/axe'
import { startE2eApp, type E2eApp } from '../support/browser'
import { screenshot } from '../support/screenshot'
import { signIn } from '../support/sign-in'

/** Building the app's database and launching Chromium can be slow on a busy machine. */
const START_TIMEOUT = 120_000
// The test clock stands at 27 November 2026, so this round is open.
const ROUND = 'London 2026 to 2027'

async function visit(page: Page, path: string, status = 200): Promise<void> {
  const response = await page.goto(path)
  expect(response?.status()).toBe(status)
}

/** Submits a form by its button and waits for the page the server sends back. */
async function submit(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: button }).click()])
}

/** Types a date into a GOV.UK date input, moving from day to month to year with Tab as a person would. */
async function typeDate(page: Page, legend: string, day: string, month: string, year: string): Promise<void> {
  const group = page.getByRole('group', { name: legend })
  await group.getByLabel('Day').click()
  for (const [i, part] of [day, month, year].entries()) {
    if (i > 0) await page.keyboard.press('Tab')
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type(part)
  }
  expect(await group.getByLabel('Year').inputValue()).toBe(year)
}

/** The GOV.UK error summary, once the page's script has moved focus to it. */
async function focusedErrorSummary(page: Page): Promise<Locator> {
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' })
  await summary.waitFor()
  await page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary') === true)
  return summary
}

/** The text of the summary-list value whose key is `key`. */
const summaryValue = (page: Page, key: string): Promise<string> =>
  page
    .locator('.govuk-summary-list__row', { has: page.locator('dt', { hasText: key }) })
    .locator('dd')
    .innerText()

describe('rounds, as an admin in a real browser', () => {
  let e2e: E2eApp | undefined
  let page: Page
  let roundPath = ''

  beforeAll(async () => {
    e2e = await startE2eApp()
    const { email } = await e2e.testApp.createUser('admin')
    page = await e2e.newPage()
    await signIn(page, email)
  }, START_TIMEOUT)

  afterAll(async () => {
    await e2e?.close()
  })

  test('the empty list offers to create a round', async () => {
    await visit(page, '/admin/rounds')
    await page.getByText('No rounds have been created yet.').waitFor()
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Create a round' }).click()])
    expect(new URL(page.url()).pathname).toBe('/admin/rounds/new')
    const organisations = page.getByRole('group', { name: 'Organisations taking part' }).getByRole('checkbox')
    expect(await organisations.count()).toBe(33)
    for (const box of await organisations.all()) expect(await box.isChecked()).toBe(true)
    await expectAxeClean(page)
  })

  test('a form with a date that does not exist and no questionnaire shows the error summary', async () => {
    await visit(page, '/admin/rounds/new')
    await page.getByLabel('Name', { exact: true }).fill(ROUND)
    await typeDate(page, 'Opening date', '30', '2', '2027')
    await typeDate(page, 'Closing date', '31', '3', '2027')
    const [response] = await Promise.all([
      page.waitForResponse(r => r.request().method() === 'POST'),
      submit(page, 'Create round'),
    ])
    expect(response.status()).toBe(400)
    const summary = await focusedErrorSummary(page)
    expect(await summary.getByRole('listitem').allInnerTexts()).toEqual([
      'Select a published questionnaire version',
      'Enter a real opening date, like 1 3 2026',
    ])
    expect(await page.title()).toMatch(/^Error: /)
    // The summary's link takes you to the day box of the date that is wrong.
    await summary.getByRole('link', { name: /opening date/ }).click()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('opensOn-day')
    // What was typed is kept.
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe(ROUND)
    expect(await page.getByRole('group', { name: 'Closing date' }).getByLabel('Day').inputValue()).toBe('31')
    await screenshot(page, 'round-form-errors')
    await expectAxeClean(page)
  })

  test('a round created from the keyboard gives every organisation an assessment', async () => {
    await visit(page, '/admin/rounds/new')
    await page.getByLabel('Name', { exact: true }).click()
    await page.keyboard.type(ROUND)
    const version2 = page.getByRole('radio', { name: /, version 2$/ })
    await version2.focus()
    await page.keyboard.press('Space')
    expect(await version2.isChecked()).toBe(true)
    await typeDate(page, 'Opening date', '20', '11', '2026')
    await typeDate(page, 'Closing date', '31', '1', '2027')
    // Enter in a text box submits the form.
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')])

    roundPath = new URL(page.url()).pathname
    expect(roundPath).toMatch(/^\/admin\/rounds\/\d+$/)
    const banner = page.getByRole('alert').filter({ hasText: `Round created: ${ROUND}` })
    await banner.waitFor()
    expect(await banner.innerText()).toContain('33 organisations take part')
    await page.getByRole('heading', { level: 1, name: ROUND }).waitFor()
    expect(await summaryValue(page, 'Status')).toBe('Open')
    expect(await summaryValue(page, 'Opens')).toBe('20 November 2026')
    expect(await summaryValue(page, 'Closes')).toBe('At the end of 31 January 2027')
    const rows = page.getByRole('table', { name: 'Assessments' }).locator('tbody tr')
    expect(await rows.count()).toBe(33)
    expect(await rows.first().innerText()).toMatch(/Barking and Dagenham\s+Not started\s+0 of \d+ themes completed/)
    await screenshot(page, 'round')
    await expectAxeClean(page)
  })

  test('the list shows the round as Open with 33 organisations', async () => {
    await visit(page, '/admin/rounds')
    const row = page.getByRole('table', { name: '1 round' }).locator('tbody tr')
    expect(await row.count()).toBe(1)
    const cells = await row.locator('th, td').allInnerTexts()
    expect(cells).toEqual([
      ROUND,
      'london-digital-maturity, version 2',
      '20 November 2026',
      '31 January 2027',
      'Open',
      '33',
    ])
    await screenshot(page, 'rounds')
    await expectAxeClean(page)
  })

  test('an earlier closing date is refused, a later one extends the round', async () => {
    await visit(page, roundPath)
    await typeDate(page, 'New closing date', '1', '1', '2027')
    const [refused] = await Promise.all([
      page.waitForResponse(r => r.request().method() === 'POST'),
      submit(page, 'Extend closing date'),
    ])
    expect(refused.status()).toBe(400)
    const summary = await focusedErrorSummary(page)
    expect(await summary.innerText()).toContain('The new closing date must be after the current one')
    await screenshot(page, 'round-extend-errors')
    await expectAxeClean(page)

    await typeDate(page, 'New closing date', '28', '2', '2027')
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')])
    expect(new URL(page.url()).pathname).toBe(roundPath)
    await page.getByRole('alert').filter({ hasText: 'Closing date extended' }).waitFor()
    expect(await summaryValue(page, 'Closes')).toBe('At the end of 28 February 2027')
  })

  test('“Close round” then Cancel on its check page leaves the round open', async () => {
    await visit(page, roundPath)
    await page.getByText('Once the round is closed, respondents can only read their answers').waitFor()
    await submit(page, 'Close round')
    expect(new URL(page.url()).pathname).toBe(`${roundPath}/close`)
    await page.getByRole('heading', { level: 1, name: `Close ${ROUND}` }).waitFor()
    await page.getByText('A closed round cannot be opened again').waitFor()
    await screenshot(page, 'round-close-check')
    await expectAxeClean(page)
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Cancel', exact: true }).click()])
    expect(new URL(page.url()).pathname).toBe(roundPath)
    expect(await summaryValue(page, 'Status')).toBe('Open')
    expect(await page.getByRole('button', { name: 'Extend closing date' }).count()).toBe(1)
  })

  test('closing the round from its check page leaves it Closed, with nothing left to change', async () => {
    await visit(page, roundPath)
    await submit(page, 'Close round')
    await submit(page, 'Close round')
    expect(new URL(page.url()).pathname).toBe(roundPath)
    await page.getByRole('alert').filter({ hasText: 'Round closed' }).waitFor()
    expect(await summaryValue(page, 'Status')).toBe('Closed')
    expect(await page.getByRole('button', { name: 'Close round' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Extend closing date' }).count()).toBe(0)
    await screenshot(page, 'round-closed')
    await expectAxeClean(page)
  })
})
