import type { Express } from 'express'
import request from 'supertest'
import pino from 'pino'
import { createApp } from '../../src/app'
import { loadConfig, type Config } from '../../src/config'
import { createRepositories, type Repositories } from '../../src/data'
import type { Database } from '../../src/db/database'
import type { Role } from '../../src/domain/roles'
import { createServices, type Services } from '../../src/services'
import { hashPassword } from '../../src/services/account/passwords'
import { createTestDatabase } from './test-database'

export const PASSWORD = 'correct horse battery staple'

/** A clock the tests move by hand, so lockouts and timeouts are tested without waiting. */
export function testClock(start = new Date('2026-11-27T10:00:00Z')) {
  let now = start.getTime()
  const clock = () => new Date(now)
  clock.advance = (ms: number) => {
    now += ms
  }
  return clock
}

export interface TestApp {
  app: Express
  config: Config
  db: Database & { url?: string }
  repos: Repositories
  services: Services
  clock: ReturnType<typeof testClock>
  createUser(
    role: Role,
    options?: { organisation?: string; email?: string; disabled?: boolean },
  ): Promise<{ id: number; email: string }>
  close(): Promise<void>
}

let sequence = 0

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase()
  const clock = testClock()
  const repos = createRepositories(db.knex, db.changes)
  // Demo mode only where a test asks for it: test databases hold no demo accounts.
  const config = loadConfig({ NODE_ENV: 'test', DEMO_DATA: '0', ...env })
  const services = createServices(repos, clock, { disclosureMinimum: config.disclosureMinimum })
  await services.seed.seedReferenceData()
  await services.seed.seedQuestionnaires()
  await services.standards.seed()
  const app = createApp({ config, services, logger: pino({ level: 'silent' }) })
  const passwordHash = await hashPassword(PASSWORD)
  return {
    app,
    config,
    db,
    repos,
    services,
    clock,
    async createUser(role, options = {}) {
      const slug = options.organisation ?? (role === 'respondent' ? 'hackney' : undefined)
      const organisation = slug ? await repos.organisations.findBySlug(slug) : undefined
      const email = options.email ?? `${role}-${++sequence}@test.local`
      const id = await repos.users.create(
        { email, name: `Test ${role} ${sequence}`, role, organisationId: organisation?.id ?? null },
        passwordHash,
      )
      if (options.disabled) await repos.users.setDisabled(id, clock())
      return { id, email }
    },
    close: () => db.close(),
  }
}

/** The CSRF token from a page's form or meta tag. */
export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html) ?? /<meta name="csrf-token" content="([^"]+)"/.exec(html)
  if (!match?.[1]) throw new Error('no CSRF token on the page')
  return match[1]
}

export type Agent = ReturnType<typeof request.agent>

/** Signs in through the real form, as a person would; returns the agent and a fresh CSRF token. */
export async function signIn(
  app: Express,
  email: string,
  password = PASSWORD,
): Promise<{ agent: Agent; csrf: string; cookie: string }> {
  const agent = request.agent(app)
  const login = await agent.get('/login')
  const response = await agent
    .post('/login')
    .type('form')
    .send({ _csrf: csrfFrom(login.text), email, password })
  if (response.status !== 302) throw new Error(`sign-in as ${email} failed with ${response.status}`)
  const home = await agent.get('/')
  return { agent, csrf: csrfFrom(home.text), cookie: sessionCookieFrom(response) }
}

/**
 * The session cookie a response sets, as a request sends it back (`ldm.sid=…`). The cookie lasts as long
 * as the browser session, so it is set when a session begins or changes id (a sign-in), not on every page.
 */
export function sessionCookieFrom(response: request.Response): string {
  const cookies = ([] as string[]).concat((response.headers['set-cookie'] as string[] | string | undefined) ?? [])
  return cookies.find(c => c.startsWith('ldm.sid='))?.split(';')[0] ?? ''
}
