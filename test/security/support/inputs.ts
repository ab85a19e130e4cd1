import { isDeepStrictEqual } from 'node:util'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import fc from 'fast-check'
import type { Response } from 'supertest'
import { allQuestions } from '../../../src/domain/questionnaire/definition'
import { moderationFieldId } from '../../../src/routes/moderation/moderation-page'
import { validDefinition } from '../../support/definitions'
import { csvFile, csvRow, CSV_HEADER, entryForm, entryJson } from '../../support/pipeline'
import { ESTATE_CSV_HEADER, estateContent, estateForm, estateJson } from '../../support/estate'
import { createRound } from '../../support/rounds'
import { PASSWORD, signIn } from '../../support/test-app'
import { asFormSendsIt, nastyText } from './hostile'
import { sessionFor, type Caller, type Session, type World } from './world'

/**
 * What each state-changing route takes, so the attack suite can send it something it accepts and then
 * take that apart: who may send it, how, a body it accepts, which of its fields are free text, and where
 * that text can be read back. Keyed by the route table's method and path; a route without an entry here
 * fails the suite until it is taught one.
 */

export type Body = Record<string, unknown>

/** One request's worth of fresh state: the path, and anything the body needs (current revisions, ids). */
export interface Prepared {
  path: string
  session: Session
  [name: string]: unknown
}

export interface Run {
  world: World
  /** A session for the caller, made once per route. */
  session(caller: Caller): Promise<Session>
  /** A number never used before in this file, for unique names and emails. */
  next(): number
}

export interface InputSpec {
  caller: Caller
  encoding: 'form' | 'json' | 'multipart'
  /** Fresh state for one request; the default is the route's path filled by the world, in the caller's session. */
  prepare?: (run: Run) => Promise<Partial<Prepared>>
  /** A body this route accepts, given what prepare made. */
  valid: (run: Run, p: Prepared) => Body
  /** For multipart forms: the field that carries the file; the body's `file` holds its text. */
  file?: string
  /** Hostile but plausible values for fields whose text is not a simple string, such as a whole file. */
  arbitraries?: Record<string, fc.Arbitrary<string>>
  /** The free-text fields and what the service keeps of what it is given (null: nothing). */
  text?: Record<string, (given: string) => string | null>
  /** Checks, once the route has accepted a body, that each text field reads back as kept. */
  readBack?: (run: Run, p: Prepared, body: Body, response: Response) => Promise<ReadBack>
  /** Tables a refused request does write to, on purpose, and why. */
  refusalWrites?: { tables: string[]; why: string }
  /** How many bodies to try; routes that take no input need fewer. */
  runs?: number
}

/** Where accepted text was read back: JSON values by field, or a page that must show each escaped. */
export type ReadBack = { values: Record<string, unknown> } | { page: string }

/** Names and comments: kept without the spaces at either end; only spaces is nothing. */
export const trimmed = (given: string): string | null => (given.trim() === '' ? null : given.trim())
/** Evidence and text answers: kept exactly as typed, unless there is nothing but spaces. */
export const asGiven = (given: string): string | null => (given.trim() === '' ? null : given)

const OWN_QUESTION = 'leadership.strategy.digital-strategy'
const OWN_THEME = 'leadership.strategy'
const OWN_FIELD = moderationFieldId(OWN_QUESTION)
const CONTEXT_THEME = 'foundations.context'
const TEXT_QUESTION = 'foundations.context.anything-else'
const answerField = (key: string, part: string) => `answers[${key}][${part}]`

async function json(session: Session, path: string): Promise<unknown> {
  const response = await session.agent.get(path).expect(200)
  return response.body as unknown
}

async function page(session: Session, path: string): Promise<string> {
  return (await session.agent.get(path).expect(200)).text
}

async function answerRevision(run: Run, session: Session, questionKey: string): Promise<number> {
  const view = (await json(session, `/api/v1/assessments/${run.world.assessments.own}`)) as {
    answers: { questionKey: string; revision: number }[]
  }
  return view.answers.find(a => a.questionKey === questionKey)?.revision ?? 0
}

async function answerOf(run: Run, session: Session, questionKey: string): Promise<Record<string, unknown>> {
  const view = (await json(session, `/api/v1/assessments/${run.world.assessments.own}`)) as {
    answers: ({ questionKey: string } & Record<string, unknown>)[]
  }
  return view.answers.find(a => a.questionKey === questionKey) ?? {}
}

/** A new questionnaire's published version 2, superseding its version 1 with every key kept: its address. */
async function supersedingVersion(run: Run): Promise<string> {
  const key = `errata-${run.next()}`
  const { questionnaires } = run.world.t.services
  const admin = run.world.users.admin.id
  await questionnaires.upload(validDefinition({ key }), admin)
  await questionnaires.publish(key, 1, admin)
  await questionnaires.upload(
    { ...validDefinition({ key }), version: 2, supersedes: { version: 1, keyMap: {} } },
    admin,
  )
  await questionnaires.publish(key, 2, admin)
  return `/admin/questionnaires/${key}/versions/2`
}

/** Camden's submitted assessment, put back in moderation before each request, with a question's current revision. */
async function inModeration(run: Run): Promise<{ revision: number }> {
  const { t, assessments } = run.world
  await t.repos.assessments.setState(assessments.other, 'in_moderation', {})
  const moderation = (await t.repos.moderations.forAssessment(assessments.other)).find(
    m => m.questionKey === OWN_QUESTION,
  )
  return { revision: moderation?.revision ?? 0 }
}

/** In moderation with every scored question moderated, as completing needs. */
async function fullyModerated(run: Run): Promise<{ revision: number }> {
  const { t, assessments, users } = run.world
  const revision = await inModeration(run)
  const definition = (await t.services.questionnaires.get('london-digital-maturity', 2)).definition
  const done = new Set((await t.repos.moderations.forAssessment(assessments.other)).map(m => m.questionKey))
  for (const { question } of allQuestions(definition)) {
    if (question.type !== 'maturity' || done.has(question.key)) continue
    await t.repos.moderations.write(assessments.other, question.key, {
      level: 3,
      rationale: null,
      assessorId: users.assessor.id,
      revision: 1,
      at: new Date(),
    })
  }
  return revision
}

async function pipelineEntry(run: Run, session: Session, id: number): Promise<Record<string, unknown>> {
  const entries = (await json(session, '/api/v1/pipeline')) as ({ id: number } & Record<string, unknown>)[]
  return entries.find(e => e.id === id) ?? {}
}

async function newestEntry(session: Session): Promise<Record<string, unknown>> {
  const entries = (await json(session, '/api/v1/pipeline')) as ({ id: number } & Record<string, unknown>)[]
  return entries.reduce<{ id: number } & Record<string, unknown>>((a, b) => (b.id > a.id ? b : a), { id: 0 })
}

const freshEntry = async (run: Run): Promise<number> =>
  run.world.t.services.pipeline.create(run.world.users.respondent, undefined, entryJson({ supplier: `S${run.next()}` }))

const entryText = { currentSystem: trimmed, supplier: trimmed, notes: trimmed }

async function estateEntry(session: Session, id: number): Promise<Record<string, unknown>> {
  const entries = (await json(session, '/api/v1/estate')) as ({ id: number } & Record<string, unknown>)[]
  return entries.find(e => e.id === id) ?? {}
}

async function newestEstateEntry(session: Session): Promise<Record<string, unknown>> {
  const entries = (await json(session, '/api/v1/estate')) as ({ id: number } & Record<string, unknown>)[]
  return entries.reduce<{ id: number } & Record<string, unknown>>((a, b) => (b.id > a.id ? b : a), { id: 0 })
}

const freshEstateEntry = async (run: Run): Promise<number> =>
  (
    await run.world.t.services.estate.create(
      run.world.users.respondent,
      undefined,
      estateContent(run.world.estateProduct),
    )
  ).id

/** A one-row estate import whose notes are `notes`, naming the world's product. */
function estateCsvWithNotes(notes: string): string {
  return stringify(
    [ESTATE_CSV_HEADER.split(','), ['finance-erp', 'Security ledger', '', 'saas', '', '', 'no', notes]],
    {
      bom: false,
      record_delimiter: 'windows',
    },
  )
}

/** A product of its own for a request to approve, rename or merge: proposed by a respondent, so awaiting approval. */
const freshProduct = async (run: Run): Promise<number> =>
  (
    await run.world.t.services.catalogue.propose(run.world.users.respondent, {
      name: `Fuzz product ${run.next()}`,
      supplier: 'Fuzz supplier',
      category: 'finance-erp',
    })
  ).id

/** A proposal whose name is unique in this file; the supplier is fixed, so only the name is read back. */
const productBody = (run: Run): Body => ({
  name: `Product ${run.next()}`,
  supplier: 'Fuzz supplier',
  category: 'finance-erp',
})

const productName = async (run: Run, id: number) => ({
  values: { name: (await run.world.t.services.catalogue.get(id)).name },
})

const newestProduct = async (run: Run) => {
  const ids = (await run.world.t.repos.catalogue.listProducts()).map(p => p.id)
  return productName(run, Math.max(...ids))
}

/** Two products of one category: one to merge, and one to merge it into. */
const mergePair = async (run: Run, api: boolean) => {
  const [from, into] = [await freshProduct(run), await freshProduct(run)]
  return { path: api ? `/api/v1/products/${from}/merge` : `/estate/products/${from}/merge`, into }
}

/** A valid definition with the same hostile text in every place it holds words. */
export function definitionSaying(key: string, text: string): Record<string, unknown> {
  const definition = validDefinition({ key, title: text, description: text })
  const question = definition.dimensions[0].themes[0].questions[1] as {
    prompt: string
    options: { value: string; label: string }[]
  }
  question.prompt = text
  question.options[0] = { ...question.options[0]!, value: text, label: text }
  const shown = definition.dimensions[0].themes[0].questions[2] as { showIf: { values: string[] } }
  shown.showIf.values = [text]
  return definition
}

/** A one-row import whose notes are `notes`, quoted as a spreadsheet would write them. */
function csvWithNotes(notes: string): string {
  const header = CSV_HEADER.split(',')
  const row = csvRow(1, {}).split(',')
  row[header.indexOf('notes')] = notes
  return stringify([header, row], { bom: false, record_delimiter: 'windows' })
}

/** The notes cell of an import's first row, or undefined when the file is not a readable CSV. */
function notesIn(text: string): string | undefined {
  try {
    const rows = parse<Record<string, string>>(text, { columns: true, bom: true, skip_empty_lines: true })
    return rows[0]?.notes
  } catch {
    return undefined
  }
}

/** A small standard whose every worded place says `text`. */
function standardSaying(key: string, text: string): Record<string, unknown> {
  return {
    key,
    version: 1,
    title: text,
    source: text,
    points: [{ key: 'only', title: text, description: text }],
  }
}

/** A fresh system in the respondent's own register, so every request starts from revision 0. */
async function freshRatingsPage(run: Run): Promise<{ path: string; id: number }> {
  const id = await freshEstateEntry(run)
  return { path: `/estate/entries/${id}/ratings/lgdss/1`, id }
}

async function ratingsEvidence(session: Session, id: number): Promise<unknown> {
  const ratings = (await json(session, `/api/v1/estate/${id}/ratings?standard=lgdss&version=1`)) as {
    evidence: unknown
  }
  return ratings.evidence
}

const roundForm = (name: string): Body => ({
  name,
  questionnaire: 'london-digital-maturity@2',
  'opensOn-day': '1',
  'opensOn-month': '12',
  'opensOn-year': '2026',
  'closesOn-day': '31',
  'closesOn-month': '1',
  'closesOn-year': '2027',
  organisations: ['hackney', 'camden'],
})

const noInput = (caller: Caller, encoding: 'form' | 'json' = 'form', extra: Partial<InputSpec> = {}): InputSpec => ({
  caller,
  encoding,
  valid: () => ({}),
  runs: 10,
  ...extra,
})

export const INPUTS: Record<string, InputSpec> = {
  'post /login': {
    caller: 'signed-out',
    encoding: 'form',
    // Throttling counts attempts per account-and-address and per address; each body starts with a clean
    // count, as an hour later would, so the form itself is what answers.
    prepare: async run => {
      await run.world.t.db.knex('login_attempts').del()
      return { session: await sessionFor(run.world, 'signed-out') }
    },
    valid: run => ({ email: run.world.users.analyst.email, password: PASSWORD, returnTo: '/assessments' }),
    refusalWrites: {
      tables: ['login_attempts'],
      why: 'sign-in attempts are counted before the password is checked, to limit guessing',
    },
  },
  'post /logout': noInput('respondent', 'form', {
    prepare: async run => ({ session: await signIn(run.world.t.app, run.world.users.respondent.email) }),
  }),
  'post /session/keep-alive': noInput('respondent'),
  'post /invitations/:token': {
    caller: 'signed-out',
    encoding: 'form',
    prepare: async run => {
      const { t, victim, users } = run.world
      const { token } = await t.services.users.reissueInvitation(victim.id, users.admin.id)
      return { path: `/invitations/${token}` }
    },
    valid: () => ({ password: 'a long enough new password', confirmPassword: 'a long enough new password' }),
    readBack: async (run, _p, body) => {
      // A password is never shown again: it reads back by signing in with exactly what was given.
      await signIn(run.world.t.app, run.world.victim.email, String(body.password))
      return { values: {} }
    },
    runs: 15,
  },
  'post /account/password': {
    caller: 'respondent',
    encoding: 'form',
    // A person of their own for each body: a changed password ends every session of theirs. Attempts at
    // the current password count toward the sign-in limits, so each body starts with a clean count.
    prepare: async run => {
      await run.world.t.db.knex('login_attempts').del()
      const person = await run.world.t.createUser('respondent')
      return { session: await signIn(run.world.t.app, person.email) }
    },
    valid: () => ({
      currentPassword: PASSWORD,
      password: 'a long enough new password',
      confirmPassword: 'a long enough new password',
    }),
    refusalWrites: {
      tables: ['login_attempts'],
      why: 'a wrong current password counts toward the sign-in limits, so a borrowed session cannot guess',
    },
    runs: 10,
  },
  'post /account/tokens': {
    caller: 'respondent',
    encoding: 'form',
    valid: run => ({ name: `Script ${run.next()}`, expiresInDays: '30' }),
    text: { name: trimmed },
    readBack: async (_run, p) => ({ page: await page(p.session, '/account') }),
  },
  'post /account/tokens/:id/revoke': noInput('respondent', 'form', {
    prepare: async run => {
      const { token } = await run.world.t.services.tokens.create(run.world.users.respondent, {
        name: `Revocable ${run.next()}`,
        expiresInDays: '30',
      })
      return { path: `/account/tokens/${token.id}/revoke` }
    },
  }),
  'post /admin/users/new': {
    caller: 'admin',
    encoding: 'form',
    valid: run => ({
      email: `invitee-${run.next()}@test.local`,
      name: 'New person',
      role: 'analyst',
      organisation: '',
    }),
    text: { name: trimmed },
    readBack: async (_run, p) => ({ page: await page(p.session, '/admin/users') }),
  },
  'post /admin/users/:id': {
    caller: 'admin',
    encoding: 'form',
    prepare: async run => {
      const user = await run.world.t.createUser('respondent', { organisation: 'camden' })
      return { path: `/admin/users/${user.id}`, email: user.email }
    },
    valid: (_run, p) => ({ email: p.email, name: 'Changed name', role: 'respondent', organisation: 'camden' }),
    text: { name: trimmed },
    readBack: async (_run, p) => ({ page: await page(p.session, p.path) }),
  },
  'post /admin/users/:id/disable': noInput('admin', 'form', {
    prepare: async run => ({ path: `/admin/users/${(await run.world.t.createUser('analyst')).id}/disable` }),
  }),
  'post /admin/users/:id/enable': noInput('admin', 'form', {
    prepare: async run => ({
      path: `/admin/users/${(await run.world.t.createUser('analyst', { disabled: true })).id}/enable`,
    }),
  }),
  'post /admin/users/:id/invitation': noInput('admin', 'form', {
    prepare: async run => ({ path: `/admin/users/${(await run.world.t.createUser('analyst')).id}/invitation` }),
  }),
  'post /admin/users/:id/tokens/:tokenId/revoke': noInput('admin', 'form', {
    prepare: async run => {
      const { victim } = run.world
      const { token } = await run.world.t.services.tokens.create(victim, {
        name: `Revocable ${run.next()}`,
        expiresInDays: '30',
      })
      return { path: `/admin/users/${victim.id}/tokens/${token.id}/revoke` }
    },
  }),
  'post /admin/partnerships/new': {
    caller: 'admin',
    encoding: 'form',
    valid: run => ({ name: `Partnership ${run.next()}`, description: 'Shared ICT', members: ['hackney', 'camden'] }),
    text: { name: trimmed, description: trimmed },
    readBack: async (run, p, body) => {
      const listed = await run.world.t.services.partnerships.list()
      const made = listed.find(l => l.name === asFormSendsIt(String(body.name)).trim())
      return { page: await page(p.session, `/admin/partnerships/${made?.id ?? 0}`) }
    },
  },
  'post /admin/partnerships/:id': {
    caller: 'admin',
    encoding: 'form',
    prepare: async run => {
      const id = await run.world.t.services.partnerships.create(
        { name: `Before ${run.next()}`, description: '', members: ['brent', 'ealing'] },
        run.world.users.admin.id,
      )
      return { path: `/admin/partnerships/${id}` }
    },
    valid: run => ({ name: `After ${run.next()}`, description: 'Changed', members: ['brent', 'harrow'] }),
    text: { name: trimmed, description: trimmed },
    readBack: async (_run, p) => ({ page: await page(p.session, p.path) }),
  },
  'post /admin/partnerships/:id/delete': noInput('admin', 'form', {
    prepare: async run => {
      const id = await run.world.t.services.partnerships.create(
        { name: `Doomed ${run.next()}`, description: '', members: ['brent', 'ealing'] },
        run.world.users.admin.id,
      )
      return { path: `/admin/partnerships/${id}/delete` }
    },
  }),
  'post /admin/questionnaires': {
    caller: 'admin',
    encoding: 'form',
    valid: run => ({ definition: JSON.stringify(validDefinition({ key: `fuzz-${run.next()}` })) }),
    // Hostile text in every place a definition holds words: titles, prompts, option values and labels.
    arbitraries: {
      definition: fc
        .tuple(fc.nat(), nastyText)
        .map(([n, text]) => JSON.stringify(definitionSaying(`words-${n}`, text))),
    },
    text: { definition: given => given },
    // Stored exactly as uploaded: the API gives back the same document.
    readBack: async (_run, p, body) => {
      const document = JSON.parse(String(body.definition)) as { key: string; version: number }
      const stored = await json(p.session, `/api/v1/questionnaires/${document.key}/versions/${document.version}`)
      return { values: { definition: isDeepStrictEqual(stored, document) ? body.definition : stored } }
    },
  },
  'post /admin/questionnaires/:key/versions/:version/publish': noInput('admin', 'form', {
    prepare: async run => {
      const key = `draft-${run.next()}`
      await run.world.t.services.questionnaires.upload(validDefinition({ key }), run.world.users.admin.id)
      return { path: `/admin/questionnaires/${key}/versions/1/publish` }
    },
  }),
  'post /admin/questionnaires/:key/versions/:version/retire': noInput('admin', 'form', {
    prepare: async run => {
      const key = `published-${run.next()}`
      const { questionnaires } = run.world.t.services
      await questionnaires.upload(validDefinition({ key }), run.world.users.admin.id)
      await questionnaires.publish(key, 1, run.world.users.admin.id)
      return { path: `/admin/questionnaires/${key}/versions/1/retire` }
    },
  }),
  'post /admin/questionnaires/:key/versions/:version/errata/check': {
    caller: 'admin',
    encoding: 'form',
    prepare: async run => ({ path: `${await supersedingVersion(run)}/errata/check` }),
    valid: () => ({ question: 'data.quality.standards', reason: 'Version 2 asks something else' }),
    text: { reason: trimmed },
    // Nothing is stored yet: the check page shows the reason, escaped, before anything is recorded.
    readBack: (_run, _p, _body, response) => Promise.resolve({ page: response.text }),
  },
  'post /admin/questionnaires/:key/versions/:version/errata': {
    caller: 'admin',
    encoding: 'form',
    prepare: async run => {
      const version = await supersedingVersion(run)
      return { path: `${version}/errata`, version }
    },
    valid: () => ({ question: 'data.quality.standards', reason: 'Version 2 asks something else' }),
    text: { reason: trimmed },
    readBack: async (_run, p) => ({ page: await page(p.session, String(p.version)) }),
  },
  'post /admin/standards': {
    caller: 'admin',
    encoding: 'multipart',
    file: 'definitionFile',
    valid: run => ({ file: JSON.stringify(standardSaying(`fuzz-${run.next()}`, 'Plain words')) }),
    arbitraries: {
      file: fc.tuple(fc.nat(), nastyText).map(([n, text]) => JSON.stringify(standardSaying(`words-${n}`, text))),
    },
    text: { file: given => given },
    // Stored as uploaded: the API gives back the same title and source.
    readBack: async (_run, p, body) => {
      const document = JSON.parse(String(body.file)) as { key: string; title: string; source: string }
      const all = (await json(p.session, '/api/v1/standards')) as { key: string; title: string; source: string }[]
      const stored = all.find(v => v.key === document.key)
      const same = stored?.title === document.title && stored.source === document.source
      return { values: { file: same ? body.file : stored } }
    },
  },
  'post /admin/standards/:key/versions/:version/publish': noInput('admin', 'form', {
    prepare: async run => {
      const key = `draft-${run.next()}`
      await run.world.t.services.standards.upload(standardSaying(key, 'Draft'), run.world.users.admin.id)
      return { path: `/admin/standards/${key}/versions/1/publish` }
    },
  }),
  'post /admin/standards/:key/versions/:version/delete': noInput('admin', 'form', {
    prepare: async run => {
      const key = `draft-${run.next()}`
      await run.world.t.services.standards.upload(standardSaying(key, 'Draft'), run.world.users.admin.id)
      return { path: `/admin/standards/${key}/versions/1/delete` }
    },
  }),
  'post /admin/standards/:key/versions/:version/retire': noInput('admin', 'form', {
    prepare: async run => {
      const key = `published-${run.next()}`
      const { standards } = run.world.t.services
      await standards.upload(standardSaying(key, 'Published'), run.world.users.admin.id)
      await standards.publish(key, 1, run.world.users.admin.id)
      return { path: `/admin/standards/${key}/versions/1/retire` }
    },
  }),
  'post /estate/entries/:id/ratings/:standardKey/:version': {
    caller: 'respondent',
    encoding: 'form',
    prepare: freshRatingsPage,
    valid: () => ({ revision: '0', 'rating-team': 'meets', evidence: 'Assessed in June' }),
    text: { evidence: trimmed },
    readBack: async (_run, p) => ({ values: { evidence: await ratingsEvidence(p.session, Number(p.id)) } }),
  },
  'put /api/v1/estate/:id/ratings': {
    caller: 'respondent',
    encoding: 'json',
    prepare: async run => {
      const { id } = await freshRatingsPage(run)
      return { path: `/api/v1/estate/${id}/ratings`, id }
    },
    valid: () => ({
      standard: { key: 'lgdss', version: 1 },
      ratings: { team: 'meets', agile: 'partly' },
      evidence: 'Assessed in June',
      revision: 0,
    }),
    text: { evidence: trimmed },
    readBack: async (_run, p) => ({ values: { evidence: await ratingsEvidence(p.session, Number(p.id)) } }),
  },
  'post /admin/rounds/new': {
    caller: 'admin',
    encoding: 'form',
    valid: run => roundForm(`Round ${run.next()}`),
    text: { name: trimmed },
    readBack: async (_run, p) => ({ page: await page(p.session, '/admin/rounds') }),
  },
  'post /admin/rounds/:id/extend': {
    caller: 'admin',
    encoding: 'form',
    prepare: async run => ({ path: `/admin/rounds/${await createRound(run.world.t)}/extend` }),
    valid: () => ({ 'closesOn-day': '28', 'closesOn-month': '2', 'closesOn-year': '2027' }),
  },
  'post /admin/rounds/:id/close': noInput('admin', 'form', {
    prepare: async run => ({ path: `/admin/rounds/${await createRound(run.world.t)}/close` }),
  }),
  'post /admin/rounds/:id/cancel': noInput('admin', 'form', {
    // Only a round that has not opened can be cancelled: one opening after the test clock's date.
    prepare: async run => ({
      path: `/admin/rounds/${await createRound(run.world.t, { opensOn: '2027-03-01', closesOn: '2027-06-30' })}/cancel`,
    }),
  }),
  'post /assessments/:id/carry-over': noInput('respondent'),
  'post /assessments/:id/carry-over/decline': noInput('respondent'),
  'post /assessments/:id/themes/:themeKey': {
    caller: 'respondent',
    encoding: 'form',
    prepare: async run => {
      const session = await run.session('respondent')
      return {
        path: `/assessments/${run.world.assessments.own}/themes/${CONTEXT_THEME}`,
        revision: await answerRevision(run, session, TEXT_QUESTION),
      }
    },
    valid: (_run, p) => ({
      [answerField(TEXT_QUESTION, 'value')]: 'We share a service desk with Camden',
      [answerField(TEXT_QUESTION, 'revision')]: String(p.revision),
      [answerField(TEXT_QUESTION, 'base')]: '',
      action: 'later',
    }),
    text: { [answerField(TEXT_QUESTION, 'value')]: asGiven },
    readBack: async (run, p) => ({
      values: { [answerField(TEXT_QUESTION, 'value')]: (await answerOf(run, p.session, TEXT_QUESTION)).value },
    }),
  },
  'post /assessments/:id/submit': {
    caller: 'respondent',
    encoding: 'form',
    valid: () => ({ declaration: 'agreed' }),
    runs: 10,
  },
  'post /moderation/:id/open': noInput('assessor', 'form', {
    prepare: async run => {
      await run.world.t.repos.assessments.setState(run.world.assessments.other, 'submitted', {})
      return { path: `/moderation/${run.world.assessments.other}/open` }
    },
  }),
  'post /moderation/:id/sections/:themeKey': {
    caller: 'assessor',
    encoding: 'form',
    prepare: async run => ({
      path: `/moderation/${run.world.assessments.other}/sections/${OWN_THEME}`,
      ...(await inModeration(run)),
    }),
    valid: (_run, p) => ({
      [OWN_FIELD]: '2',
      [`${OWN_FIELD}-rationale`]: 'The strategy is not yet agreed',
      [`${OWN_FIELD}-revision`]: String(p.revision),
    }),
    text: { [`${OWN_FIELD}-rationale`]: trimmed },
    readBack: async (run, p) => ({
      page: await page(p.session, `/moderation/${run.world.assessments.other}/sections/${OWN_THEME}`),
    }),
  },
  'post /moderation/:id/return': {
    caller: 'assessor',
    encoding: 'form',
    prepare: async run => ({ path: `/moderation/${run.world.assessments.other}/return`, ...(await inModeration(run)) }),
    valid: () => ({ comment: 'Please add evidence for the cyber questions' }),
    text: { comment: trimmed },
    readBack: async (run, p) => ({ page: await page(p.session, `/moderation/${run.world.assessments.other}`) }),
  },
  'post /moderation/:id/complete': {
    caller: 'assessor',
    encoding: 'form',
    prepare: async run => ({
      path: `/moderation/${run.world.assessments.other}/complete`,
      ...(await fullyModerated(run)),
    }),
    valid: () => ({ comment: 'Agreed with the borough' }),
    text: { comment: trimmed },
    readBack: async (run, p) => ({ page: await page(p.session, `/moderation/${run.world.assessments.other}`) }),
  },
  'post /pipeline/import': {
    caller: 'respondent',
    encoding: 'multipart',
    file: 'entriesFile',
    valid: run => ({ file: csvFile([csvRow(run.next(), { notes: 'Imported' })]).toString('utf8') }),
    arbitraries: { file: nastyText.map(notes => csvWithNotes(notes)) },
    text: { file: given => trimmed(notesIn(given) ?? '') },
    readBack: async (_run, p) => ({ values: { file: (await newestEntry(p.session)).notes } }),
  },
  'post /pipeline/priorities': {
    caller: 'respondent',
    encoding: 'form',
    valid: () => ({ priority1: 'services.housing', priority2: 'services.planning' }),
  },
  'post /pipeline/entries/new': {
    caller: 'respondent',
    encoding: 'form',
    valid: run => entryForm({ currentSystem: `System ${run.next()}` }),
    text: entryText,
    readBack: async (_run, p) => ({ values: await newestEntry(p.session) }),
  },
  'post /pipeline/entries/:id': {
    caller: 'respondent',
    encoding: 'form',
    prepare: async run => {
      const id = await freshEntry(run)
      return { path: `/pipeline/entries/${id}`, id }
    },
    valid: () => ({ ...entryForm({ notes: 'Changed' }), revision: '1' }),
    text: entryText,
    readBack: async (run, p) => ({ values: await pipelineEntry(run, p.session, Number(p.id)) }),
  },
  'post /pipeline/entries/:id/delete': {
    caller: 'respondent',
    encoding: 'form',
    prepare: async run => ({ path: `/pipeline/entries/${await freshEntry(run)}/delete` }),
    valid: () => ({ revision: '1' }),
    runs: 15,
  },
  'post /estate/import': {
    caller: 'respondent',
    encoding: 'multipart',
    file: 'systemsFile',
    valid: () => ({ file: estateCsvWithNotes('Imported') }),
    arbitraries: { file: nastyText.map(notes => estateCsvWithNotes(notes)) },
    text: { file: given => trimmed(notesIn(given) ?? '') },
    readBack: async (_run, p) => ({ values: { file: (await newestEstateEntry(p.session)).notes } }),
  },
  'post /estate/entries/new': {
    caller: 'respondent',
    encoding: 'form',
    valid: run => estateForm(run.world.estateProduct, { notes: `System ${run.next()}` }),
    text: { notes: trimmed },
    readBack: async (_run, p) => ({ values: await newestEstateEntry(p.session) }),
  },
  'post /estate/entries/:id': {
    caller: 'respondent',
    encoding: 'form',
    prepare: async run => {
      const id = await freshEstateEntry(run)
      return { path: `/estate/entries/${id}`, id }
    },
    valid: run => ({ ...estateForm(run.world.estateProduct, { notes: 'Changed' }), revision: '1' }),
    text: { notes: trimmed },
    readBack: async (_run, p) => ({ values: await estateEntry(p.session, Number(p.id)) }),
  },
  'post /estate/entries/:id/delete': {
    caller: 'respondent',
    encoding: 'form',
    prepare: async run => ({ path: `/estate/entries/${await freshEstateEntry(run)}/delete` }),
    valid: () => ({ revision: '1' }),
    runs: 15,
  },
  'post /api/v1/estate': {
    caller: 'respondent',
    encoding: 'json',
    valid: run => estateJson(run.world.estateProduct, { notes: `System ${run.next()}` }),
    text: { notes: trimmed },
    readBack: async (_run, p, _body, response) => ({
      values: await estateEntry(p.session, (response.body as { id: number }).id),
    }),
  },
  'put /api/v1/estate/:id': {
    caller: 'respondent',
    encoding: 'json',
    prepare: async run => {
      const id = await freshEstateEntry(run)
      return { path: `/api/v1/estate/${id}`, id }
    },
    valid: run => ({ ...estateJson(run.world.estateProduct, { notes: 'Changed' }), revision: 1 }),
    text: { notes: trimmed },
    readBack: async (_run, p) => ({ values: await estateEntry(p.session, Number(p.id)) }),
  },
  'delete /api/v1/estate/:id': {
    caller: 'respondent',
    encoding: 'json',
    prepare: async run => ({ path: `/api/v1/estate/${await freshEstateEntry(run)}` }),
    valid: () => ({ revision: 1 }),
  },
  'post /estate/products/new': {
    caller: 'respondent',
    encoding: 'form',
    valid: productBody,
    text: { name: trimmed },
    readBack: run => newestProduct(run),
  },
  'post /estate/products/:id/edit': {
    caller: 'analyst',
    encoding: 'form',
    prepare: async run => {
      const id = await freshProduct(run)
      return { path: `/estate/products/${id}/edit`, id }
    },
    valid: run => ({ ...productBody(run), revision: '1' }),
    text: { name: trimmed },
    readBack: (run, p) => productName(run, Number(p.id)),
  },
  'post /estate/products/:id/approve': noInput('analyst', 'form', {
    prepare: async run => ({ path: `/estate/products/${await freshProduct(run)}/approve` }),
  }),
  'post /estate/products/:id/merge': {
    caller: 'analyst',
    encoding: 'form',
    prepare: run => mergePair(run, false),
    valid: (_run, p) => ({ into: String(p.into) }),
    runs: 15,
  },
  'post /api/v1/products': {
    caller: 'respondent',
    encoding: 'json',
    valid: productBody,
    text: { name: trimmed },
    readBack: (run, _p, _body, response) => productName(run, (response.body as { id: number }).id),
  },
  'put /api/v1/products/:id': {
    caller: 'analyst',
    encoding: 'json',
    prepare: async run => {
      const id = await freshProduct(run)
      return { path: `/api/v1/products/${id}`, id }
    },
    valid: run => ({ ...productBody(run), status: 'approved', revision: 1 }),
    text: { name: trimmed },
    readBack: (run, p) => productName(run, Number(p.id)),
  },
  'post /api/v1/products/:id/merge': {
    caller: 'analyst',
    encoding: 'json',
    prepare: run => mergePair(run, true),
    valid: (_run, p) => ({ into: p.into }),
    runs: 15,
  },
  'post /api/v1/rounds': {
    caller: 'admin',
    encoding: 'json',
    valid: run => ({
      name: `API round ${run.next()}`,
      questionnaire: { key: 'london-digital-maturity', version: 2 },
      opensAt: '2026-12-01',
      closesAt: '2027-01-31',
      organisations: ['E09000012', 'E09000007'],
    }),
    text: { name: trimmed },
    readBack: async (_run, p, _body, response) => {
      const rounds = (await json(p.session, '/api/v1/rounds')) as { id: number; name: string }[]
      const id = (response.body as { id: number }).id
      return { values: { name: rounds.find(r => r.id === id)?.name } }
    },
  },
  'post /api/v1/pipeline': {
    caller: 'respondent',
    encoding: 'json',
    valid: run => entryJson({ currentSystem: `System ${run.next()}` }),
    text: entryText,
    readBack: async (run, p, _body, response) => ({
      values: await pipelineEntry(run, p.session, (response.body as { id: number }).id),
    }),
  },
  'put /api/v1/pipeline/:id': {
    caller: 'respondent',
    encoding: 'json',
    prepare: async run => {
      const id = await freshEntry(run)
      return { path: `/api/v1/pipeline/${id}`, id }
    },
    valid: () => ({ ...entryJson({ notes: 'Changed' }), revision: 1 }),
    text: entryText,
    readBack: async (run, p) => ({ values: await pipelineEntry(run, p.session, Number(p.id)) }),
  },
  'delete /api/v1/pipeline/:id': {
    caller: 'respondent',
    encoding: 'json',
    prepare: async run => ({ path: `/api/v1/pipeline/${await freshEntry(run)}` }),
    valid: () => ({ revision: 1 }),
    runs: 15,
  },
  'put /api/v1/assessments/:id/answers/:questionKey': {
    caller: 'respondent',
    encoding: 'json',
    prepare: async run => {
      const session = await run.session('respondent')
      return {
        path: `/api/v1/assessments/${run.world.assessments.own}/answers/${OWN_QUESTION}`,
        revision: await answerRevision(run, session, OWN_QUESTION),
      }
    },
    valid: (_run, p) => ({ level: 3, evidence: 'Our strategy was agreed by cabinet', revision: p.revision }),
    text: { evidence: asGiven },
    readBack: async (run, p) => ({ values: { evidence: (await answerOf(run, p.session, OWN_QUESTION)).evidence } }),
  },
  'post /api/v1/assessments/:id/submit': noInput('respondent', 'json'),
  'post /api/v1/assessments/:id/open-moderation': noInput('assessor', 'json', {
    prepare: async run => {
      await run.world.t.repos.assessments.setState(run.world.assessments.other, 'submitted', {})
      return { path: `/api/v1/assessments/${run.world.assessments.other}/open-moderation` }
    },
  }),
  'put /api/v1/assessments/:id/moderation/:questionKey': {
    caller: 'assessor',
    encoding: 'json',
    prepare: async run => ({
      path: `/api/v1/assessments/${run.world.assessments.other}/moderation/${OWN_QUESTION}`,
      ...(await inModeration(run)),
    }),
    valid: (_run, p) => ({ level: 2, rationale: 'Not yet agreed by members', revision: p.revision }),
    text: { rationale: trimmed },
    readBack: async (run, p) => ({
      page: await page(p.session, `/moderation/${run.world.assessments.other}/sections/${OWN_THEME}`),
    }),
  },
  'post /api/v1/assessments/:id/return': {
    caller: 'assessor',
    encoding: 'json',
    prepare: async run => ({
      path: `/api/v1/assessments/${run.world.assessments.other}/return`,
      ...(await inModeration(run)),
    }),
    valid: () => ({ comment: 'Add evidence, please' }),
    text: { comment: trimmed },
    readBack: async (run, p) => ({ page: await page(p.session, `/moderation/${run.world.assessments.other}`) }),
  },
  'post /api/v1/assessments/:id/complete': {
    caller: 'assessor',
    encoding: 'json',
    prepare: async run => ({
      path: `/api/v1/assessments/${run.world.assessments.other}/complete`,
      ...(await fullyModerated(run)),
    }),
    valid: () => ({ comment: 'Moderated' }),
    text: { comment: trimmed },
    readBack: async (run, p) => ({ page: await page(p.session, `/moderation/${run.world.assessments.other}`) }),
  },
}
