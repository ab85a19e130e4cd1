import type { Page } from 'playwright-core'
import type { Role } from '../../src/domain/roles'
import { expectAxeClean } from './support/axe'
import { startE2eApp, type E2eApp } from './support/browser'
import { screenshot } from './support/screenshot'
import { signIn, submitSignIn } from './support/sign-in'

type Who = 'admin' | 'analyst' | 'respondent' | 'visitor'

interface PageCheck {
  name: string
  /** Opens the page to check, with a tab for each kind of visitor. */
  open(pages: Record<Who, Page>): Promise<Page>
  screenshot?: string
}

const ERROR_SUMMARY = { name: 'There is a problem' }
/** Building the app's database and launching Chromium can be slow on a busy machine. */
const START_TIMEOUT = 120_000

async function visit(page: Page, path: string, status = 200): Promise<Page> {
  const response = await page.goto(path)
  expect(response?.status()).toBe(status)
  return page
}

/** Submits a form by its button and waits for the page the server sends back. */
async function submit(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: button }).click()])
}

/** Invites a user through the admin form, as an admin would, and returns the link shown on the page. */
async function invite(page: Page, name: string, email: string): Promise<string> {
  await visit(page, '/admin/users/new')
  await page.getByLabel('Full name').fill(name)
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('LOTI analyst').check()
  await submit(page, 'Invite user')
  await page.getByRole('heading', { name: 'User invited' }).waitFor()
  return page.locator('.app-invitation-link code').innerText()
}

const PAGES: PageCheck[] = [
  { name: '/organisations', open: ({ analyst }) => visit(analyst, '/organisations') },
  { name: '/organisations/hackney as an analyst', open: ({ analyst }) => visit(analyst, '/organisations/hackney') },
  { name: '/admin/users', open: ({ admin }) => visit(admin, '/admin/users'), screenshot: 'admin-users' },
  { name: '/admin/users/new', open: ({ admin }) => visit(admin, '/admin/users/new') },
  {
    name: 'the invite form submitted empty',
    screenshot: 'invite-form-errors',
    async open({ admin }) {
      await visit(admin, '/admin/users/new')
      await submit(admin, 'Invite user')
      await admin.getByRole('alert').filter({ hasText: ERROR_SUMMARY.name }).waitFor()
      return admin
    },
  },
  {
    name: 'the invitation page shown after inviting a user',
    async open({ admin }) {
      await invite(admin, 'Ada Lovelace', 'ada@test.local')
      return admin
    },
  },
  { name: '/admin/partnerships', open: ({ admin }) => visit(admin, '/admin/partnerships') },
  {
    name: '/admin/partnerships/new',
    open: ({ admin }) => visit(admin, '/admin/partnerships/new'),
    screenshot: 'partnership-form',
  },
  {
    name: 'the partnership form submitted with errors',
    screenshot: 'partnership-form-errors',
    async open({ admin }) {
      await visit(admin, '/admin/partnerships/new')
      await admin.getByLabel('Hackney').check()
      await submit(admin, 'Add partnership')
      await admin.getByRole('alert').filter({ hasText: 'Select at least 2 member organisations' }).waitFor()
      return admin
    },
  },
  { name: '/accessibility', open: ({ visitor }) => visit(visitor, '/accessibility') },
  {
    name: 'a 404 page',
    screenshot: '404',
    async open({ admin }) {
      await visit(admin, '/no-such-page', 404)
      await admin.getByRole('heading', { name: 'Page not found' }).waitFor()
      return admin
    },
  },
  {
    name: 'the 403 page a respondent sees at /organisations/camden',
    screenshot: '403',
    async open({ respondent }) {
      await visit(respondent, '/organisations/camden', 403)
      await respondent.getByRole('heading', { name: 'You do not have permission to see this' }).waitFor()
      return respondent
    },
  },
  {
    name: 'the set-password page from an invitation an admin made',
    screenshot: 'set-password',
    async open({ admin, visitor }) {
      // The link names the service's public address (PUBLIC_URL); this test's server listens elsewhere.
      const link = new URL(await invite(admin, 'Grace Hopper', 'grace@test.local'))
      expect(link.origin).toBe('http://localhost:3000')
      await visit(visitor, link.pathname)
      await visitor.getByRole('heading', { name: 'Set your password' }).waitFor()
      return visitor
    },
  },
]

describe('the foundation, in a real browser', () => {
  let e2e: E2eApp | undefined
  const emails = new Map<Role, string>()

  const app = (): E2eApp => {
    if (!e2e) throw new Error('the app did not start')
    return e2e
  }

  async function signedIn(role: Role): Promise<Page> {
    const page = await app().newPage()
    await signIn(page, emails.get(role)!)
    return page
  }

  beforeAll(async () => {
    e2e = await startE2eApp()
    for (const role of ['respondent', 'assessor', 'analyst', 'admin'] as const) {
      emails.set(role, (await e2e.testApp.createUser(role)).email)
    }
  }, START_TIMEOUT)

  afterAll(async () => {
    await e2e?.close()
  })

  test('the sign-in page is axe-clean, and a wrong password shows the error summary', async () => {
    const page = await app().newPage()
    await visit(page, '/login')
    await screenshot(page, 'login')
    await expectAxeClean(page)

    await submitSignIn(page, emails.get('admin')!, 'not the right password')
    const summary = page.getByRole('alert').filter({ hasText: ERROR_SUMMARY.name })
    await summary.waitFor()
    expect(await summary.innerText()).toContain('Enter a correct email address and password')
    expect(await page.title()).toMatch(/^Error: /)
    await screenshot(page, 'login-error')
    await expectAxeClean(page)
  })

  test('a respondent of Hackney signs in and lands on their council’s home page', async () => {
    const page = await signedIn('respondent')
    expect(await page.locator('main').innerText()).toContain('London Borough of Hackney')
    await screenshot(page, 'respondent-home')
    await expectAxeClean(page)
  })

  const HOME_HEADINGS = {
    analyst: 'London’s digital maturity',
    assessor: 'Your moderation work',
    admin: 'Administration',
  }

  test.each(['analyst', 'assessor', 'admin'] as const)(
    'an %s signs in to their own home, and reaches the table of 33 organisations from the navigation',
    async role => {
      const page = await signedIn(role)
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(HOME_HEADINGS[role])
      await Promise.all([
        page.waitForEvent('load'),
        page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Organisations' }).click(),
      ])
      const table = page.getByRole('table', { name: '33 organisations' })
      await table.waitFor()
      expect(await table.locator('tbody tr').count()).toBe(33)
      await screenshot(page, `central-home-${role}`)
      await expectAxeClean(page)
    },
  )

  describe('every page so far is axe-clean', () => {
    let pages: Record<Who, Page>

    beforeAll(async () => {
      const [admin, analyst, respondent, visitor] = await Promise.all([
        signedIn('admin'),
        signedIn('analyst'),
        signedIn('respondent'),
        app().newPage(),
      ])
      pages = { admin, analyst, respondent, visitor }
    })

    test.each(PAGES)('$name', async check => {
      const page = await check.open(pages)
      if (check.screenshot) await screenshot(page, check.screenshot)
      await expectAxeClean(page)
    })
  })

  test('“Sign out” in the header signs out and returns to the sign-in page', async () => {
    const page = await signedIn('analyst')
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(url => url.pathname === '/login')
    await page.getByText('You have signed out.').waitFor()
    await expectAxeClean(page)

    await page.goto('/')
    expect(new URL(page.url()).pathname).toBe('/login')
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
  })
})

describe('the session-timeout warning, in a real browser', () => {
  let e2e: E2eApp | undefined

  beforeAll(async () => {
    e2e = await startE2eApp({ SESSION_IDLE_MINUTES: '2', SESSION_WARNING_MINUTES: '1' })
  }, START_TIMEOUT)

  afterAll(async () => {
    await e2e?.close()
  })

  test('warns a minute before the session ends, and “Stay signed in” keeps it going', async () => {
    if (!e2e) throw new Error('the app did not start')
    const { email } = await e2e.testApp.createUser('analyst')
    const page = await e2e.newPage()
    await page.clock.install()
    await signIn(page, email)
    const dialog = page.getByRole('dialog', { name: 'You’re about to be signed out' })
    expect(await dialog.isVisible()).toBe(false)

    await page.clock.fastForward(61_000)
    await dialog.waitFor({ state: 'visible' })
    expect(await dialog.innerText()).toMatch(/sign you out in \d+ seconds/)
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Stay signed in')
    await screenshot(page, 'session-timeout')
    await expectAxeClean(page)

    const keptAlive = page.waitForResponse(response => response.url().endsWith('/session/keep-alive'))
    await dialog.getByRole('button', { name: 'Stay signed in' }).click()
    expect((await keptAlive).status()).toBe(204)
    await dialog.waitFor({ state: 'hidden' })
  })
})
