import type { Locator, Page } from 'playwright-core'
import { validDefinition } from '../../support/definitions'
import { expectAxeClean } from '../support/axe'
import { startE2eApp, type E2eApp } from '../support/browser'
import { screenshot } from '../support/screenshot'
import { signIn } from '../support/sign-in'

/** Building the app's database and launching Chromium can be slow on a busy machine. */
const START_TIMEOUT = 120_000
const SEEDED = 'london-digital-maturity'
const DRAFT_KEY = 'e2e-maturity'

/** Submits a form by its button and waits for the page the server sends back. */
async function submit(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: button }).click()])
}

async function visit(page: Page, path: string, status = 200): Promise<void> {
  const response = await page.goto(path)
  expect(response?.status()).toBe(status)
}

/** The GOV.UK error summary, once the page's script has moved focus to it. */
async function focusedErrorSummary(page: Page): Promise<Locator> {
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' })
  await summary.waitFor()
  await page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary') === true)
  return summary
}

/** The text of the summary-list value whose key is `key`. */
function summaryValue(page: Page, key: string): Locator {
  return page.locator('.govuk-summary-list__row', { has: page.locator('dt', { hasText: key }) }).locator('dd')
}

describe('questionnaire versions, as an admin in a real browser', () => {
  let e2e: E2eApp | undefined
  let page: Page

  beforeAll(async () => {
    e2e = await startE2eApp()
    const { email } = await e2e.testApp.createUser('admin')
    page = await e2e.newPage()
    await signIn(page, email)
  }, START_TIMEOUT)

  afterAll(async () => {
    await e2e?.close()
  })

  test('the list shows every seeded version as Published', async () => {
    await visit(page, '/admin/questionnaires')
    const table = page.getByRole('table', { name: SEEDED })
    await table.waitFor()
    const rows = table.locator('tbody tr')
    expect(await rows.count()).toBe(3)
    for (const [i, version] of ['Version 1', 'Version 2', 'Version 3'].entries()) {
      const cells = await rows.nth(i).locator('td').allInnerTexts()
      expect(cells[0]).toBe(version)
      expect(cells[2]).toBe('Published')
    }
    await screenshot(page, 'questionnaires')
    await expectAxeClean(page)
  })

  test('a pasted invalid definition, sent from the keyboard, lists every problem in plain words with its JSON pointer', async () => {
    await visit(page, '/admin/questionnaires')
    const broken = validDefinition({ key: DRAFT_KEY, weakThreshold: 9 })
    broken.dimensions[0].themes[0].questions[0].levels['4'] = ''

    await page.getByLabel('Or paste the JSON').click()
    await page.keyboard.insertText(JSON.stringify(broken, null, 2))
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText)).toBe(
      'Check and upload',
    )
    const [response] = await Promise.all([
      page.waitForResponse(r => r.request().method() === 'POST'),
      page.waitForEvent('load'),
      page.keyboard.press('Enter'),
    ])
    expect(response.status()).toBe(422)

    const summary = await focusedErrorSummary(page)
    expect(await summary.getByRole('listitem').allInnerTexts()).toEqual([
      '2 problems with this definition: nothing was stored',
    ])
    // The summary leads to the list beside the upload: each problem in words, then its JSON pointer.
    await summary.getByRole('link').click()
    await page.waitForFunction(() => document.activeElement?.id === 'definition-problems')
    const problems = page.locator('#definition-problems ~ ul').first().getByRole('listitem')
    expect(await problems.allInnerTexts()).toEqual([
      'Questionnaire: weakThreshold must be 5 or less\nJSON pointer: /weakThreshold',
      'Dimension 1, theme 1, question 1 (data.quality.standards): level 4 must not be empty\nJSON pointer: /dimensions/0/themes/0/questions/0/levels/4',
    ])
    expect(await page.title()).toMatch(/^Error: /)
    // What was pasted is kept, so it can be corrected rather than pasted again.
    expect(JSON.parse(await page.getByLabel('Or paste the JSON').inputValue())).toEqual(broken)
    await screenshot(page, 'questionnaire-upload-errors')
    await expectAxeClean(page)
  })

  test('a valid definition uploaded as a file becomes a Draft', async () => {
    await visit(page, '/admin/questionnaires')
    await page.getByLabel('Upload a JSON file').setInputFiles({
      name: 'definition.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(validDefinition({ key: DRAFT_KEY }))),
    })
    await submit(page, 'Check and upload the file')

    expect(new URL(page.url()).pathname).toBe(`/admin/questionnaires/${DRAFT_KEY}/versions/1`)
    await page.getByRole('alert').filter({ hasText: 'Draft uploaded: version 1' }).waitFor()
    expect(await summaryValue(page, 'Status').innerText()).toBe('Draft')
    expect(await summaryValue(page, 'Questions').innerText()).toBe('6')
    await screenshot(page, 'questionnaire-draft')
    await expectAxeClean(page)
  })

  test('the draft’s preview shows it as respondents will see it', async () => {
    await visit(page, `/admin/questionnaires/${DRAFT_KEY}/versions/1`)
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('link', { name: 'Preview it as respondents will see it' }).click(),
    ])
    expect(new URL(page.url()).pathname).toBe(`/admin/questionnaires/${DRAFT_KEY}/versions/1/preview`)
    await page.getByRole('heading', { level: 1, name: 'Test maturity' }).waitFor()
    const standards = page.getByRole('group', { name: 'Standards?' })
    expect(await standards.getByRole('radio').count()).toBe(5)
    await page.getByRole('group', { name: 'Cloud first?' }).getByLabel('Not applicable to our council').waitFor()
    await screenshot(page, 'questionnaire-draft-preview')
    await expectAxeClean(page)
  })

  test('the preview of the seeded version 2, a long page, is axe-clean', async () => {
    await visit(page, `/admin/questionnaires/${SEEDED}/versions/2/preview`)
    await page.getByRole('heading', { level: 1 }).waitFor()
    expect(await page.locator('.app-question').count()).toBeGreaterThanOrEqual(40)
    await screenshot(page, 'questionnaire-v2-preview')
    await expectAxeClean(page)
  })

  test('“Publish version 1” publishes the draft, once its check page is confirmed', async () => {
    await visit(page, `/admin/questionnaires/${DRAFT_KEY}/versions/1`)
    await submit(page, 'Publish version 1')
    // The button leads to the check page, which says what cannot be undone; its button publishes.
    expect(new URL(page.url()).pathname).toBe(`/admin/questionnaires/${DRAFT_KEY}/versions/1/publish`)
    await page.getByText('A published version can never change').waitFor()
    await expectAxeClean(page)
    await submit(page, 'Publish version 1')
    expect(new URL(page.url()).pathname).toBe(`/admin/questionnaires/${DRAFT_KEY}/versions/1`)
    const banner = page.getByRole('alert').filter({ hasText: 'Version 1 published' })
    await banner.waitFor()
    expect(await banner.innerText()).toContain('Success')
    expect(await summaryValue(page, 'Status').innerText()).toBe('Published')
    expect(await page.getByRole('button', { name: 'Publish version 1' }).count()).toBe(0)
    await screenshot(page, 'questionnaire-published')
    await expectAxeClean(page)
  })

  test('comparing version 1 with version 2 shows what was added and mapped', async () => {
    await visit(page, `/admin/questionnaires/${SEEDED}/compare?from=1&to=2`)
    await page.getByRole('heading', { level: 1, name: 'Compare versions' }).waitFor()
    const main = await page.locator('main').innerText()
    expect(main).toContain('From version 1 to version 2')
    const row = (tag: string, key: string) =>
      page.locator('.govuk-summary-list__row', { has: page.locator('dt', { hasText: tag }) }).filter({ hasText: key })
    expect(await row('Added', 'data.use.responsible-ai').count()).toBe(1)
    expect(await row('Mapped', 'data.quality.data-quality').count()).toBe(1)
    await screenshot(page, 'questionnaire-compare')
    await expectAxeClean(page)
  })

  test('choosing the same version twice in the compare form shows the error summary', async () => {
    await visit(page, `/admin/questionnaires/${SEEDED}/compare?from=1&to=2`)
    await page.getByLabel('From version').selectOption('2')
    await page.getByLabel('To version').selectOption('2')
    const [response] = await Promise.all([
      page.waitForResponse(r => new URL(r.url()).pathname.endsWith('/compare')),
      submit(page, 'Compare'),
    ])
    expect(response.status()).toBe(400)
    expect(new URL(page.url()).search).toBe('?from=2&to=2')
    const summary = await focusedErrorSummary(page)
    expect(await summary.innerText()).toContain(`Choose two different versions of ${SEEDED}`)
    await screenshot(page, 'questionnaire-compare-errors')
    await expectAxeClean(page)
  })
})
