import type { Page } from 'playwright-core'
import { expectAxeClean } from '../support/axe'
import { startE2eApp, type E2eApp } from '../support/browser'
import { screenshot } from '../support/screenshot'
import { signIn } from '../support/sign-in'

/** Building the app's database and launching Chromium can be slow on a busy machine. */
const START_TIMEOUT = 120_000

/** Follows a button (or a link styled as one) and waits for the page it leads to. */
async function press(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: button }).click()])
}

describe('disabling an account, as an admin in a real browser', () => {
  let e2e: E2eApp | undefined
  let page: Page
  let analyst = { id: 0, email: '' }
  let userPath = ''

  beforeAll(async () => {
    e2e = await startE2eApp()
    const { email } = await e2e.testApp.createUser('admin')
    analyst = await e2e.testApp.createUser('analyst')
    userPath = `/admin/users/${analyst.id}`
    page = await e2e.newPage()
    await signIn(page, email)
  }, START_TIMEOUT)

  afterAll(async () => {
    await e2e?.close()
  })

  const disabled = async () => (await e2e!.testApp.repos.users.findById(analyst.id))?.disabled

  test('“Disable account” then Cancel on its check page leaves the account active', async () => {
    await page.goto(userPath)
    await press(page, 'Disable account')
    expect(new URL(page.url()).pathname).toBe(`${userPath}/disable`)
    await page.getByText('will be signed out everywhere and will not be able to sign in').waitFor()
    await page.getByText('Their personal access tokens stop working for good').waitFor()
    await screenshot(page, 'user-disable-check')
    await expectAxeClean(page)
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Cancel', exact: true }).click()])
    expect(new URL(page.url()).pathname).toBe(userPath)
    expect(await page.getByRole('button', { name: 'Disable account' }).count()).toBe(1)
    expect(await page.getByText('This account is disabled').count()).toBe(0)
    expect(await disabled()).toBe(false)
  })

  test('the check page’s button disables it', async () => {
    await page.goto(userPath)
    await press(page, 'Disable account')
    await press(page, 'Disable account')
    expect(new URL(page.url()).pathname).toBe('/admin/users')
    await page.getByRole('alert').filter({ hasText: 'User disabled' }).waitFor()
    expect(await disabled()).toBe(true)
  })
})
