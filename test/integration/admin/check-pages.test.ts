import request from 'supertest'
import { paths } from '../../../src/paths'
import { validDefinition } from '../../support/definitions'
import { assessmentOf, createRound } from '../../support/rounds'
import { bearer, createToken } from '../../support/tokens'
import { createTestApp, PASSWORD, signIn, type Agent, type TestApp } from '../../support/test-app'

/*
 * Issue 16: every action that cannot be undone is a link to a check page; only that page's form posts to
 * it, opening it changes nothing, and its button does the thing.
 */

let t: TestApp
let admin: { agent: Agent; csrf: string; id: number }

beforeAll(async () => {
  t = await createTestApp()
  const user = await t.createUser('admin')
  admin = { ...(await signIn(t.app, user.email)), id: user.id }
})
afterAll(() => t.close())

const confirm = (path: string) => admin.agent.post(path).type('form').send({ _csrf: admin.csrf })

/** Whether a page has a form that posts to `path`. */
const postsTo = (html: string, path: string): boolean => html.includes(`action="${path}"`)

/** The check page's form: its action, button and Cancel link back. */
function expectCheckPage(html: string, action: string, button: string, back: string, cancel = 'Cancel') {
  expect(html).toMatch(
    new RegExp(
      `<form method="post" action="${action}"[\\s\\S]*?${button}</button>[\\s\\S]*?<a class="govuk-link" href="${back}">${cancel}</a>[\\s\\S]*?</form>`,
    ),
  )
  expect(html).toContain('govuk-warning-text')
}

const actions = async (entityType: string, id: number) =>
  (await t.repos.audit.forEntity(entityType, id)).map(e => e.action)

// The test clock's today is 27 November 2026.
const scheduledRound = (name: string) => createRound(t, { name, opensOn: '2027-03-01', closesOn: '2027-06-30' })

describe('closing a round', () => {
  it('is a link on the round page to a check page that changes nothing, whose button closes it', async () => {
    const id = await createRound(t, { name: 'Check close' })
    const page = await admin.agent.get(paths.admin.round(id)).expect(200)
    expect(page.text).toContain(`href="${paths.admin.roundClose(id)}"`)
    expect(postsTo(page.text, paths.admin.roundClose(id))).toBe(false)
    expect(page.text).not.toContain('Cancel round')

    const check = await admin.agent.get(paths.admin.roundClose(id)).expect(200)
    expect(check.text).toContain('Close Check close')
    expect(check.text).toContain('A closed round cannot be opened again')
    expectCheckPage(check.text, paths.admin.roundClose(id), 'Close round', paths.admin.round(id))
    expect((await t.services.rounds.get(id)).status).toBe('open')
    expect(await actions('round', id)).toEqual(['round.created'])

    await confirm(paths.admin.roundClose(id)).expect(302)
    expect((await t.services.rounds.get(id)).status).toBe('closed')
    expect(await actions('round', id)).toEqual(['round.created', 'round.closed'])
  })

  it('is refused for a round that has not opened, which changes nothing', async () => {
    const id = await scheduledRound('Not open yet')
    const refused = await confirm(paths.admin.roundClose(id)).expect(409)
    expect(refused.text).toContain('This round has not opened yet, so it cannot be closed. Cancel it instead.')
    const round = await t.services.rounds.get(id)
    expect(round.status).toBe('scheduled')
    expect(round.closedAt).toBeNull()
    expect(await actions('round', id)).toEqual(['round.created'])
    // Its check page says why, with no button.
    const check = await admin.agent.get(paths.admin.roundClose(id)).expect(200)
    expect(check.text).toContain('This round has not opened yet, so it cannot be closed. You can cancel it instead.')
    expect(postsTo(check.text, paths.admin.roundClose(id))).toBe(false)
  })
})

describe('cancelling a round that has not opened', () => {
  it('is offered instead of closing, through a check page that changes nothing, whose button cancels it', async () => {
    const id = await scheduledRound('To cancel')
    const page = await admin.agent.get(paths.admin.round(id)).expect(200)
    expect(page.text).toContain(`href="${paths.admin.roundCancel(id)}"`)
    expect(page.text).not.toContain('Close round')
    expect(page.text).not.toContain(paths.admin.roundClose(id))
    expect(postsTo(page.text, paths.admin.roundCancel(id))).toBe(false)

    const check = await admin.agent.get(paths.admin.roundCancel(id)).expect(200)
    expect(check.text).toContain('A cancelled round cannot be opened again')
    expectCheckPage(check.text, paths.admin.roundCancel(id), 'Cancel round', paths.admin.round(id), 'Keep the round')
    expect((await t.services.rounds.get(id)).status).toBe('scheduled')

    const done = await confirm(paths.admin.roundCancel(id)).expect(302)
    expect(done.headers.location).toBe(paths.admin.round(id))
    const round = await t.services.rounds.get(id)
    expect(round.status).toBe('cancelled')
    expect(round.cancelledAt).toEqual(t.clock())
    const events = await t.repos.audit.forEntity('round', id)
    expect(events.map(e => e.action)).toEqual(['round.created', 'round.cancelled'])
    expect(events[1]).toMatchObject({ actorUserId: admin.id, after: { status: 'cancelled' } })
  })

  it('shows Cancelled on its page and in the list, offers nothing more, and cannot be closed or cancelled again', async () => {
    const id = await scheduledRound('Cancelled one')
    await confirm(paths.admin.roundCancel(id)).expect(302)
    const page = await admin.agent.get(paths.admin.round(id)).expect(200)
    expect(page.text).toContain('Round cancelled')
    expect(page.text).toContain('>Cancelled<')
    expect(page.text).toContain('Cancelled on')
    expect(page.text).not.toContain('Extend closing date')
    expect(page.text).not.toContain(`href="${paths.admin.roundCancel(id)}"`)
    const list = await admin.agent.get(paths.admin.rounds).expect(200)
    const row = list.text.split('<tr').find(r => r.includes('>Cancelled one</a>'))
    expect(row).toContain('>Cancelled<')

    await confirm(paths.admin.roundCancel(id)).expect(409)
    const extend = await admin.agent
      .post(paths.admin.roundExtend(id))
      .type('form')
      .send({ _csrf: admin.csrf, 'closesOn-day': '1', 'closesOn-month': '9', 'closesOn-year': '2027' })
      .expect(409)
    expect(extend.text).toContain('This round was cancelled: its closing date can no longer change')
    const close = await confirm(paths.admin.roundClose(id)).expect(409)
    expect(close.text).toContain('This round was cancelled, so there is nothing to close')
    expect((await t.services.rounds.get(id)).closedAt).toBeNull()
    expect(await actions('round', id)).toEqual(['round.created', 'round.cancelled'])
  })

  it('is refused for a round that has opened', async () => {
    const id = await createRound(t, { name: 'Already open' })
    const refused = await confirm(paths.admin.roundCancel(id)).expect(409)
    expect(refused.text).toContain('This round has already opened, so it cannot be cancelled. Close it instead.')
    expect((await t.services.rounds.get(id)).status).toBe('open')
  })

  it('takes no answers once its opening date comes', async () => {
    const id = await scheduledRound('Never opens')
    await confirm(paths.admin.roundCancel(id)).expect(302)
    const later = new Date('2027-03-02T10:00:00Z').getTime() - t.clock().getTime()
    t.clock.advance(later)
    try {
      expect((await t.services.rounds.get(id)).status).toBe('cancelled')
      const respondent = await t.createUser('respondent', { organisation: 'hackney' })
      const user = await t.repos.users.findById(respondent.id)
      const assessment = await t.services.assessments.view(user!, await assessmentOf(t, id, 'hackney'))
      expect(assessment.editable).toEqual({ allowed: false, reason: 'This round was cancelled: it takes no answers' })
    } finally {
      t.clock.advance(-later)
    }
  })
})

describe('publishing and retiring a questionnaire version', () => {
  beforeAll(async () => {
    await t.services.questionnaires.upload(validDefinition({ key: 'checked' }), null)
  })
  const version = () => t.services.questionnaires.get('checked', 1)

  it('publishes a draft only from its check page, which changes nothing', async () => {
    const href = paths.admin.questionnairePublish('checked', 1)
    const page = await admin.agent.get(paths.admin.questionnaireVersion('checked', 1)).expect(200)
    expect(page.text).toContain(`href="${href}"`)
    expect(postsTo(page.text, href)).toBe(false)

    const check = await admin.agent.get(href).expect(200)
    expect(check.text).toContain('A published version can never change')
    expectCheckPage(check.text, href, 'Publish version 1', paths.admin.questionnaireVersion('checked', 1))
    expect((await version()).status).toBe('draft')

    await confirm(href).expect(302)
    expect((await version()).status).toBe('published')
  })

  it('retires a published version only from its check page, which changes nothing', async () => {
    const href = paths.admin.questionnaireRetire('checked', 1)
    const page = await admin.agent.get(paths.admin.questionnaireVersion('checked', 1)).expect(200)
    expect(page.text).toContain(`href="${href}"`)
    expect(postsTo(page.text, href)).toBe(false)

    const check = await admin.agent.get(href).expect(200)
    expect(check.text).toContain('A retired version cannot be published again')
    expectCheckPage(check.text, href, 'Retire version 1', paths.admin.questionnaireVersion('checked', 1))
    expect((await version()).status).toBe('published')

    await confirm(href).expect(302)
    expect((await version()).status).toBe('retired')
    // Nothing left to do: the check page says so and has no button.
    const after = await admin.agent.get(href).expect(200)
    expect(after.text).toContain('only a published version can be retired')
    expect(postsTo(after.text, href)).toBe(false)
  })
})

describe('disabling an account', () => {
  it('is a link on the user page to a check page that changes nothing, whose button disables it', async () => {
    const user = await t.createUser('analyst')
    const href = paths.admin.userDisable(user.id)
    const page = await admin.agent.get(paths.admin.user(user.id)).expect(200)
    expect(page.text).toContain(`href="${href}"`)
    expect(postsTo(page.text, href)).toBe(false)

    const check = await admin.agent.get(href).expect(200)
    expect(check.text).toContain('will be signed out everywhere and will not be able to sign in')
    expectCheckPage(check.text, href, 'Disable account', paths.admin.user(user.id))
    expect((await t.repos.users.findById(user.id))?.disabled).toBe(false)
    await signIn(t.app, user.email)

    await confirm(href).expect(302)
    expect((await t.repos.users.findById(user.id))?.disabled).toBe(true)
    await expect(signIn(t.app, user.email, PASSWORD)).rejects.toThrow(/sign-in as .* failed/)
  })
})

describe('revoking someone’s token', () => {
  it('is a link on the user page to a check page that changes nothing, whose button revokes it', async () => {
    const user = await t.createUser('analyst')
    const owner = await signIn(t.app, user.email)
    const { secret, id } = await createToken(owner.agent, 'Nightly export')
    const href = paths.admin.userTokenRevoke(user.id, id)
    const page = await admin.agent.get(paths.admin.user(user.id)).expect(200)
    expect(page.text).toContain(`href="${href}"`)
    expect(postsTo(page.text, href)).toBe(false)

    const check = await admin.agent.get(href).expect(200)
    expectCheckPage(check.text, href, 'Revoke token', paths.admin.user(user.id))
    await request(t.app).get(paths.api.rounds).set(bearer(secret)).expect(200)

    await confirm(href).expect(302)
    await request(t.app).get(paths.api.rounds).set(bearer(secret)).expect(401)
  })
})
