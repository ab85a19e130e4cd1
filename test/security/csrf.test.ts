/**
 * Every state-changing route in the route table, as every caller that may use it, refuses a request that
 * does not carry the session's CSRF token, and writes nothing. Each is sent a body it would accept, so the
 * missing token is the only thing wrong. test/integration/csrf.test.ts (also run by this suite) shows the
 * token is accepted as a form field or a header, and what the refusal says.
 */
import type { Response } from 'supertest'
import { allRoutes, allows, describeRoute, isStateChanging } from '../support/routes'
import { fingerprint } from './support/database'
import { INPUTS, type Prepared, type Run } from './support/inputs'
import { fillPath } from './support/parameters'
import { sendBody } from './support/send'
import { buildWorld, CALLERS, sessionFor, type Caller, type Session, type World } from './support/world'

const EXPIRED = 'This form has expired or did not come from this service'

let world: World
let sequence = 0
const sessions = new Map<Caller, Promise<Session>>()

beforeAll(async () => {
  world = await buildWorld()
})
afterAll(() => world.t.close())

const run = (): Run => ({
  world,
  session: caller => {
    if (!sessions.has(caller)) sessions.set(caller, sessionFor(world, caller))
    return sessions.get(caller)!
  },
  next: () => ++sequence,
})

const refusedAsForged = (response: Response): boolean =>
  response.status === 403 &&
  ((response.body as { error?: string } | undefined)?.error === 'csrf' || response.text.includes(EXPIRED))

const routes = allRoutes().filter(isStateChanging)
const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`

const cases = routes.flatMap(route =>
  CALLERS.filter(caller => (caller === 'signed-out' ? route.access === 'public' : allows(route, caller))).map(
    caller => ({ route, caller, name: `${describeRoute(route)} as ${caller}` }),
  ),
)

it('covers every state-changing route, each as every caller that may use it', () => {
  expect(new Set(cases.map(c => key(c.route)))).toEqual(new Set(routes.map(key)))
  expect(routes.filter(r => !INPUTS[key(r)]).map(describeRoute)).toEqual([])
})

describe.each(cases)('$name', ({ route, caller }) => {
  it.each([
    ['no token', (_s: Session, _other: Session) => false as const],
    ['the token of another session', (_s: Session, other: Session) => other.csrf],
  ])('with %s: 403, and nothing written', async (_label, token) => {
    const spec = INPUTS[key(route)]!
    const r = run()
    const made = (await spec.prepare?.(r)) ?? {}
    const own = caller === spec.caller && made.session ? made.session : await r.session(caller)
    const p = { path: fillPath(route, world, caller), ...made, session: own } as Prepared
    // Someone else's live token: a real one, just not this session's.
    const other = await sessionFor(world, caller === 'signed-out' ? 'signed-out' : 'analyst')
    const before = await fingerprint(world.t.db.knex)
    const response = await sendBody(own, route.method, p.path, spec, spec.valid(r, p), token(own, other))
    expect([response.status, refusedAsForged(response)]).toEqual([403, true])
    expect(await fingerprint(world.t.db.knex)).toEqual(before)
    // Signing out is a change too: the session it would have ended still works.
    if (caller !== 'signed-out') await own.agent.get('/account').expect(200)
  })
})
