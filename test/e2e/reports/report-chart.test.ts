import { fillAssessment } from '../../support/results'
import { assessmentOf, createRound } from '../../support/rounds'
import { startE2eApp, type E2eApp } from '../support/browser'
import { signIn } from '../support/sign-in'

const START_TIMEOUT = 180_000

let e2e: E2eApp
let email: string
let assessmentId: number

beforeAll(async () => {
  e2e = await startE2eApp()
  const t = e2e.testApp
  const round = await createRound(t, { name: '2026 assessment' })
  assessmentId = await assessmentOf(t, round, 'camden')
  await fillAssessment(t, assessmentId, (_q, i) => 1 + (i % 5))
  email = (await t.createUser('respondent', { organisation: 'camden' })).email
}, START_TIMEOUT)

afterAll(async () => {
  await e2e.close()
})

// chart.js lays out the radar's dimension names itself; on a phone the longer ones ran off the canvas.
it.each([320, 1280])(
  'the report’s radar keeps every dimension name inside the chart at %i px',
  async width => {
    const page = await e2e.newPage()
    await page.setViewportSize({ width, height: 800 })
    await signIn(page, email)
    await page.goto(`/assessments/${assessmentId}/report`)
    await page.waitForFunction(() => {
      const canvas = document.querySelector('canvas[data-chart-for="dimension-scores"]')
      return (
        canvas !== null && (window as unknown as { Chart?: { getChart(c: Element): unknown } }).Chart?.getChart(canvas)
      )
    })
    const labels = await page.evaluate(() => {
      type Item = { left: number; right: number; top: number; bottom: number }
      type Radar = { width: number; height: number; scales: { r: { _pointLabelItems: Item[] } } }
      const canvas = document.querySelector('canvas[data-chart-for="dimension-scores"]')!
      const chart = (window as unknown as { Chart: { getChart(c: Element): Radar } }).Chart.getChart(canvas)
      return { width: chart.width, height: chart.height, items: chart.scales.r._pointLabelItems }
    })
    expect(labels.items).toHaveLength(5)
    const outside = labels.items.filter(
      i => i.left < 0 || i.top < 0 || i.right > labels.width || i.bottom > labels.height,
    )
    expect(outside).toEqual([])
    await page.close()
  },
  120_000,
)
