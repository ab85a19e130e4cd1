import type { Page } from 'playwright-core'
import { PASSWORD } from '../../support/test-app'

/** Fills the sign-in form from the keyboard, as a person would, presses Enter and waits for the next page. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login')
  await page.getByLabel('Email address').click()
  await page.keyboard.type(email)
  await page.keyboard.press('Tab')
  const focused = await page.evaluate(() => document.activeElement?.id)
  if (focused !== 'password') throw new Error(`Tab from the email field went to "${String(focused)}", not the password`)
  await page.keyboard.type(password)
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')])
}

/** Signs in through the real /login form and checks it arrived at the home page. */
export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await submitSignIn(page, email, password)
  const landed = new URL(page.url()).pathname
  if (landed !== '/')
    throw new Error(`signing in as ${email} ended at ${landed}: ${await page.locator('main').innerText()}`)
}
