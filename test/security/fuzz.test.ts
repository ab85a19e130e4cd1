/**
 * Property-based fuzzing of every state-changing route in the route table, with bodies built from one it
 * accepts: fields swapped for wrong types, huge strings, unicode, control characters, markup and SQL,
 * fields dropped, and keys like __proto__ added. Whatever is sent: never a 5xx, the prototype of every
 * object untouched, nothing written when it is refused, and free text kept exactly as given (as the
 * service documents it: names trimmed) when it is accepted.
 */
import fc from 'fast-check'
import type { Response } from 'supertest'
import { allRoutes, describeRoute, isStateChanging, type RouteSummary } from '../support/routes'
import { fingerprint } from './support/database'
import {
  anyText,
  asFormSendsIt,
  escapeHtml,
  formValue,
  jsonValue,
  nastyText,
  POLLUTING_KEYS,
  prototypeNames,
  withKey,
} from './support/hostile'
import { definitionSaying, INPUTS, type Body, type InputSpec, type Prepared, type Run } from './support/inputs'
import { fillPath } from './support/parameters'
import { sendBody } from './support/send'
import { buildWorld, sessionFor, type Caller, type Session, type World } from './support/world'

/** Runs per route: enough to find what the generators aim at, few enough to finish in a few minutes. */
const RUNS = 25

// Each run draws new bodies; a failure prints its seed, and FC_SEED=<seed> replays it exactly.
if (process.env.FC_SEED) fc.configureGlobal({ seed: Number(process.env.FC_SEED) })

interface Plan {
  /** Every text field replaced with hostile text short enough to be accepted. */
  texts?: string[]
  /** Fields (by position) replaced with anything at all, and one dropped. */
  replace: [number, unknown][]
  drop: number | null
  /** Keys added: prototype polluters and random names. */
  extra: [string, unknown][]
  /** JSON only: a body that is not an object at all. */
  shape?: unknown
}

function plans(spec: InputSpec): fc.Arbitrary<Plan> {
  const value = spec.encoding === 'json' ? jsonValue : formValue
  const textFields = Object.keys(spec.text ?? {})
  const extra = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...POLLUTING_KEYS), fc.string({ maxLength: 12 })), value), {
    maxLength: 2,
  })
  const textPlan = fc.record({
    texts: fc.tuple(...textFields.map(f => spec.arbitraries?.[f] ?? nastyText)),
    replace: fc.constant([] as [number, unknown][]),
    drop: fc.constant(null),
    extra: fc.constant([] as [string, unknown][]),
  })
  const anyPlan = fc.record({
    replace: fc.array(fc.tuple(fc.nat(), spec.file ? fc.oneof(value, anyText) : value), { minLength: 1, maxLength: 3 }),
    drop: fc.option(fc.nat(), { freq: 4 }),
    extra,
  })
  const shapes = fc.record({
    replace: fc.constant([] as [number, unknown][]),
    drop: fc.constant(null),
    extra: fc.constant([] as [string, unknown][]),
    shape: fc.oneof(fc.array(jsonValue, { maxLength: 3 }), anyText, fc.integer(), fc.constant(null)),
  })
  return fc.oneof(
    ...(textFields.length > 0 ? [{ arbitrary: textPlan, weight: 3 }] : []),
    { arbitrary: anyPlan as fc.Arbitrary<Plan>, weight: 4 },
    ...(spec.encoding === 'json' ? [{ arbitrary: shapes as fc.Arbitrary<Plan>, weight: 1 }] : []),
  )
}

function apply(plan: Plan, valid: Body, spec: InputSpec): unknown {
  if ('shape' in plan) return plan.shape
  const body: Body = { ...valid }
  const keys = Object.keys(body)
  Object.keys(spec.text ?? {}).forEach((field, i) => {
    if (plan.texts) body[field] = plan.texts[i]
  })
  for (const [index, value] of plan.replace) if (keys.length > 0) body[keys[index % keys.length]!] = value
  if (plan.drop !== null && keys.length > 0) Reflect.deleteProperty(body, keys[plan.drop % keys.length]!)
  for (const [key, value] of plan.extra) withKey(body, key, value)
  return body
}

let world: World
const prototypeBefore = prototypeNames()
let sequence = 0

beforeAll(async () => {
  world = await buildWorld()
})
afterAll(() => world.t.close())

function runFor(): Run {
  const sessions = new Map<Caller, Promise<Session>>()
  return {
    world,
    session: caller => {
      if (!sessions.has(caller)) sessions.set(caller, sessionFor(world, caller))
      return sessions.get(caller)!
    },
    next: () => ++sequence,
  }
}

const shortly = (response: Response): string => `${response.status} ${response.text.slice(0, 300)}`

const routes = allRoutes().filter(isStateChanging)
const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`

describe('fuzzing every route that takes input', () => {
  it('knows what every state-changing route takes (teach it a new one in test/security/support/inputs.ts)', () => {
    expect(routes.filter(r => !INPUTS[key(r)]).map(describeRoute)).toEqual([])
  })

  it('still has a use for every route it was taught', () => {
    expect(Object.keys(INPUTS).filter(k => !routes.some(r => key(r) === k))).toEqual([])
  })

  describe.each(routes.filter(r => INPUTS[key(r)]).map(r => ({ ...r, name: describeRoute(r) })))('$name', route => {
    const spec = INPUTS[key(route)]!

    it('accepts the body the suite starts from, so the fuzzing starts from something real', async () => {
      const run = runFor()
      const p = await prepared(run, spec, route)
      const response = await sendBody(p.session, route.method, p.path, spec, spec.valid(run, p))
      expect([describeRoute(route), shortly(response), response.status < 400]).toEqual([
        describeRoute(route),
        shortly(response),
        // Routes that only ever refuse in this world (a submit with answers missing, a carry-over to take
        // or decline with nothing to carry) still start from a well-formed body.
        ![
          'post /assessments/:id/carry-over',
          'post /assessments/:id/carry-over/decline',
          'post /assessments/:id/submit',
          'post /api/v1/assessments/:id/submit',
        ].includes(key(route)),
      ])
    })

    it(`never fails, writes nothing it refuses, and keeps text as given (${spec.runs ?? RUNS} bodies)`, async () => {
      const run = runFor()
      const knex = world.t.db.knex
      await fc.assert(
        fc.asyncProperty(plans(spec), async plan => {
          const p = await prepared(run, spec, route)
          const body = apply(plan, spec.valid(run, p), spec)
          const before = await fingerprint(knex, spec.refusalWrites?.tables)
          const response = await sendBody(p.session, route.method, p.path, spec, body)
          const seen = shortly(response)
          expect([seen, response.status < 500]).toEqual([seen, true])
          expect(prototypeNames()).toEqual(prototypeBefore)
          expect(({} as Record<string, unknown>).polluted).toBeUndefined()
          if (response.status >= 400) {
            expect([seen, await fingerprint(knex, spec.refusalWrites?.tables)]).toEqual([seen, before])
            return
          }
          await readBack(run, spec, p, body as Body, response)
        }),
        { numRuns: spec.runs ?? RUNS },
      )
    })
  })
})

/** Every query parameter a page or the API reads, and then some it does not. */
const QUERY_NAMES = [
  'round',
  'basis',
  'level',
  'parent',
  'threshold',
  'partnershipId',
  'order',
  'minSize',
  'k',
  'from',
  'to',
  'organisation',
  'against',
  'timeout',
  'state',
  'signedOut',
  'revision',
  'returnTo',
  'windowMonths',
  'status',
  'category',
  'question',
  'dimension',
  'theme',
  '__proto__',
  'constructor',
]

const addresses = fc.record({
  /** Which path parameter is replaced, if the path has any, and with what. */
  parameter: fc.tuple(
    fc.nat(),
    // A NUL goes straight to the database in a lookup: tried often, not left to chance.
    fc.oneof({ arbitrary: fc.constantFrom('\u0000', 'a\u0000b'), weight: 2 }, { arbitrary: nastyText, weight: 3 }),
  ),
  query: fc.array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...QUERY_NAMES), fc.string({ maxLength: 8 })),
      fc.oneof(nastyText, fc.array(nastyText, { maxLength: 2 })),
    ),
    {
      maxLength: 3,
    },
  ),
})

/** The role a read is fuzzed as: an administrator where allowed (they see the most), else the first allowed. */
const readerOf = (access: RouteSummary['access']): Caller =>
  access === 'public' ? 'signed-out' : access.includes('admin') ? 'admin' : (access[0] ?? 'admin')

/**
 * What the fuzzing found, each replayed on every run so it cannot come back unnoticed: every one of these
 * was a 500 (and, for the lone surrogates, text silently stored as U+FFFD) before it was fixed.
 */
describe('what fuzzing found, replayed on every run', () => {
  const own = () => world.assessments.own
  const findings: {
    name: string
    caller: Caller
    send: (s: Session) => Promise<Response>
    status: number
    says: RegExp
  }[] = [
    {
      name: 'a NUL in a token name',
      caller: 'respondent',
      send: s =>
        sendBody(s, 'post', '/account/tokens', { encoding: 'form' }, { name: 'a\u0000b', expiresInDays: '30' }),
      status: 422,
      says: /“name” field has a character that cannot be stored/,
    },
    {
      name: 'half a surrogate pair in evidence sent to the API',
      caller: 'respondent',
      send: s =>
        sendBody(
          s,
          'put',
          `/api/v1/assessments/${own()}/answers/leadership.strategy.digital-strategy`,
          { encoding: 'json' },
          {
            level: 3,
            evidence: 'lone \ud800 surrogate',
            revision: 1,
          },
        ),
      status: 422,
      says: /"pointer":"\/evidence"/,
    },
    {
      name: 'half a surrogate pair in a pipeline entry sent to the API',
      caller: 'respondent',
      send: s =>
        sendBody(
          s,
          'put',
          `/api/v1/pipeline/${world.pipelineEntries.own}`,
          { encoding: 'json' },
          {
            categoryKey: 'finance-erp',
            supplier: '\udfff',
            route: 'procure',
            valueBand: '1m-5m',
            status: 'planned',
            revision: 1,
          },
        ),
      status: 422,
      says: /"pointer":"\/supplier"/,
    },
    {
      name: 'a NUL in a round’s name sent to the API',
      caller: 'admin',
      send: s =>
        sendBody(
          s,
          'post',
          '/api/v1/rounds',
          { encoding: 'json' },
          {
            name: 'nul\u0000inside',
            questionnaire: { key: 'london-digital-maturity', version: 2 },
            opensAt: '2026-12-01',
            closesAt: '2027-01-31',
          },
        ),
      status: 422,
      says: /"pointer":"\/name"/,
    },
    {
      name: 'a NUL, written as \\u0000, inside an uploaded questionnaire',
      caller: 'admin',
      send: s =>
        sendBody(
          s,
          'post',
          '/admin/questionnaires',
          { encoding: 'form' },
          {
            definition: JSON.stringify(definitionSaying('nul-inside', 'a\u0000b')),
          },
        ),
      status: 422,
      says: /Questionnaire: title has a character that cannot be stored/,
    },
    {
      name: 'a section page posted with only some of its questions, one of them wrong',
      caller: 'respondent',
      send: s =>
        sendBody(
          s,
          'post',
          `/assessments/${own()}/themes/foundations.context`,
          { encoding: 'form' },
          {
            'answers[foundations.context.anything-else][value]': 'x'.repeat(2_001),
            'answers[foundations.context.anything-else][revision]': '0',
          },
        ),
      status: 400,
      says: /must be 2,000 characters or fewer/,
    },
    {
      name: 'a NUL in an organisation’s address',
      caller: 'analyst',
      send: s => s.agent.get('/organisations/%00'),
      status: 400,
      says: /web address has a character that cannot be stored/,
    },
    {
      name: 'a NUL in a questionnaire’s address',
      caller: 'admin',
      send: s => s.agent.get('/admin/questionnaires/%00/versions/1'),
      status: 400,
      says: /web address has a character that cannot be stored/,
    },
  ]

  it.each(findings)('$name: $status, saying where, and nothing written', async ({ caller, send, status, says }) => {
    const s = await runFor().session(caller)
    const before = await fingerprint(world.t.db.knex)
    const response = await send(s)
    expect([response.status, response.text.slice(0, 400)]).toEqual([status, response.text.slice(0, 400)])
    expect(response.text).toMatch(says)
    expect(await fingerprint(world.t.db.knex)).toEqual(before)
  })
})

describe('fuzzing every address that reads', () => {
  describe.each(
    allRoutes()
      .filter(r => r.method === 'get')
      .map(r => ({ ...r, name: describeRoute(r) })),
  )('$name', route => {
    it('never fails, whatever is put in its path and query (10 addresses)', async () => {
      const run = runFor()
      const caller = readerOf(route.access)
      const session = await run.session(caller)
      const real = fillPath(route, world, caller).split('/')
      const parameters = route.path.split('/').flatMap((part, i) => (part.startsWith(':') ? [i] : []))
      await fc.assert(
        fc.asyncProperty(addresses, async ({ parameter: [which, text], query }) => {
          const parts = [...real]
          if (parameters.length > 0)
            parts[parameters[which % parameters.length]!] = encodeURIComponent(asFormSendsIt(text))
          const search = new URLSearchParams()
          for (const [name, value] of query) for (const v of ([] as string[]).concat(value)) search.append(name, v)
          const address = `${parts.join('/')}${query.length > 0 ? `?${search.toString()}` : ''}`
          const response = await session.agent.get(address)
          expect([address, shortly(response), response.status < 500]).toEqual([address, shortly(response), true])
          expect(prototypeNames()).toEqual(prototypeBefore)
        }),
        { numRuns: 10 },
      )
    })
  })
})

async function prepared(run: Run, spec: InputSpec, route: RouteSummary): Promise<Prepared> {
  const made = (await spec.prepare?.(run)) ?? {}
  return { path: fillPath(route, world, spec.caller), session: await run.session(spec.caller), ...made }
}

async function readBack(run: Run, spec: InputSpec, p: Prepared, body: Body, response: Response): Promise<void> {
  if (!spec.readBack) return
  const read = await spec.readBack(run, p, body, response)
  for (const [field, kept] of Object.entries(spec.text ?? {})) {
    const given = body[field]
    if (typeof given !== 'string') continue
    const expected = kept(spec.encoding === 'json' ? given : asFormSendsIt(given))
    if (expected === null) continue
    if ('values' in read) expect([field, read.values[field]]).toEqual([field, expected])
    else
      expect([field, JSON.stringify(expected), read.page.includes(escapeHtml(expected))]).toEqual([
        field,
        JSON.stringify(expected),
        true,
      ])
  }
}
