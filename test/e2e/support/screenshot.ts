import path from 'node:path'
import type { Page } from 'playwright-core'

export const SCREENSHOT_DIR = path.resolve(__dirname, '../../../test-results/screenshots')

/** Saves a full-page screenshot to test-results/screenshots/<name>.png (git-ignored) for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}
