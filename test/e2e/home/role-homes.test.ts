import type { Page } from 'playwright-core'
import { assessmentOf, createRound } from '../../support/rounds'
import { fillAssessment } from '../../support/results'
import { plantClusters } from '../../support/planted-clusters'
import { expectAxeClean } from '../support/axe'
import { startE2eApp, type E2eApp } from '../support/browser'
import { screenshot } from '../support/screenshot'
import { signIn } from '../support/sign-in'

/** Building the app's database and launching Chromium can be slow on a busy machine. */
const START_TIMEOUT = 180_000

/** Every link in the page's main content that stays inside the service. */
async function linksOf(page: Page): Promise<string[]> {
  const hrefs = await page.locator('main a[href]').evaluateAll(as => as.map(a => (a as HTMLAnchorElement).href))
  const origin = new URL(page.url()).origin
  return [...new Set(hrefs.filter(h => h.startsWith(origin)).map(h => h.slice(origin.length)))]
}

describe('each role’s home, in a real browser', () => {
  let e2e: E2eApp | undefined
  const emails: Record<string, string> = {}

  beforeAll(async () => {
    e2e = await startE2eApp()
    const t = e2e.testApp
    const { roundId } = await plantClusters(t)
    await t.repos.rounds.close(roundId, t.services.clock())
    const open = await createRound(t, { name: 'Pilot 2027', organisations: ['camden', 'hackney', 'brent'] })
    await fillAssessment(t, await assessmentOf(t, open, 'camden'), () => 2)
    for (const role of ['analyst', 'assessor', 'admin'] as const) emails[role] = (await t.createUser(role)).email
    emails.respondent = (await t.createUser('respondent', { organisation: 'hackney' })).email
  }, START_TIMEOUT)

  afterAll(async () => {
    await e2e?.close()
  })

  const expectations: Record<string, { heading: string; says: string[] }> = {
    respondent: { heading: 'Your organisation’s digital maturity', says: ['Pilot 2027', 'Start the assessment'] },
    assessor: { heading: 'Your moderation work', says: ['awaiting moderation', 'Camden', 'Next to moderate'] },
    analyst: {
      heading: 'London’s digital maturity',
      says: ['Pilot 2027', 'London 2026: the headline', 'Largest shared weaknesses', 'Data'],
    },
    admin: { heading: 'Administration', says: ['Pilot 2027', 'London 2026', 'Invited, not signed in yet'] },
  }

  for (const role of ['respondent', 'assessor', 'analyst', 'admin']) {
    it(`lands a ${role} on a home that says what needs doing, and every link on it leads somewhere`, async () => {
      const page = await e2e!.newPage()
      await page.setViewportSize({ width: 1280, height: 900 })
      await signIn(page, emails[role]!)
      const { heading, says } = expectations[role]!
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(heading)
      const main = (await page.locator('main').innerText()).replace(/\s+/g, ' ')
      for (const words of says)
        expect([role, main.replace(/ /g, '').includes(words.replace(/ /g, ''))]).toEqual([role, true])
      await expectAxeClean(page)
      await screenshot(page, `home-${role}`)

      const links = await linksOf(page)
      expect(links.length).toBeGreaterThan(2)
      for (const href of links) {
        const response = await page.request.get(href)
        expect([role, href, response.status()]).toEqual([role, href, 200])
      }

      // At 320 CSS pixels wide nothing makes the page scroll sideways.
      await page.setViewportSize({ width: 320, height: 900 })
      await page.goto('/')
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
      await screenshot(page, `home-${role}-320`)
      await page.close()
    }, 120_000)
  }
})
