import type { Page } from 'playwright-core'
import { assessmentOf } from '../../support/rounds'
import { plantClusters } from '../../support/planted-clusters'
import { plantPipeline } from '../../support/planted-pipeline'
import { expectAxeClean } from '../support/axe'
import { startE2eApp, type E2eApp } from '../support/browser'
import { screenshot } from '../support/screenshot'
import { signIn } from '../support/sign-in'

const START_TIMEOUT = 180_000
const TEST_TIMEOUT = 300_000

let e2e: E2eApp
let roundId: number
let analystEmail: string
let hackneyEmail: string

beforeAll(async () => {
  e2e = await startE2eApp()
  const t = e2e.testApp
  ;({ roundId } = await plantClusters(t))
  await plantPipeline(t)
  analystEmail = (await t.createUser('analyst')).email
  hackneyEmail = (await t.createUser('respondent', { organisation: 'hackney' })).email
}, START_TIMEOUT)

afterAll(async () => {
  await e2e.close()
})

const follow = (page: Page, name: string) =>
  Promise.all([page.waitForEvent('load'), page.getByRole('link', { name, exact: true }).first().click()])

/** The chart.js chart drawn on a canvas, as the type and the datasets' names, once it is there. */
async function chartOn(page: Page, tableId: string): Promise<{ type: string; labels: string[]; datasets: string[] }> {
  const selector = `canvas[data-chart-for="${tableId}"]`
  await page.waitForFunction(
    s =>
      (window as unknown as { Chart?: { getChart(c: Element | null): unknown } }).Chart?.getChart(
        document.querySelector(s),
      ),
    selector,
  )
  return page.evaluate(s => {
    type Drawn = { config: { type: string }; data: { labels: string[]; datasets: { label: string }[] } }
    const chart = (window as unknown as { Chart: { getChart(c: Element | null): Drawn } }).Chart.getChart(
      document.querySelector(s),
    )
    return { type: chart.config.type, labels: chart.data.labels, datasets: chart.data.datasets.map(d => d.label) }
  }, selector)
}

it(
  'an analyst finds who is buying what, narrows the window, and opens a printable brief',
  async () => {
    const page = await e2e.newPage()
    await page.setViewportSize({ width: 1280, height: 900 })
    await signIn(page, analystEmail)
    await follow(page, 'Pipeline')
    expect(new URL(page.url()).pathname).toBe('/pipeline/opportunities')
    const chart = await chartOn(page, 'contract-ends')
    expect(chart.type).toBe('bar')
    expect(chart.labels[0]).toBe('2026 Q4')
    expect(chart.datasets).toEqual(['Data platform and analytics', 'Finance and ERP'])
    const dataRow = page.locator('tr[data-category="data-platform"]')
    expect(await dataRow.innerText()).toContain(
      '4 of the 7 authorities with plans for data platform and analytics are weak on data',
    )
    await expectAxeClean(page)
    await screenshot(page, 'pipeline-opportunities')

    await page.getByLabel('Months ahead').fill('6')
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Show opportunities' }).click()])
    expect(new URL(page.url()).search).toBe('?windowMonths=6')
    expect(
      await page.locator('tbody tr[data-category]').evaluateAll(rows => rows.map(r => r.getAttribute('data-category'))),
    ).toEqual(['finance-erp', 'data-platform'])

    await page.getByLabel('Months ahead').fill('none')
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Show opportunities' }).click()])
    expect(await page.locator('.govuk-error-summary').innerText()).toContain(
      'The window must be a whole number of months',
    )
    await expectAxeClean(page)
    await screenshot(page, 'pipeline-opportunities-error')

    await page.goto('/pipeline/opportunities')
    await follow(page, 'Data platform and analytics (opportunity brief)')
    expect(new URL(page.url()).pathname).toBe('/pipeline/opportunities/data-platform')
    expect(await page.getByTestId('shared-weakness').innerText()).toContain('4 of the 7 authorities')
    await expectAxeClean(page)
    await screenshot(page, 'pipeline-brief')
    // What "Save as PDF" gives: the brief alone, without navigation or the back link.
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.govuk-back-link').isVisible()).toBe(false)
    expect(await page.locator('.govuk-service-navigation').isVisible()).toBe(false)
    await screenshot(page, 'pipeline-brief-print')
    await page.emulateMedia({ media: 'screen' })

    await page.goto('/pipeline/all?category=finance-erp')
    expect(await page.locator('#count').innerText()).toBe('3 plans')
    await expectAxeClean(page)
    await screenshot(page, 'pipeline-all')

    // The borough report's radar, drawn by the same script, still draws.
    await page.goto(`/assessments/${await assessmentOf(e2e.testApp, roundId, 'camden')}/report`)
    expect((await chartOn(page, 'dimension-scores')).type).toBe('radar')
  },
  TEST_TIMEOUT,
)

it(
  'a respondent records a plan and sees how many others plan the same, named only where they share',
  async () => {
    const page = await e2e.newPage()
    await signIn(page, hackneyEmail)
    await page.goto('/pipeline/similar')
    const rows = page.locator('#similar tbody tr')
    expect(await rows.count()).toBe(2)
    const data = page.locator('tr[data-category="data-platform"]')
    expect(await data.getByTestId('others').innerText()).toBe('6')
    expect(await data.innerText()).toContain('Camden')
    const main = await page.locator('main').innerText()
    for (const name of [
      'Islington',
      'Bexley',
      'Westminster',
      'Barnet',
      'Croydon',
      'Enfield',
      'Sutton',
      'Bromley',
      'Lambeth',
    ])
      expect([name, main.includes(name)]).toEqual([name, false])
    await expectAxeClean(page)
    await screenshot(page, 'pipeline-similar')

    // A plan recorded through the borough's own form, in a category nobody else plans in, joins the list.
    await page.goto('/pipeline/entries/new')
    await page.getByLabel('Category').selectOption({ label: 'Adult social care case management' })
    await page.locator('#contractEnd-day').fill('31')
    await page.locator('#contractEnd-month').fill('3')
    await page.locator('#contractEnd-year').fill('2028')
    await page.locator('#route').check()
    await page.locator('#valueBand-1m-5m').check()
    await page.locator('#status-planned').check()
    await page.locator('#shareable-no').check()
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Add entry' }).click()])
    await page.goto('/pipeline/similar')
    expect(await rows.count()).toBe(3)
    const care = page.locator('tr[data-category="adult-social-care"]')
    expect(await care.getByTestId('others').innerText()).toBe('0')
    expect(await care.innerText()).toContain('Nobody else yet')
    await expectAxeClean(page)
  },
  TEST_TIMEOUT,
)
