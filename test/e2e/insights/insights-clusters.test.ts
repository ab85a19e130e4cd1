import type { Page } from 'playwright-core'
import { plantClusters } from '../../support/planted-clusters'
import { expectAxeClean } from '../support/axe'
import { startE2eApp, type E2eApp } from '../support/browser'
import { screenshot } from '../support/screenshot'
import { signIn } from '../support/sign-in'

/** Building the app's database and launching Chromium can be slow on a busy machine. */
const START_TIMEOUT = 120_000

async function visit(page: Page, path: string, status = 200): Promise<void> {
  const response = await page.goto(path)
  expect(response?.status()).toBe(status)
}

/** The heading of each weak column, and of each peer group, in page order. */
const columnHeadings = (page: Page) => page.locator('section.app-cluster-column > h3').allInnerTexts()
const peerNames = (page: Page) => page.locator('section.app-peer-group > h3').allInnerTexts()

describe('clusters of weak performance, as an analyst in a real browser', () => {
  let e2e: E2eApp | undefined
  let page: Page
  let roundId = 0

  beforeAll(async () => {
    e2e = await startE2eApp()
    ;({ roundId } = await plantClusters(e2e.testApp))
    const { email } = await e2e.testApp.createUser('analyst')
    page = await e2e.newPage()
    await page.setViewportSize({ width: 1280, height: 900 })
    await signIn(page, email)
  }, START_TIMEOUT)

  afterAll(async () => {
    await e2e?.close()
  })

  it('reads the planted clusters, drawn, and changes the threshold with the form', async () => {
    await visit(page, `/rounds/${roundId}/clusters`)
    // Data's shared weakness and both its neighbouring groups sit under one heading.
    expect(await columnHeadings(page)).toEqual(['Data'])
    const map = page.getByRole('img', { name: /^Neighbours weak together on Data/ })
    expect(await map.locator('[data-letter="A"]').count()).toBe(3)
    expect(await map.locator('[data-letter="B"]').count()).toBe(2)
    const clusters = page.getByRole('region', { name: 'The clusters on the map of Data' })
    expect(await clusters.locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(/^A\s+Camden, Hackney, Islington\s+1\.33/),
      expect.stringMatching(/^B\s+Bexley, Bromley\s+2\.00/),
    ])
    expect(await peerNames(page)).toEqual([
      'Weak data, averaging 1.00',
      'Weak data, averaging 2.00',
      'Close to London’s mean',
      'Strong all round',
    ])
    expect(await page.locator('.app-profile-chart svg[role="img"]').count()).toBe(4)
    await expectAxeClean(page)
    await screenshot(page, 'clusters-page')

    await page.getByLabel('Weak threshold').fill('1.5')
    await page.getByLabel('Peer groups').fill('2')
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Update clusters' }).click()])
    expect(new URL(page.url()).search).toBe('?partnership=&threshold=1.5&minSize=3&k=2&basis=final')
    const shared = page.locator('[data-cluster="shared"]')
    expect(await shared.innerText()).toContain('3 organisations are weak here, 9% of London’s 33')
    // Camden and Hackney do not share a boundary: without Islington between them there is no neighbour group.
    expect(await page.locator('[data-cluster="geographic"]').count()).toBe(0)
    expect(await page.locator('section[data-column="data"]').innerText()).toContain(
      'No two neighbouring organisations are weak together on Data.',
    )
    expect(await peerNames(page)).toEqual(['Close to London’s mean', 'Strong all round'])
  })

  it('fits a 320 px screen without scrolling sideways, and stays accessible there', async () => {
    await page.setViewportSize({ width: 320, height: 900 })
    try {
      await visit(page, `/rounds/${roundId}/clusters`)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
      await expectAxeClean(page)
      await screenshot(page, 'clusters-page-320')
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 })
    }
  })

  it('drills into Data’s themes through a link', async () => {
    await visit(page, `/rounds/${roundId}/clusters`)
    await Promise.all([
      page.waitForEvent('load'),
      page
        .getByRole('navigation', { name: 'Level of detail' })
        .getByRole('link', { name: 'Data', exact: true })
        .click(),
    ])
    expect(await columnHeadings(page)).toEqual([
      'Data governance and protection',
      'Data quality',
      'Data infrastructure',
      'Using data',
    ])
    await expectAxeClean(page)
    await screenshot(page, 'clusters-themes')
  })

  it('opens the brief for the shared weakness, which prints without the controls', async () => {
    await visit(page, `/rounds/${roundId}/clusters`)
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('link', { name: 'One-page brief for a collective response: Data, shared weakness' }).click(),
    ])
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('6 organisations weak together on Data')
    expect(await page.getByTestId('buyers').innerText()).toBe(
      'These 6 organisations are 5 separate buyers when each partnership counts once.',
    )
    await expectAxeClean(page)
    await screenshot(page, 'clusters-brief')

    await page.emulateMedia({ media: 'print' })
    expect(await page.getByRole('link', { name: 'Back to the clusters' }).isVisible()).toBe(false)
    expect(await page.locator('#next-steps').isVisible()).toBe(true)
    await screenshot(page, 'clusters-brief-print')
    await page.emulateMedia({ media: 'screen' })
  })

  it('briefs a peer group', async () => {
    await visit(page, `/rounds/${roundId}/clusters/brief?kind=peer&group=4`)
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('4 organisations with like profiles')
    expect(await page.getByText('None stands out').innerText()).toContain(
      'The next level up is shown for Leadership and strategy, the first of them.',
    )
    await expectAxeClean(page)
    await screenshot(page, 'clusters-brief-peer')
  })

  it('sends a mistyped setting back with the message beside its field', async () => {
    await visit(page, `/rounds/${roundId}/clusters?threshold=9`, 400)
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' })
    expect(await summary.innerText()).toContain('Weak threshold must be on the scale, from 1 to 5, not "9"')
    expect(await page.getByLabel('Weak threshold').inputValue()).toBe('9')
    await expectAxeClean(page)
    await screenshot(page, 'clusters-error')
  })
})
