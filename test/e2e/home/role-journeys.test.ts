import type { Page } from 'playwright-core'
import type { Role } from '../../../src/domain/roles'
import { allRoutes, allows } from '../../support/routes'
import { assessmentOf, createRound } from '../../support/rounds'
import { fillAssessment } from '../../support/results'
import { plantClusters } from '../../support/planted-clusters'
import { plantEstate } from '../../support/planted-estate'
import { plantPipeline } from '../../support/planted-pipeline'
import { signIn as signInAgent } from '../../support/test-app'
import { createToken } from '../../support/tokens'
import { validDefinition } from '../../support/definitions'
import { startE2eApp, type E2eApp } from '../support/browser'
import { signIn } from '../support/sign-in'
import { axeViolations, explain } from '../support/axe'

/** Building the app's database and launching Chromium can be slow on a busy machine. */
const START_TIMEOUT = 180_000

/**
 * Pages a role may open that no link leads to, each for a reason a person would accept. Everything else
 * the route table lets a role GET must be reached from its home by following links.
 */
const NOT_LINKED: Record<string, string> = {
  '/login': 'the sign-in page, shown to people who are signed out',
  '/invitations/:token': 'reached from the invitation email',
  '/assessments/:id/submitted': 'the confirmation shown once, after handing an assessment in',
}

/**
 * How many addresses of one pattern are opened: enough to find the links that differ between, say, a
 * moderation under way and one waiting, without walking all 33 boroughs' pages.
 */
const OPENED_PER_PATTERN = 40

/** Machine interfaces, not pages: the API is documented at its own address and used with a token. */
const isApi = (path: string): boolean => path.startsWith('/api/')

/** The route pattern an address matches, as Express would choose it: the first in the table. */
function patternMatcher(patterns: readonly string[]): (path: string) => string | undefined {
  const compiled = patterns.map(p => ({
    pattern: p,
    regex: new RegExp(`^${p.replace(/[.]/g, '\\.').replace(/:\w+/g, '[^/]+')}/?$`, 'i'),
  }))
  return path => compiled.find(c => c.regex.test(path))?.pattern
}

/** The addresses of the links on a page, inside the service, without their fragment. */
function linksIn(html: string): string[] {
  const hrefs = [...html.matchAll(/<a\b[^>]*?\bhref="([^"]*)"/g)].map(m => m[1]!.replace(/&amp;/g, '&'))
  return hrefs.filter(h => h.startsWith('/') && !h.startsWith('//')).map(h => h.split('#')[0]!)
}

/**
 * Follows every link from the home page, breadth first, as the signed-in browser tab, and returns each
 * page pattern reached with the first address that reached it. Each pattern is opened at most
 * OPENED_PER_PATTERN times.
 */
async function walk(page: Page, matchOf: (path: string) => string | undefined) {
  const reached = new Map<string, string>()
  const opened = new Map<string, number>()
  const failures: string[] = []
  const seen = new Set<string>(['/'])
  const queue = [{ address: '/', from: 'sign-in' }]
  const follow = (link: string, from: string) => {
    if (seen.has(link)) return
    seen.add(link)
    queue.push({ address: link, from })
  }
  while (queue.length > 0) {
    const { address, from } = queue.shift()!
    const pattern = matchOf(address.split('?')[0]!)
    if (!pattern) {
      failures.push(`${address} (linked from ${from}): no page has this address`)
      continue
    }
    if (!reached.has(pattern)) reached.set(pattern, address)
    const times = opened.get(pattern) ?? 0
    if (times >= OPENED_PER_PATTERN) continue
    opened.set(pattern, times + 1)
    const response = await page.request.get(address, { maxRedirects: 0 })
    const location = response.headers().location
    // A page that picks where to go (Insights picks its round) sends the browser on: follow it.
    if ([302, 303].includes(response.status()) && location?.startsWith('/')) follow(location, address)
    else if (response.status() !== 200) failures.push(`${address} (linked from ${from}): answered ${response.status()}`)
    if (!(response.headers()['content-type'] ?? '').startsWith('text/html')) continue
    for (const link of linksIn(await response.text())) follow(link, address)
  }
  return { reached, failures }
}

describe('every page a role uses is reached from its home by following links, fits a 320 px screen and passes axe', () => {
  let e2e: E2eApp | undefined
  const emails = {} as Record<Role, string>

  beforeAll(async () => {
    e2e = await startE2eApp()
    const t = e2e.testApp
    const { roundId } = await plantClusters(t)
    await t.repos.rounds.close(roundId, t.services.clock())
    await plantPipeline(t)
    await plantEstate(t)
    // Opened after London 2026, so Hackney is offered last round's answers; Camden and Brent have handed in.
    const open = await createRound(t, {
      name: 'Pilot 2027',
      opensOn: '2026-11-20',
      organisations: ['camden', 'hackney', 'brent'],
    })
    await fillAssessment(t, await assessmentOf(t, open, 'camden'), () => 2)
    await fillAssessment(t, await assessmentOf(t, open, 'brent'), () => 3)
    await fillAssessment(t, await assessmentOf(t, open, 'hackney'), (_q, i) => (i < 3 ? 2 : null), {
      state: 'in_progress',
    })
    // A round on version 3, which asks about spend, so Hackney's report leads to its spend against London.
    const trial = await createRound(t, { name: 'Version 3 trial', version: 3, organisations: ['hackney'] })
    await fillAssessment(t, await assessmentOf(t, trial, 'hackney'), (_q, i) => (i < 3 ? 2 : null), {
      state: 'in_progress',
      version: 3,
    })
    // A round not yet open (it may be cancelled) and a questionnaire in draft (it may be published).
    await createRound(t, { name: 'Spring 2027', opensOn: '2027-03-01', closesOn: '2027-04-30' })
    await t.services.questionnaires.upload(validDefinition({ key: 'draft-questionnaire' }), null)
    for (const role of ['analyst', 'assessor', 'admin'] as const) {
      const { id, email } = await t.createUser(role)
      emails[role] = email
      // Each moderator has a moderation under way, with its pages to return or complete it.
      if (role !== 'analyst') {
        const user = (await t.repos.users.findById(id))!
        await t.services.moderation.open(user, await assessmentOf(t, open, role === 'assessor' ? 'camden' : 'brent'))
      }
    }
    emails.respondent = (await t.createUser('respondent', { organisation: 'hackney' })).email
    // Each person has an API token, so the pages that list and revoke tokens have one to show.
    for (const email of Object.values(emails)) {
      const { agent } = await signInAgent(t.app, email)
      await createToken(agent)
    }
  }, START_TIMEOUT)

  afterAll(async () => {
    await e2e?.close()
  })

  for (const role of ['respondent', 'assessor', 'analyst', 'admin'] as const) {
    it(`walks the ${role} from home to every page they may open`, async () => {
      const routes = allRoutes().filter(r => r.method === 'get')
      const matchOf = patternMatcher(routes.map(r => r.path))
      const page = await e2e!.newPage()
      await signIn(page, emails[role])
      const { reached, failures } = await walk(page, matchOf)
      // Axe checks each page at a desktop width and at 320 CSS pixels, where (WCAG 1.4.10) no page may
      // scroll sideways as a whole: wide tables and pictures scroll inside their own regions.
      const wide: string[] = []
      const violations: string[] = []
      const noCount: string[] = []
      for (const [pattern, address] of reached) {
        if (/\.(csv|xlsx|json)$/.test(pattern) || isApi(pattern)) continue
        for (const width of [1280, 320]) {
          await page.setViewportSize({ width, height: width === 320 ? 640 : 800 })
          await page.goto(address)
          for (const v of await axeViolations(page)) violations.push(explain(`${address} at ${width}px`, v))
          if (width !== 320) {
            // Every limited text box says its limit as people type (GOV.UK character count); the pasted
            // questionnaire is limited by its size in bytes, which the upload page states.
            const uncounted = await page.$$eval('textarea', boxes =>
              boxes
                .filter(box => box.name !== 'definition' && !box.closest('[data-module="govuk-character-count"]'))
                .map(box => box.name),
            )
            for (const name of uncounted) noCount.push(`${address}: ${name}`)
            continue
          }
          const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
          if (scrollWidth > 320) wide.push(`${address}: ${scrollWidth}px`)
        }
      }
      await page.close()

      expect(failures).toEqual([])
      const expected = routes
        .filter(r => r.access !== 'public' && allows(r, role) && !isApi(r.path) && !(r.path in NOT_LINKED))
        .map(r => r.path)
      const unreached = expected.filter(path => !reached.has(path))
      // All at once, so one run says every page that cannot be reached, too wide for a phone or failing axe.
      expect({ role, unreached, wide, violations, noCount }).toEqual({
        role,
        unreached: [],
        wide: [],
        violations: [],
        noCount: [],
      })
      // The walk proves something only if it went deep: each role has well over a handful of pages.
      expect(reached.size).toBeGreaterThan(8)
    }, 480_000)
  }
})
