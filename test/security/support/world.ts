import { catalogueProduct, estateContent } from '../../support/estate'
import request from 'supertest'
import { ROLES, type Role } from '../../../src/domain/roles'
import type { User } from '../../../src/domain/user'
import { validDefinition } from '../../support/definitions'
import { entryJson } from '../../support/pipeline'
import { fillAssessment } from '../../support/results'
import { assessmentOf, createRound } from '../../support/rounds'
import { createTestApp, csrfFrom, signIn, type Agent, type TestApp } from '../../support/test-app'

/** Who sends a request: one of the four roles, or someone who has not signed in. */
export type Caller = Role | 'signed-out'
export const CALLERS: readonly Caller[] = [...ROLES, 'signed-out']

/** Something that belongs to one organisation (or person): the caller's own, and someone else's. */
export interface Pair {
  own: number
  other: number
}

/**
 * Two organisations' worth of everything the route table takes an id for: Hackney is the respondent's own
 * organisation, Camden is the other one. Each role has a signed-in person, and a personal access token.
 */
export interface World {
  t: TestApp
  users: Record<Role, User>
  /** A respondent of the other organisation, Camden. */
  otherRespondent: User
  /** An account for admins to change, disable and re-invite, so no signed-in person is locked out. */
  victim: User
  /** The open round both organisations take part in, and a second one for admins to close. */
  round: number
  spareRound: number
  /** Hackney's assessment is in progress; Camden's is filled in and submitted, ready to moderate. */
  assessments: Pair
  pipelineEntries: Pair
  /** A catalogue product, and a system each organisation runs; neither entry is marked shareable. */
  estateProduct: number
  estateEntries: Pair
  /** A draft standard for admins to publish; the shipped standards are published. */
  draftStandard: { key: string; version: number }
  /** Each role's own token, a token of the other organisation's respondent, and one of the victim's. */
  tokens: Record<Role, number> & { other: number; victim: number }
  partnership: number
  draft: { key: string; version: number }
  published: { key: string; version: number }
  invitation: string
  themeKey: string
  questionKey: string
  categoryKey: string
  /** A product in London's catalogue, approved, that no route merges away. */
  product: number
}

export const OWN = 'hackney'
export const OTHER = 'camden'
/** The other organisation's name as a page would show it: a respondent refused its resources never sees it. */
export const OTHER_NAME = 'Camden'

async function userOf(t: TestApp, id: number): Promise<User> {
  const user = await t.services.auth.currentUser(id)
  if (!user) throw new Error(`no user ${id}`)
  return user
}

export async function buildWorld(env: Record<string, string> = {}): Promise<World> {
  const t = await createTestApp(env)
  const users = {} as Record<Role, User>
  for (const role of ROLES) {
    const { id } = await t.createUser(role, { organisation: role === 'respondent' ? OWN : undefined })
    users[role] = await userOf(t, id)
  }
  const otherRespondent = await userOf(t, (await t.createUser('respondent', { organisation: OTHER })).id)
  const admin = users.admin

  const round = await createRound(t, { name: 'Security round', organisations: [OWN, OTHER] })
  const spareRound = await createRound(t, { name: 'Spare round', organisations: [OWN] })
  const own = await assessmentOf(t, round, OWN)
  const other = await assessmentOf(t, round, OTHER)
  const questionKey = 'leadership.strategy.digital-strategy'
  await t.services.assessments.saveAnswer(users.respondent, own, questionKey, { level: 2, revision: 0 })
  await fillAssessment(t, other, () => 3, { state: 'submitted', evidence: 'Camden evidence' })

  const pipelineEntries = {
    own: await t.services.pipeline.create(users.respondent, undefined, entryJson()),
    other: await t.services.pipeline.create(otherRespondent, undefined, entryJson({ supplier: 'Camden supplier' })),
  }
  const estateProduct = await catalogueProduct(t, { name: 'Security ledger', supplier: 'Security supplier' })
  const estateEntries = {
    own: (await t.services.estate.create(users.respondent, undefined, estateContent(estateProduct))).id,
    other: (await t.services.estate.create(otherRespondent, undefined, estateContent(estateProduct))).id,
  }
  const draftStandard = await t.services.standards.upload(
    {
      key: 'security-draft',
      version: 1,
      title: 'A draft standard',
      source: 'Made up for the security suite',
      points: [{ key: 'one', title: 'One', description: '' }],
    },
    admin.id,
  )
  const tokens = {} as World['tokens']
  for (const role of ROLES) {
    tokens[role] = (
      await t.services.tokens.create(users[role], { name: `${role} token`, expiresInDays: '30' })
    ).token.id
  }
  tokens.other = (
    await t.services.tokens.create(otherRespondent, { name: 'Camden token', expiresInDays: '30' })
  ).token.id

  const partnership = await t.services.partnerships.create(
    { name: 'Security partnership', description: 'Two boroughs', members: [OWN, OTHER] },
    admin.id,
  )
  const draft = await t.services.questionnaires.upload(validDefinition(), admin.id)
  const invited = await t.services.users.invite(
    { email: 'victim@test.local', name: 'Victim', role: 'analyst', organisation: '' },
    admin.id,
  )
  const victim = await userOf(t, invited.userId)
  tokens.victim = (await t.services.tokens.create(victim, { name: 'Victim token', expiresInDays: '30' })).token.id
  const product = await t.services.catalogue.propose(admin, {
    name: 'Security ERP',
    supplier: 'Security supplier',
    category: 'finance-erp',
  })
  return {
    t,
    users,
    otherRespondent,
    victim,
    round,
    spareRound,
    assessments: { own, other },
    pipelineEntries,
    estateProduct,
    estateEntries,
    draftStandard: { key: draftStandard.key, version: draftStandard.version },
    tokens,
    partnership,
    draft: { key: draft.key, version: draft.version },
    published: { key: 'london-digital-maturity', version: 2 },
    invitation: invited.token,
    themeKey: 'leadership.strategy',
    questionKey,
    categoryKey: 'finance-erp',
    product: product.id,
  }
}

export interface Session {
  agent: Agent
  csrf: string
}

/** A browser session for the caller: signed in through the form, or signed out with the sign-in page's token. */
export async function sessionFor(world: World, caller: Caller): Promise<Session> {
  if (caller !== 'signed-out') return signIn(world.t.app, world.users[caller].email)
  const agent = request.agent(world.t.app)
  const login = await agent.get('/login')
  return { agent, csrf: csrfFrom(login.text) }
}

export async function sessionsFor(world: World): Promise<Map<Caller, Session>> {
  const sessions = new Map<Caller, Session>()
  for (const caller of CALLERS) sessions.set(caller, await sessionFor(world, caller))
  return sessions
}
