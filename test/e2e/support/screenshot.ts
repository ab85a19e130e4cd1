import path from 'node:path'
import type { Locator, Page } from 'playwright-core'

/** test-results/screenshots (git-ignored), or SCREENSHOT_DIR when a person wants them somewhere else, e.g. /tmp. */
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR
  ? path.resolve(process.env.SCREENSHOT_DIR)
  : path.resolve(__dirname, '../../../test-results/screenshots')

/** Saves a full-page screenshot to SCREENSHOT_DIR/<name>.png for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}

/** Saves one part of a page, for pages too long to judge from a full-page picture. */
export async function screenshotOf(part: Locator, name: string): Promise<void> {
  await part.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) })
}
