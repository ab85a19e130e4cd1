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

const cardTitles = (page: Page, kind: string) =>
  page.locator(`[data-cluster="${kind}"] .govuk-summary-card__title`).allInnerTexts()

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

  it('reads the planted clusters and changes the threshold with the form', async () => {
    await visit(page, `/rounds/${roundId}/clusters`)
    expect(await cardTitles(page, 'shared')).toEqual(['Data'])
    expect(await cardTitles(page, 'geographic')).toEqual(['Data', 'Data'])
    expect(await cardTitles(page, 'peer')).toEqual(['Peer group 1', 'Peer group 2', 'Peer group 3', 'Peer group 4'])
    await expectAxeClean(page)
    await screenshot(page, 'clusters-page')

    await page.getByLabel('Weak threshold').fill('1.5')
    await page.getByLabel('Peer groups').fill('2')
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Update clusters' }).click()])
    expect(new URL(page.url()).search).toBe('?partnership=&threshold=1.5&minSize=3&k=2&basis=final')
    const shared = page.locator('[data-cluster="shared"]')
    expect(await shared.locator('dd').first().innerText()).toBe('3 organisations: 9% of London’s 33')
    // Camden and Hackney do not share a boundary: without Islington between them there is no neighbour group.
    expect(await cardTitles(page, 'geographic')).toEqual([])
    expect(await page.locator('#geographic + .govuk-grid-row').innerText()).toContain(
      'No two neighbouring organisations are weak on the same dimension.',
    )
    expect(await cardTitles(page, 'peer')).toEqual(['Peer group 1', 'Peer group 2'])
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
    expect(await cardTitles(page, 'shared')).toEqual([
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
