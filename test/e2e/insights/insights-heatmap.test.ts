import type { Page } from 'playwright-core'
import type { Question } from '../../../src/domain/questionnaire/definition'
import { fillAssessment, recordModerations } from '../../support/results'
import { assessmentOf, createRound } from '../../support/rounds'
import { expectAxeClean } from '../support/axe'
import { startE2eApp, type E2eApp } from '../support/browser'
import { screenshot, screenshotOf } from '../support/screenshot'
import { signIn } from '../support/sign-in'

const START_TIMEOUT = 180_000
const TEST_TIMEOUT = 180_000
const DIMENSIONS = ['leadership', 'culture', 'data', 'foundations', 'services']

// Planted structure, interleaved by name: one group weak on leadership and culture, one on services.
const WEAK_LEADERS = ['bexley', 'haringey', 'sutton', 'newham']
const WEAK_SERVICES = ['brent', 'islington', 'wandsworth']
const NAME_OF: Record<string, string> = {
  bexley: 'Bexley',
  haringey: 'Haringey',
  sutton: 'Sutton',
  newham: 'Newham',
  brent: 'Brent',
  islington: 'Islington',
  wandsworth: 'Wandsworth',
}

let e2e: E2eApp
let analystEmail: string
let demo: E2eApp

/** A profile per organisation, varied a little by its position so no two rows are alike. */
function profile(slug: string, i: number): number[] {
  if (WEAK_LEADERS.includes(slug)) return [1, 2 - (i % 2), 4, 4, 3 + (i % 2)]
  if (WEAK_SERVICES.includes(slug)) return [4, 4 + (i % 2), 4, 3, 1]
  return [2 + (i % 3), 3 + (i % 2), 2 + ((i * 2) % 4), 3 + (i % 3 === 0 ? 1 : 0), 2 + (i % 4)]
}

describe('a round with planted groups', () => {
  beforeAll(async () => {
    e2e = await startE2eApp()
    const t = e2e.testApp
    const organisations = await t.repos.organisations.list()
    const roundId = await createRound(t, { name: 'London 2026' })
    const assessor = await t.createUser('assessor')
    for (const [i, organisation] of organisations.entries()) {
      const id = await assessmentOf(t, roundId, organisation.slug)
      // Two boroughs have not handed in yet; their rows must say so rather than look weak.
      if (i === 5 || i === 20) continue
      const levels = profile(organisation.slug, i)
      // A little variation inside each dimension, so the theme and question levels show texture.
      const level = (q: Question, index: number) => {
        const base = levels[DIMENSIONS.indexOf(q.key.split('.')[0]!)]!
        if (q.key === 'foundations.infrastructure.cloud' && i % 7 === 0) return 'n/a'
        return Math.min(5, Math.max(1, base + ((index + i) % 5 === 0 ? 1 : 0) - ((index * 3 + i) % 7 === 0 ? 1 : 0)))
      }
      await fillAssessment(t, id, level, { state: i % 3 === 0 ? 'moderated' : 'submitted' })
      if (i % 3 === 0)
        await recordModerations(t, id, assessor.id, { 'leadership.strategy.digital-strategy': { level: 3 } })
    }
    analystEmail = (await t.createUser('analyst')).email
  }, START_TIMEOUT)

  afterAll(async () => {
    await e2e.close()
  })

  const rowNames = (page: Page) => page.locator('#heatmap tbody th[scope="row"]').allInnerTexts()

  /** Where each planted group's members sit in the table: contiguous when the largest gap is the group's size minus one. */
  async function spread(page: Page, group: string[]): Promise<number> {
    const names = await rowNames(page)
    const at = group.map(slug => names.indexOf(NAME_OF[slug]!)).sort((a, b) => a - b)
    return at.at(-1)! - at[0]!
  }

  it(
    'an analyst opens the heatmap, reorders it by similarity and drills into a dimension',
    async () => {
      const page = await e2e.newPage()
      await page.setViewportSize({ width: 1280, height: 900 })
      await signIn(page, analystEmail)

      await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Insights' }).click()])
      expect(new URL(page.url()).pathname).toMatch(/^\/rounds\/\d+\/heatmap$/)
      await expect(page.locator('h1').innerText()).resolves.toBe('Heatmap: All dimensions')
      expect(await rowNames(page)).toHaveLength(33)
      expect(await spread(page, WEAK_LEADERS)).toBeGreaterThan(WEAK_LEADERS.length - 1)
      // A weak cell says so in its frame, its marker and its words; a strong one does none of these.
      const weak = page.locator('#heatmap td.app-heat--weak').first()
      await expect(weak.innerText()).resolves.toMatch(/▼/)
      await expect(weak.locator('.govuk-visually-hidden').innerText()).resolves.toBe(' (weak)')
      await expect(page.locator('#heatmap td.app-heat--above-5').first().innerText()).resolves.not.toMatch(/▼/)
      await expect(page.locator('#heatmap tbody tr', { hasText: 'Not submitted' }).count()).resolves.toBe(2)
      await expectAxeClean(page)
      await screenshot(page, 'heatmap-dimensions')

      await page.getByRole('radio', { name: 'Similarity' }).check()
      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Update heatmap' }).click()])
      expect(new URL(page.url()).searchParams.get('order')).toBe('similarity')
      expect(await page.getByRole('radio', { name: 'Similarity' }).isChecked()).toBe(true)
      expect(await spread(page, WEAK_LEADERS)).toBe(WEAK_LEADERS.length - 1)
      expect(await spread(page, WEAK_SERVICES)).toBe(WEAK_SERVICES.length - 1)
      // Rows with nothing to compare go last rather than being placed among the weak.
      const rows = await page.locator('#heatmap tbody tr').allInnerTexts()
      expect(rows.slice(-2).every(r => r.includes('Not submitted'))).toBe(true)
      await expectAxeClean(page)
      await screenshot(page, 'heatmap-similarity')
      await screenshotOf(page.locator('.app-heat-legend'), 'heatmap-legend')
      await screenshotOf(page.locator('.app-heatmap__scroll'), 'heatmap-similarity-table')

      await Promise.all([
        page.waitForEvent('load'),
        page.getByRole('link', { name: 'Service redesign and innovation' }).click(),
      ])
      const url = new URL(page.url())
      expect([url.searchParams.get('level'), url.searchParams.get('parent'), url.searchParams.get('order')]).toEqual([
        'theme',
        'services',
        'similarity',
      ])
      await expect(page.locator('h1').innerText()).resolves.toBe('Heatmap: Service redesign and innovation')
      // Name, status, the dimension's score and its nine themes; the tree's column is hidden from screen readers.
      expect(await page.locator('#heatmap thead th:not([aria-hidden])').count()).toBe(3 + 9)
      await expectAxeClean(page)
      await screenshot(page, 'heatmap-services-themes')

      // Back up by the breadcrumbs, keeping the order, and down another dimension to a theme's questions.
      const follow = (name: string) =>
        Promise.all([page.waitForEvent('load'), page.getByRole('link', { name, exact: true }).click()])
      await follow('All dimensions')
      expect(new URL(page.url()).searchParams.get('order')).toBe('similarity')
      await expect(page.locator('h1').innerText()).resolves.toBe('Heatmap: All dimensions')
      await follow('Technology foundations')
      await follow('Cyber security')
      await expect(page.locator('h1').innerText()).resolves.toBe('Heatmap: Cyber security')
      expect(await page.locator('#heatmap thead th').allInnerTexts()).toContain('Risk management')
      await expectAxeClean(page)
      await screenshot(page, 'heatmap-cyber-questions')
      await follow('Technology foundations')
      await expect(page.locator('h1').innerText()).resolves.toBe('Heatmap: Technology foundations')
    },
    TEST_TIMEOUT,
  )

  it(
    'on a phone-sized screen the table scrolls sideways with the organisation kept in view',
    async () => {
      const page = await e2e.newPage()
      await page.setViewportSize({ width: 390, height: 844 })
      await signIn(page, analystEmail)
      await page.goto('/insights')
      await page.waitForURL(/\/heatmap/)
      const box = page.locator('.app-heatmap__scroll')
      const widths = await box.evaluate(el => ({
        scroll: el.scrollWidth,
        client: el.clientWidth,
        page: document.documentElement.scrollWidth,
      }))
      expect(widths.scroll).toBeGreaterThan(widths.client)
      // The page itself does not scroll sideways: only the table's box does.
      expect(widths.page).toBeLessThanOrEqual(390)
      await box.evaluate(el => el.scrollBy(400, 0))
      const name = page.locator('#heatmap tbody th[scope="row"]').first()
      const nameBox = await name.boundingBox()
      const scrollBox = await box.boundingBox()
      expect(Math.abs(nameBox!.x - scrollBox!.x)).toBeLessThan(2)
      await expectAxeClean(page)
      await screenshotOf(box, 'heatmap-phone-scrolled')
      await screenshot(page, 'heatmap-phone')
    },
    TEST_TIMEOUT,
  )

  it(
    'a threshold off the scale is named in an error summary, with the heatmap still there',
    async () => {
      const page = await e2e.newPage()
      await signIn(page, analystEmail)
      await page.goto('/insights')
      await page.getByLabel('Weak threshold').fill('9')
      const [response] = await Promise.all([
        page.waitForResponse(r => r.url().includes('/heatmap')),
        page.getByRole('button', { name: 'Update heatmap' }).click(),
      ])
      expect(response.status()).toBe(400)
      await page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary') === true)
      await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain(
        'Weak threshold must be on the scale, from 1 to 5, not "9"',
      )
      expect(await page.getByLabel('Weak threshold').inputValue()).toBe('9')
      expect(await rowNames(page)).toHaveLength(33)
      await expectAxeClean(page)
      await screenshot(page, 'heatmap-threshold-error')
      // The summary's link takes the analyst to the field to correct.
      await page.locator('.govuk-error-summary a').click()
      await page.waitForFunction(() => document.activeElement?.id === 'threshold')
    },
    TEST_TIMEOUT,
  )
})

describe('the demo’s closed round', () => {
  beforeAll(async () => {
    demo = await startE2eApp({ DEMO_DATA: '1' })
    await demo.testApp.services.seed.seedDemoAccounts('demo-password')
    await demo.testApp.services.seed.seedDemoAssessments()
  }, START_TIMEOUT)

  afterAll(async () => {
    await demo.close()
  })

  /** Opens the 2025 round's heatmap as the analyst would: Insights, then the round control. */
  async function openClosedRound(page: Page, width: number, height: number): Promise<void> {
    await page.setViewportSize({ width, height })
    await signIn(page, 'analyst@demo.local', 'demo-password')
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Insights' }).click()])
    await page.getByLabel('Round').selectOption({ label: '2025 assessment' })
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Update heatmap' }).click()])
    await expect(page.locator('.govuk-caption-l').innerText()).resolves.toBe('2025 assessment')
  }

  const measure = (page: Page) =>
    page.evaluate(() => {
      const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect()
      const rows = Array.from(document.querySelectorAll('#heatmap tbody tr'), r => r.getBoundingClientRect().height)
      const region = document.querySelector('.app-heatmap__scroll')!
      return {
        table: box('#heatmap'),
        main: box('main'),
        tallestRow: Math.max(...rows),
        rows: rows.length,
        regionScrollsSideways: region.scrollWidth > region.clientWidth,
        page: document.documentElement.scrollWidth,
      }
    })

  it(
    'shows all 33 authorities on one screen at 1280 × 800, within the page’s column, with the similarity tree',
    async () => {
      const page = await demo.newPage()
      await openClosedRound(page, 1280, 800)
      let size = await measure(page)
      expect(size.rows).toBe(33)
      expect(size.tallestRow).toBeLessThanOrEqual(24)
      expect(size.table.height).toBeLessThanOrEqual(1000)
      expect(size.table.width).toBeLessThanOrEqual(size.main.width)
      expect(size.regionScrollsSideways).toBe(false)
      // Every assessment of the closed round is moderated: said once, not in 33 rows.
      await expect(page.locator('#heatmap-summary').innerText()).resolves.toContain('All 33 assessments are moderated.')
      expect(await page.locator('#heatmap thead th').allInnerTexts()).not.toContain('Status')

      await page.getByRole('radio', { name: 'Similarity' }).check()
      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Update heatmap' }).click()])
      size = await measure(page)
      expect(size.table.height).toBeLessThanOrEqual(1000)
      expect(size.table.width).toBeLessThanOrEqual(size.main.width)
      const tree = await page.locator('.app-heatmap-tree').boundingBox()
      const rows = await page.locator('#heatmap tbody tr').evaluateAll(trs => {
        const first = trs[0]!.getBoundingClientRect()
        const last = trs.at(-1)!.getBoundingClientRect()
        return { top: first.top, bottom: last.bottom }
      })
      // The tree runs from the top of the first row to the bottom of the last, so each leaf meets its row.
      expect(Math.abs(tree!.y - rows.top)).toBeLessThan(2)
      expect(Math.abs(tree!.y + tree!.height - rows.bottom)).toBeLessThan(2)
      await expect(page.locator('#heatmap-tree-summary').innerText()).resolves.toMatch(/^The tree beside the rows/)

      // Scrolled inside its region, the header row stays at the top and the names at the left.
      const region = page.locator('.app-heatmap__scroll')
      await page.locator('#heatmap').scrollIntoViewIfNeeded()
      await region.evaluate(el => el.scrollBy(0, 300))
      const regionBox = (await region.boundingBox())!
      const header = (await page.locator('#heatmap thead th').first().boundingBox())!
      expect(Math.abs(header.y - regionBox.y)).toBeLessThan(2)
      await expectAxeClean(page)
      await screenshot(page, 'heatmap-demo-1280')
      await screenshotOf(region, 'heatmap-demo-1280-table')

      // Each name links to the authority's own page.
      const first = page.locator('#heatmap tbody th[scope="row"] a').first()
      const name = await first.innerText()
      await Promise.all([page.waitForEvent('load'), first.click()])
      await expect(page.locator('h1').innerText()).resolves.toBe(name)
    },
    TEST_TIMEOUT,
  )

  it(
    'heads a theme’s questions with short names whose full prompt shows on focus, and Escape hides it',
    async () => {
      const page = await demo.newPage()
      await openClosedRound(page, 1280, 800)
      await Promise.all([
        page.waitForEvent('load'),
        page.getByRole('link', { name: 'Technology foundations', exact: true }).click(),
      ])
      await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Cyber security' }).click()])
      expect(await page.locator('#heatmap thead th').allInnerTexts()).toEqual(
        expect.arrayContaining(['Cyber security overall', 'Risk management', 'Response recovery']),
      )
      const question = page.getByRole('button', { name: 'Risk management' })
      const tip = page.locator(`#${await question.getAttribute('aria-describedby')}`)
      await expect(tip.isVisible()).resolves.toBe(false)
      // Reached from the keyboard: tabbing from the region that holds the table.
      await page.locator('.app-heatmap__scroll').focus()
      await page.keyboard.press('Tab')
      await expect(question.evaluate(el => el === document.activeElement)).resolves.toBe(true)
      await expect(tip.isVisible()).resolves.toBe(true)
      await expect(tip.innerText()).resolves.toMatch(/^How does your council govern and manage cyber security risk/)
      await expectAxeClean(page)
      await screenshotOf(page.locator('.app-heatmap__scroll'), 'heatmap-demo-question-tip')
      await page.keyboard.press('Escape')
      await expect(tip.isVisible()).resolves.toBe(false)
    },
    TEST_TIMEOUT,
  )

  it(
    'reflows at 320 px: the page never scrolls sideways, only the table’s own region',
    async () => {
      const page = await demo.newPage()
      // Opened on a desktop, where the navigation shows Insights, then seen on a 320 px screen.
      await openClosedRound(page, 1280, 800)
      await page.setViewportSize({ width: 320, height: 640 })
      const size = await measure(page)
      expect(size.page).toBeLessThanOrEqual(320)
      expect(size.regionScrollsSideways).toBe(true)
      await expectAxeClean(page)
      await screenshot(page, 'heatmap-demo-320')
    },
    TEST_TIMEOUT,
  )
})
