import type { Page } from 'playwright-core'
import type { Question } from '../../../src/domain/questionnaire/definition'
import { fillAssessment } from '../../support/results'
import { assessmentOf, createRound } from '../../support/rounds'
import { expectAxeClean } from '../support/axe'
import { startE2eApp, type E2eApp } from '../support/browser'
import { screenshot, screenshotOf } from '../support/screenshot'
import { signIn } from '../support/sign-in'

const START_TIMEOUT = 180_000
const TEST_TIMEOUT = 180_000
const DIMENSIONS = ['leadership', 'culture', 'data', 'foundations', 'services']
// A group of east London neighbours weak on data in 2026, so a cluster shows on the data map.
const WEAK_ON_DATA = ['newham', 'barking-and-dagenham', 'havering', 'redbridge']
const NOT_HANDED_IN = ['harrow', 'merton']

/**
 * At 320 pixels the page does not scroll sideways, every label of every chart is inside its picture and
 * on screen (none cut off), and none is smaller than 10 pixels; axe finds nothing. Back to 1280 after.
 */
async function expectChartsFit(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 320, height: 800 })
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
  const misfits = await page.evaluate(() =>
    Array.from(document.querySelectorAll('.app-chart-panel__svg')).flatMap(svg => {
      const frame = svg.getBoundingClientRect()
      return Array.from(svg.querySelectorAll('text')).flatMap(text => {
        const box = text.getBoundingClientRect()
        const inside =
          box.left >= Math.max(frame.left, 0) - 1 &&
          box.right <= Math.min(frame.right, window.innerWidth) + 1 &&
          box.top >= frame.top - 1 &&
          box.bottom <= frame.bottom + 1
        return inside && box.height >= 10 ? [] : [`${text.textContent} ${JSON.stringify(box)}`]
      })
    }),
  )
  expect(misfits).toEqual([])
  await expectAxeClean(page)
  await screenshotOf(page.locator('figure.app-chart-panel').nth(3), `${name}-320`)
  await page.setViewportSize({ width: 1280, height: 900 })
}

let e2e: E2eApp
let analystEmail: string
let v2Round: number

const byDimension = (levels: number[]) => (q: Question) => levels[DIMENSIONS.indexOf(q.key.split('.')[0]!)]!

beforeAll(async () => {
  e2e = await startE2eApp()
  const t = e2e.testApp
  const organisations = await t.repos.organisations.list()
  const v1Round = await createRound(t, {
    name: '2025 assessment',
    version: 1,
    opensOn: '2025-10-01',
    closesOn: '2025-12-31',
  })
  v2Round = await createRound(t, { name: '2026 assessment' })
  for (const [i, o] of organisations.entries()) {
    const before = [2 + (i % 3), 2 + (i % 2), 3, 2 + (i % 4 === 0 ? 1 : 0), 3 - (i % 2)]
    await fillAssessment(t, await assessmentOf(t, v1Round, o.slug), byDimension(before), {
      version: 1,
      state: 'moderated',
    })
    if (NOT_HANDED_IN.includes(o.slug)) continue
    // Most improve a little; the east London group falls on data.
    const after = before.map((level, d) =>
      d === 2 && WEAK_ON_DATA.includes(o.slug) ? 1 : Math.min(5, level + (i % 3 === 0 ? 1 : 0)),
    )
    await fillAssessment(t, await assessmentOf(t, v2Round, o.slug), byDimension(after))
  }
  analystEmail = (await t.createUser('analyst')).email
}, START_TIMEOUT)

afterAll(async () => {
  await e2e.close()
})

it(
  'an analyst reads the London map and the change since 2025',
  async () => {
    const page = await e2e.newPage()
    await page.setViewportSize({ width: 1280, height: 900 })
    await signIn(page, analystEmail)

    await page.goto(`/rounds/${v2Round}/map`)
    expect(await page.locator('h1').innerText()).toBe('London map')
    const maps = page.locator('figure.app-london-map')
    expect(await maps.count()).toBe(6)
    expect(await maps.locator('figcaption .app-london-map__title').allInnerTexts()).toEqual([
      'Overall',
      'Leadership and strategy',
      'Culture and skills',
      'Data',
      'Technology foundations',
      'Service redesign and innovation',
    ])
    const data = page.locator('figure[data-map="data"]')
    expect(await data.locator('g.app-map-tile').count()).toBe(33)
    expect(await data.locator('g.app-map-tile--weak').count()).toBe(WEAK_ON_DATA.length)
    // Tiles are read at a glance: a label at least 12 pixels tall, and two maps side by side on a laptop.
    const label = await data.locator('g[data-gss="E09000025"] .app-map-tile__label').boundingBox()
    expect(label!.height).toBeGreaterThanOrEqual(12)
    const [first, second] = [await maps.nth(0).boundingBox(), await maps.nth(1).boundingBox()]
    expect(second!.y).toBeCloseTo(first!.y, 0)
    expect(await data.locator('g[data-gss="E09000025"] title').textContent()).toBe('Newham: 1.00, weak')
    await expectAxeClean(page)
    await screenshot(page, 'london-map')
    await screenshotOf(data, 'london-map-data')
    await screenshotOf(page.locator('.app-heat-legend'), 'london-map-legend')

    // On a phone the maps stack, one a row, and only the table scrolls sideways, never the page.
    await page.setViewportSize({ width: 390, height: 844 })
    const narrow = await data.locator('g[data-gss="E09000025"] .app-map-tile__label').boundingBox()
    expect(narrow!.height).toBeGreaterThanOrEqual(10)
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    await screenshotOf(data, 'london-map-data-phone')
    await page.setViewportSize({ width: 1280, height: 900 })

    // The threshold moves the weak line; the maps and the table follow.
    await page.getByLabel('Weak threshold').fill('3.5')
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Update map' }).click()])
    expect(await data.locator('g.app-map-tile--weak').count()).toBeGreaterThan(WEAK_ON_DATA.length)
    expect(await page.locator('#map-table').innerText()).toContain('(weak)')

    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('link', { name: 'Change since an earlier round' }).click(),
    ])
    expect(await page.locator('h1').innerText()).toBe('Change since an earlier round')
    expect(await page.getByLabel('Compare 2026 assessment with').inputValue()).not.toBe('')
    const newham = page.locator('#trend-table tr[data-gss="E09000025"]')
    const fall = newham.locator('td').nth(2)
    expect(await fall.locator('.app-trend__change').innerText()).toMatch(/^▼ −2\.00\s+\(down\)$/)
    expect(await fall.locator('.app-trend__detail').innerText()).toBe('3.00 to 1.00')
    expect(await page.locator('#trend-table tr[data-gss="E09000015"]').innerText()).toContain(
      'Not submitted in 2026 assessment',
    )
    // The chart: a slope panel per column, each a named image, over the table that carries its numbers.
    const panels = page.locator('figure.app-chart-panel')
    expect(await panels.count()).toBe(6)
    const dataPanel = page.locator('figure[data-chart="data"]')
    expect(await dataPanel.getByRole('img').getAttribute('aria-labelledby')).toBe('slope-data-caption')
    // 31 handed in both; Newham and its group fell on data, so their lines are dashed and end in ▼.
    expect(await dataPanel.locator('g.app-slope').count()).toBe(31)
    expect(await dataPanel.locator('g.app-slope--fell[data-gss="E09000025"]').count()).toBe(1)
    expect(await page.locator('#trend-summary').innerText()).toMatch(
      /^Between 2025 assessment and 2026 assessment, \d+ of 31 organisations rose overall/,
    )
    await expectAxeClean(page)
    await screenshot(page, 'trend')
    await screenshotOf(page.locator('#trend-table'), 'trend-table')
    await screenshotOf(page.locator('.app-chart'), 'trend-chart')
    await expectChartsFit(page, 'trend-chart')

    // Each tile is a link to its authority's page, reached from the keyboard and named by what it shows.
    await page.goto(`/rounds/${v2Round}/map`)
    const newhamTile = page.locator('figure[data-map="data"]').getByRole('link', { name: 'NWM 1.00, Newham, weak' })
    await newhamTile.focus()
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/organisations/newham')
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')])
    expect(await page.locator('h1').innerText()).toBe('Newham')
    expect(await page.locator('#assessments-table').innerText()).toContain('2026 assessment')
    // Its scores across both rounds drawn, a panel for overall and each dimension, over the table.
    expect(await page.locator('figure.app-chart-panel').count()).toBe(6)
    expect(await page.locator('figure[data-chart="data"] .app-line-chart__point').count()).toBe(2)
    expect(await page.locator('figure[data-chart="data"] title').allTextContents()).toEqual([
      '2025 assessment: 3.00',
      '2026 assessment: 1.00',
    ])
    expect(await page.locator('#trend-summary').innerText()).toMatch(/^Newham’s overall score went from/)
    await expectAxeClean(page)
    await screenshot(page, 'organisation-hub')
    await expectChartsFit(page, 'organisation-hub-chart')
    await page.context().close()
  },
  TEST_TIMEOUT,
)
