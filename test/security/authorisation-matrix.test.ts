/**
 * Every route × every caller × (where the path names something owned) the caller's own and someone else's,
 * each against the status its declaration promises. test/integration/route-guard.test.ts checks the role
 * guard alone, with ids that belong to no one, on both databases; this builds on it with real resources of
 * two organisations, so the own/other rule is held to as well. The routes come from the route table, so
 * a new route is in the matrix the moment it is declared, and fails it until the suite can fill its path.
 */
import type { Response } from 'supertest'
import { allows, allRoutes, describeRoute, type RouteSummary } from '../support/routes'
import { entryJson } from '../support/pipeline'
import { estateJson } from '../support/estate'
import { fillPath, ownedBy, teachMe, unknownParameters, type OwnedKind, type Ownership } from './support/parameters'
import {
  buildWorld,
  CALLERS,
  OTHER_NAME,
  sessionFor,
  sessionsFor,
  type Caller,
  type Session,
  type World,
} from './support/world'

/** What the guard says to a role the route does not allow; a 403 for any other reason says something else. */
const GUARD_MESSAGE = 'You do not have permission to see this'
const OWN_ORGANISATION_ONLY = 'You can only see your own organisation’s pages.'

type Expected =
  | { outcome: 'sign in' }
  | { outcome: 'refused'; status: 401 | 403 | 404; because: string }
  | { outcome: 'allowed'; found: boolean }

/** The promise, from the route's declared roles and the documented own/other rule, and nothing else. */
function expected(route: RouteSummary, caller: Caller, ownership?: Ownership, owned?: OwnedKind): Expected {
  if (caller === 'signed-out') {
    if (route.access === 'public') return { outcome: 'allowed', found: false }
    if (route.method === 'get' && !route.path.startsWith('/api/')) return { outcome: 'sign in' }
    return { outcome: 'refused', status: 401, because: 'not signed in' }
  }
  if (!allows(route, caller)) return { outcome: 'refused', status: 403, because: 'role not declared' }
  if (ownership === 'other') {
    if (owned === 'token') return { outcome: 'refused', status: 404, because: 'someone else’s token' }
    if (caller === 'respondent' && owned === 'resource')
      return { outcome: 'refused', status: 404, because: 'another organisation’s' }
    if (caller === 'respondent' && owned === 'organisation')
      return { outcome: 'refused', status: 403, because: 'another organisation’s page' }
  }
  return { outcome: 'allowed', found: ownership !== undefined }
}

const WHOSE: Record<OwnedKind, Record<Ownership, string>> = {
  resource: { own: 'their organisation’s resource', other: 'another organisation’s resource' },
  organisation: { own: 'their organisation', other: 'another organisation' },
  token: { own: 'their own token', other: 'another person’s token' },
}

const label = (e: Expected): string =>
  e.outcome === 'sign in'
    ? '302 to sign in'
    : e.outcome === 'refused'
      ? `${e.status} (${e.because})`
      : `allowed${e.found ? ', found' : ''}`

/**
 * Bodies for the routes whose handlers check the body before they look the resource up: each carries a
 * revision that is out of date, so the caller's own resource answers 409 and nothing is written, while
 * someone else's must still be 404. Every other route is sent an empty body.
 */
const BODIES: Record<string, Record<string, unknown>> = {
  'put /api/v1/pipeline/:id': { ...entryJson(), revision: 999 },
  'delete /api/v1/pipeline/:id': { revision: 999 },
  // A product no catalogue has: the caller's own entry answers 422 and nothing is written.
  'put /api/v1/estate/:id': { ...estateJson(999_999), revision: 999 },
  'delete /api/v1/estate/:id': { revision: 999 },
  'put /api/v1/assessments/:id/answers/:questionKey': { level: 1, revision: 999 },
  'put /api/v1/assessments/:id/moderation/:questionKey': { level: 1, revision: 999 },
}

/** Routes that end the session they are sent in: each is sent in a session of its own. */
const ENDS_SESSION = new Set(['post /logout'])

let world: World
let sessions: Map<Caller, Session>

beforeAll(async () => {
  world = await buildWorld()
  sessions = await sessionsFor(world)
})
afterAll(() => world.t.close())

async function send(route: RouteSummary, caller: Caller, path: string): Promise<Response> {
  const key = `${route.method} ${route.path}`
  const { agent, csrf } = ENDS_SESSION.has(key) ? await sessionFor(world, caller) : sessions.get(caller)!
  // JSON errors carry the message, so a refusal by the guard can be told from one by the service.
  const call = agent[route.method](path).set('Accept', 'application/json')
  if (route.method === 'get') return call
  const body = BODIES[key]
  call.set('X-CSRF-Token', csrf)
  return body ? call.send(body) : call
}

const message = (response: Response): string => {
  const body = response.body as { message?: unknown } | undefined
  return typeof body?.message === 'string' ? body.message : response.text
}

const routes = allRoutes()

describe('the suite can reach every route', () => {
  it('has the routes built so far', () => {
    expect(routes.length).toBeGreaterThanOrEqual(100)
  })

  it('knows how to fill every path parameter (teach it about a new one)', () => {
    expect(routes.filter(r => unknownParameters(r).length > 0).map(r => teachMe(r, unknownParameters(r)))).toEqual([])
  })
})

describe.each(routes.map(r => ({ ...r, name: describeRoute(r) })))('$name', route => {
  const owned = ownedBy(route)
  const cases = CALLERS.flatMap(caller =>
    (owned ? (['own', 'other'] as const) : [undefined]).map(ownership => {
      const promise = expected(route, caller, ownership, owned)
      const whose = ownership && owned ? ` on ${WHOSE[owned][ownership]}` : ''
      return { caller, ownership, promise, name: `${caller}${whose}: ${label(promise)}` }
    }),
  )

  it.each(cases)('$name', async ({ caller, ownership, promise }) => {
    const path = fillPath(route, world, caller, ownership)
    const response = await send(route, caller, path)
    const seen = `${describeRoute(route)} as ${caller} (${path}) answered ${response.status}: ${message(response).slice(0, 200)}`
    switch (promise.outcome) {
      case 'sign in':
        expect([seen, response.status, response.headers.location]).toEqual([
          seen,
          302,
          `/login?returnTo=${encodeURIComponent(path)}`,
        ])
        break
      case 'refused':
        expect([seen, response.status]).toEqual([seen, promise.status])
        if (promise.status === 403 && promise.because === 'role not declared')
          expect(message(response)).toBe(GUARD_MESSAGE)
        if (promise.because === 'another organisation’s page') expect(message(response)).toBe(OWN_ORGANISATION_ONLY)
        // Refused, and told nothing about what is there: not even whose it is.
        expect(response.text).not.toContain(OTHER_NAME)
        break
      case 'allowed': {
        const refusedByGuard = response.status === 403 && message(response) === GUARD_MESSAGE
        const problem =
          response.status >= 500
            ? 'a server error'
            : response.status === 401
              ? 'asked to sign in'
              : refusedByGuard
                ? 'refused by the role guard'
                : promise.found && response.status === 404
                  ? 'told it is not there'
                  : undefined
        expect([seen, problem]).toEqual([seen, undefined])
      }
    }
  })
})
