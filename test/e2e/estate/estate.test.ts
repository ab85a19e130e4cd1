import type { Page } from 'playwright-core'
import { estateRows } from '../../support/estate-analysis'
import { expectAxeClean } from '../support/axe'
import { startE2eApp, type E2eApp } from '../support/browser'
import { screenshot, screenshotOf } from '../support/screenshot'
import { signIn } from '../support/sign-in'

const START_TIMEOUT = 180_000
const TEST_TIMEOUT = 300_000

const PRODUCT = 'Ledgerline Finance'
const SUPPLIER = 'Quillmere Ledger Systems'
const RIVAL = 'Civic Books'
const RIVAL_SUPPLIER = 'Borough Accounts Ltd'
const CATEGORY = 'finance-erp'
const CATEGORY_NAME = 'Finance and ERP'
const OPEN_STANDARDS = 'open-standards'

let e2e: E2eApp
let hackneyEmail: string
let analystEmail: string
let productId: number
let rows: ReturnType<typeof estateRows>

beforeAll(async () => {
  e2e = await startE2eApp()
  const t = e2e.testApp
  rows = estateRows(t.db.knex)
  // The catalogue holds the product Hackney runs, and a rival another authority runs.
  productId = await rows.product(PRODUCT, await rows.supplier(SUPPLIER), CATEGORY)
  await rows.entry('lambeth', await rows.product(RIVAL, await rows.supplier(RIVAL_SUPPLIER), CATEGORY), {
    shareable: true,
  })
  hackneyEmail = (await t.createUser('respondent', { organisation: 'hackney' })).email
  analystEmail = (await t.createUser('analyst')).email
}, START_TIMEOUT)

afterAll(async () => {
  await e2e.close()
})

const follow = (page: Page, name: string) =>
  Promise.all([page.waitForEvent('load'), page.getByRole('link', { name, exact: true }).first().click()])

const press = (page: Page, name: string) =>
  Promise.all([page.waitForEvent('load'), page.getByRole('button', { name, exact: true }).click()])

const pathname = (page: Page) => new URL(page.url()).pathname

/** The cells of the scorecard's row for one point of the standard, as a person reads them. */
async function pointRow(page: Page, key: string): Promise<string[]> {
  return page.locator(`#points tr[data-point="${key}"] > *`).evaluateAll(cells => cells.map(c => c.textContent.trim()))
}

it(
  'a respondent adds a system to the register and rates it against the digital service standard',
  async () => {
    const page = await e2e.newPage()
    await page.setViewportSize({ width: 1280, height: 900 })
    await signIn(page, hackneyEmail)
    await follow(page, 'Estate')
    expect(pathname(page)).toBe('/estate')
    expect(await page.locator('h1').innerText()).not.toBe('')
    expect(await page.locator('#entries').innerText()).toContain('No systems recorded yet')
    await expectAxeClean(page)

    // A start-button link: GOV.UK gives it the button role.
    await press(page, 'Add a system')
    expect(pathname(page)).toBe('/estate/entries/new')
    await expectAxeClean(page)
    await page.getByLabel('Category').selectOption({ label: CATEGORY_NAME })
    await page.getByLabel('Product', { exact: true }).selectOption({ label: `${PRODUCT} (${SUPPLIER})` })
    await page.getByLabel('Software as a service').check()
    await page.locator('#contractEnd-day').fill('31')
    await page.locator('#contractEnd-month').fill('3')
    await page.locator('#contractEnd-year').fill('2028')
    await page.getByLabel('Annual cost (optional)').selectOption({ label: '£500,000 to £999,999' })
    await page.getByLabel('Yes, other authorities may see that we run it').check()
    await screenshot(page, 'estate-form')
    await press(page, 'Add system')

    // Back on the register, the system is a row of the table, as it was entered.
    expect(pathname(page)).toBe('/estate')
    const table = page.locator('table#entries')
    expect(await table.locator('caption').innerText()).toBe('1 system')
    const row = table.locator('tbody tr').first()
    const cells = await row.locator('> *').evaluateAll(cs => cs.map(c => (c as HTMLElement).innerText.trim()))
    expect(cells.slice(0, 6)).toEqual([
      CATEGORY_NAME,
      `${PRODUCT}\n${SUPPLIER}`,
      'Software as a service',
      '31 March 2028',
      '£500,000 to £999,999',
      'Yes',
    ])
    await expectAxeClean(page)
    await screenshot(page, 'estate-register')

    // The system's own page links to its ratings against each published standard.
    await Promise.all([page.waitForEvent('load'), row.getByRole('link', { name: /^Change/ }).click()])
    expect(await page.locator('h1').innerText()).toBe(`${PRODUCT}: ${CATEGORY_NAME}`)
    await follow(page, 'Rate it against the Local Government Digital Service Standard (version 1)')
    expect(pathname(page)).toMatch(/^\/estate\/entries\/\d+\/ratings\/lgdss\/1$/)
    const fieldsets = page.locator('main form fieldset')
    expect(await fieldsets.count()).toBe(15)
    await expectAxeClean(page)

    const openStandards = page.getByRole('group', { name: /Use open standards and share/ })
    const userNeeds = page.getByRole('group', { name: /Understand user needs/ })
    const testing = page.getByRole('group', { name: /Test end to end/ })
    expect(await openStandards.getByLabel('Not assessed').isChecked()).toBe(true)
    await openStandards.getByLabel('Does not meet').check()
    await userNeeds.getByLabel('Meets', { exact: true }).check()
    await testing.getByLabel('Partly meets').check()
    await page
      .getByLabel('Evidence (optional)')
      .fill('Supplier’s statement of March 2026; the export is a closed format.')
    await press(page, 'Save ratings')
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Ratings saved')

    // What was saved is what the form shows when the page is opened again.
    await page.reload()
    expect(await openStandards.getByLabel('Does not meet').isChecked()).toBe(true)
    expect(await userNeeds.getByLabel('Meets', { exact: true }).isChecked()).toBe(true)
    expect(await testing.getByLabel('Partly meets').isChecked()).toBe(true)
    expect(
      await page
        .getByRole('group', { name: /Keep it consistent/ })
        .getByLabel('Not assessed')
        .isChecked(),
    ).toBe(true)
    expect(await openStandards.innerText()).toContain('Rated does not meet since 27 November 2026')
    expect(await page.getByRole('group', { name: /Keep it consistent/ }).innerText()).toContain('Not assessed yet')
    expect(await page.getByLabel('Evidence (optional)').inputValue()).toContain('the export is a closed format')
    expect(await page.locator('main').innerText()).toContain('Last saved')
    await expectAxeClean(page)
    await screenshot(page, 'estate-ratings')
    await screenshotOf(openStandards, 'estate-ratings-point')
  },
  TEST_TIMEOUT,
)

it(
  'an analyst sees the product’s scorecard take a position once enough authorities rate it, and where it runs',
  async () => {
    const page = await e2e.newPage()
    await page.setViewportSize({ width: 1280, height: 900 })
    await signIn(page, analystEmail)
    await follow(page, 'Estate')
    await follow(page, 'Product catalogue, with each product’s scorecard against a standard')
    expect(pathname(page)).toBe('/estate/products')
    await follow(page, PRODUCT)
    expect(pathname(page)).toBe(`/estate/products/${productId}`)
    expect(await page.locator('h1').innerText()).toBe(PRODUCT)

    // Hackney alone has rated it: the counts show, but London takes no position on one rating.
    const facts = page.locator('.app-scorecard__facts')
    expect(await facts.innerText()).toMatch(/Authorities running it\s+1: Hackney/)
    expect(await page.getByTestId('raters-note').innerText()).toMatch(/^1 authority has rated it/)
    expect(await pointRow(page, OPEN_STANDARDS)).toEqual([
      '7. Use open standards and share',
      '0',
      '0',
      '1',
      '0',
      'Too few ratings',
    ])
    expect((await pointRow(page, 'user-needs')).slice(1)).toEqual(['1', '0', '0', '0', 'Too few ratings'])

    // Three more authorities run it; two say it does not meet open standards, one that it partly meets.
    const t = e2e.testApp
    const lgdss = await t.db
      .knex('standard_versions')
      .where({ standard_key: 'lgdss', version: 1 })
      .first<{ id: number; definition: string | { points: { key: string }[] } }>('id', 'definition')
    const definition = typeof lgdss.definition === 'string' ? JSON.parse(lgdss.definition) : lgdss.definition
    // As the ratings form saves them: every point, those not chosen as not assessed.
    const unrated = Object.fromEntries(
      (definition as { points: { key: string }[] }).points.map(p => [p.key, 'not_assessed' as const]),
    )
    const others: [string, 'does_not_meet' | 'partly'][] = [
      ['camden', 'does_not_meet'],
      ['islington', 'does_not_meet'],
      ['southwark', 'partly'],
    ]
    for (const [slug, rating] of others) {
      const entry = await rows.entry(slug, productId, { contractEnd: '2027-06-30', shareable: slug !== 'southwark' })
      await rows.rate(entry, lgdss.id, { ...unrated, [OPEN_STANDARDS]: rating, 'user-needs': 'meets' })
    }
    await page.reload()
    expect(await facts.innerText()).toMatch(/Authorities running it\s+4: Camden, Hackney, Islington and Southwark/)
    expect(await page.getByTestId('raters-note').innerText()).toMatch(/^4 authorities have rated it/)
    expect(await pointRow(page, OPEN_STANDARDS)).toEqual([
      '7. Use open standards and share',
      '0',
      '1',
      '3',
      '0',
      'Does not meet',
    ])
    expect((await pointRow(page, 'user-needs')).slice(1)).toEqual(['4', '0', '0', '0', 'Meets'])
    expect((await pointRow(page, 'end-to-end-testing')).slice(1)).toEqual(['0', '1', '0', '3', 'Too few ratings'])
    await expectAxeClean(page)
    await screenshot(page, 'estate-scorecard')

    // At 320 px (a phone, or 400% zoom) the scorecard reflows: nothing makes the page scroll sideways.
    await page.setViewportSize({ width: 320, height: 900 })
    await page.reload()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
    await screenshot(page, 'estate-scorecard-320')
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.reload()

    // Supplier concentration for the kind of system: 4 of 5 authorities from one supplier.
    await follow(page, 'Supplier concentration')
    expect(pathname(page)).toBe('/estate/concentration')
    expect(new URL(page.url()).searchParams.get('category')).toBe(CATEGORY)
    const section = page.locator(`section[data-category="${CATEGORY}"]`)
    expect(await section.locator('h2').innerText()).toBe(CATEGORY_NAME)
    expect(await section.getByTestId('hhi').innerText()).toBe('Index: 6,800, highly concentrated (the line is 2,500)')
    // The table's caption counts; the index is said once, above it.
    expect(await section.locator('caption').innerText()).toBe(
      '5 authorities run a system of this kind from 2 suppliers',
    )
    const supplierRow = section.locator('tbody tr', { hasText: SUPPLIER })
    expect(await supplierRow.locator('> *').evaluateAll(cs => cs.slice(0, 3).map(c => c.textContent.trim()))).toEqual([
      SUPPLIER,
      '4',
      '80%',
    ])
    expect(await section.locator('tbody tr', { hasText: RIVAL_SUPPLIER }).count()).toBe(1)
    await expectAxeClean(page)
    await screenshot(page, 'estate-concentration')

    // The map of who runs what: Hackney's tile and its row in the table name the product.
    await page.goBack()
    await follow(page, 'Who runs what of this kind')
    expect(pathname(page)).toBe('/estate/map')
    expect(await page.locator('h1').innerText()).toBe(`Who runs what: ${CATEGORY_NAME}`)
    expect(await page.getByTestId('map-summary').innerText()).toBe(
      '5 of 33 authorities have a system of this kind on their register, running 2 products.',
    )
    const tiles = await page
      .locator('g.app-map-tile')
      .evaluateAll(gs => gs.map(g => g.querySelector('title')!.textContent.trim()))
    expect(tiles).toContain(`Hackney: ${PRODUCT}`)
    expect(tiles).toContain(`Lambeth: ${RIVAL}`)
    expect(
      await page
        .getByTestId('legend')
        .locator('li')
        .evaluateAll(lis => lis.map(li => li.textContent.trim())),
    ).toEqual([`A: ${PRODUCT} (${SUPPLIER}), 4 authorities`, `B: ${RIVAL} (${RIVAL_SUPPLIER}), 1 authority`])
    const hackneyRow = page.locator('#estate-map-table tbody tr', { hasText: 'Hackney' })
    expect(await hackneyRow.locator('> *').evaluateAll(cs => cs.slice(0, 3).map(c => c.textContent.trim()))).toEqual([
      'Hackney',
      PRODUCT,
      SUPPLIER,
    ])
    await expectAxeClean(page)
    await screenshot(page, 'estate-map')
  },
  TEST_TIMEOUT,
)
