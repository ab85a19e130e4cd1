import request from 'supertest'
import { londonDate } from '../../../src/domain/assessment/round'
import type { Organisation } from '../../../src/domain/organisation'
import { validDefinition } from '../../support/definitions'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

let t: TestApp
let admin: { agent: Agent; csrf: string }
let everyone: Organisation[]

const DAY = 86_400_000
const V2 = 'london-digital-maturity@2'

beforeAll(async () => {
  t = await createTestApp()
  everyone = await t.services.organisations.list()
  await t.services.questionnaires.upload(validDefinition({ key: 'pilot' }), null)
  await t.services.questionnaires.upload(validDefinition({ key: 'old' }), null)
  await t.services.questionnaires.publish('old', 1, null)
  await t.services.questionnaires.retire('old', 1, null)
})
// Fresh each time: a test that moves the clock would otherwise let the last session time out.
beforeEach(async () => {
  admin = await signIn(t.app, (await t.createUser('admin')).email)
})
afterAll(() => t.close())

/** A London calendar date `days` from the test clock's now, as 'YYYY-MM-DD'. */
const daysFromNow = (days: number): string => londonDate(new Date(t.clock().getTime() + days * DAY))

/** A 'YYYY-MM-DD' date as the three boxes of a GOV.UK date input called `name`. */
function dateInput(name: string, iso: string): Record<string, string> {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number]
  return { [`${name}-day`]: String(day), [`${name}-month`]: String(month), [`${name}-year`]: String(year) }
}

let sequence = 0
function roundForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `Round ${++sequence}`,
    questionnaire: V2,
    ...dateInput('opensOn', daysFromNow(-7)),
    ...dateInput('closesOn', daysFromNow(60)),
    organisations: everyone.map(o => o.slug),
    ...overrides,
  }
}

const post = (path: string, fields: Record<string, unknown>) =>
  admin.agent
    .post(path)
    .type('form')
    .send({ _csrf: admin.csrf, ...fields })

/** Creates a round through the form and returns its id, read from where the form redirects. */
async function createRound(overrides: Record<string, unknown> = {}): Promise<number> {
  const response = await post('/admin/rounds/new', roundForm(overrides))
  expect(response.status).toBe(302)
  const match = /^\/admin\/rounds\/(\d+)$/.exec(String(response.headers.location))
  expect(match).not.toBeNull()
  return Number(match![1])
}

const stored = async () => ({
  rounds: (await t.repos.rounds.list()).length,
  assessments: (await t.repos.assessments.list({})).length,
})

/** The list page's table row for the round called `name`. */
async function listRow(name: string): Promise<string> {
  const list = await admin.agent.get('/admin/rounds').expect(200)
  const row = list.text.split('<tr').find(r => r.includes(`>${name}</a>`))
  if (!row) throw new Error(`no row for ${name}`)
  return row
}

describe('creating a round through the form', () => {
  it('offers published versions only, with every organisation ticked', async () => {
    const page = await admin.agent.get('/admin/rounds/new').expect(200)
    expect(page.text).toContain('value="london-digital-maturity@1"')
    expect(page.text).toContain(`value="${V2}"`)
    expect(page.text).not.toContain('value="pilot@1"')
    expect(page.text).not.toContain('value="old@1"')
    expect(page.text.match(/name="organisations" type="checkbox" value="[a-z-]+" checked/g)).toHaveLength(33)
    for (const part of ['day', 'month', 'year']) expect(page.text).toContain(`name="opensOn-${part}"`)
  })

  it('gives all 33 organisations an assessment, not started, and shows the round', async () => {
    const id = await createRound({ name: 'London 2027' })
    const assessments = await t.repos.assessments.list({ roundId: id })
    expect(assessments).toHaveLength(33)
    expect(new Set(assessments.map(a => a.state))).toEqual(new Set(['not_started']))

    const page = await admin.agent.get(`/admin/rounds/${id}`).expect(200)
    expect(page.text).toContain('Round created: London 2027')
    expect(page.text).toContain('London 2027')
    expect(page.text).toContain('london-digital-maturity, version 2')
    expect(page.text.match(/>Not started</g)).toHaveLength(33)
    expect(page.text).toMatch(/0 of \d+ themes completed/)
    expect(page.text).toContain('Barking and Dagenham')
    expect(page.text).toContain(`action="/admin/rounds/${id}/extend"`)
    // Closing cannot be undone: the page links to its check page and never posts to it.
    expect(page.text).toContain(`href="/admin/rounds/${id}/close"`)
    expect(page.text).not.toContain(`action="/admin/rounds/${id}/close"`)

    const row = await listRow('London 2027')
    expect(row).toContain('>Open<')
    expect(row).toContain('>33<')
  })

  it('gives an assessment only to the organisations ticked', async () => {
    const id = await createRound({ name: 'Three only', organisations: ['hackney', 'camden', 'city-of-london'] })
    const assessments = await t.repos.assessments.list({ roundId: id })
    const ids = new Set(assessments.map(a => a.organisationId))
    const slugs = everyone.filter(o => ids.has(o.id)).map(o => o.slug)
    expect(slugs).toEqual(['camden', 'city-of-london', 'hackney'])
    expect(await listRow('Three only')).toContain('>3<')
  })

  it('formats the dates for people to read', async () => {
    const id = await createRound({
      name: 'Spring 2027',
      ...dateInput('opensOn', '2027-03-01'),
      ...dateInput('closesOn', '2027-06-30'),
    })
    const page = await admin.agent.get(`/admin/rounds/${id}`).expect(200)
    expect(page.text).toContain('1 March 2027')
    expect(page.text).toContain('30 June 2027')
    const row = await listRow('Spring 2027')
    expect(row).toContain('1 March 2027')
    expect(row).toContain('>Scheduled<')
  })
})

describe('a round form with bad input', () => {
  beforeAll(async () => {
    await t.services.rounds.create(
      {
        name: 'Taken',
        questionnaire: { key: 'london-digital-maturity', version: 2 },
        opensOn: '2026-11-01',
        closesOn: '2026-12-31',
      },
      null,
    )
  })

  it.each([
    ['no name', { name: '  ' }, 'Enter a name for the round', '#name'],
    ['a name already used, in any case', { name: 'tAKEN' }, 'A round with this name already exists', '#name'],
    ['30 February', dateInput('opensOn', '2027-02-30'), 'Enter a real opening date', '#opensOn-day'],
    ['a month of 13', dateInput('closesOn', '2027-13-01'), 'Enter a real closing date', '#closesOn-day'],
    [
      'an empty date',
      { 'opensOn-day': '', 'opensOn-month': '', 'opensOn-year': '' },
      'Enter a real opening date',
      '#opensOn-day',
    ],
    [
      'closing before opening',
      { ...dateInput('opensOn', '2027-03-02'), ...dateInput('closesOn', '2027-03-01') },
      'The closing date must be the same as or after the opening date',
      '#closesOn-day',
    ],
    ['a draft questionnaire', { questionnaire: 'pilot@1' }, 'Version 1 of pilot is draft', '#questionnaire'],
    ['a retired questionnaire', { questionnaire: 'old@1' }, 'Version 1 of old is retired', '#questionnaire'],
    [
      'a questionnaire that does not exist',
      { questionnaire: 'nothing@9' },
      'Select a published questionnaire version',
      '#questionnaire',
    ],
    ['no questionnaire', { questionnaire: undefined }, 'Select a published questionnaire version', '#questionnaire'],
    [
      'no organisations',
      { organisations: undefined },
      'Select the organisations taking part from the list',
      '#organisations',
    ],
    [
      'an unknown organisation',
      { organisations: ['hackney', 'atlantis'] },
      'Select the organisations taking part from the list',
      '#organisations',
    ],
  ])('%s: 400, the message linked to its field, nothing stored', async (_case, overrides, message, href) => {
    const before = await stored()
    const response = await post('/admin/rounds/new', roundForm(overrides))
    expect(response.status).toBe(400)
    expect(response.text).toContain('There is a problem')
    expect(response.text).toMatch(new RegExp(`<a href="${href}">${message}`))
    expect(response.text).toContain('<title>Error: ')
    expect(await stored()).toEqual(before)
  })

  it('lists every problem at once, in the order of the form', async () => {
    const response = await post('/admin/rounds/new', {
      _csrf: admin.csrf,
      ...dateInput('opensOn', '2027-02-30'),
    })
    expect(response.status).toBe(400)
    const links = [...response.text.matchAll(/<li><a href="(#[a-zA-Z-]+)">/g)].map(m => m[1])
    expect(links).toEqual(['#name', '#questionnaire', '#opensOn-day', '#closesOn-day', '#organisations'])
  })

  it('keeps what was typed and ticked', async () => {
    const response = await post(
      '/admin/rounds/new',
      roundForm({ name: 'Kept', organisations: ['brent', 'ealing'], ...dateInput('opensOn', '2027-02-30') }),
    )
    expect(response.status).toBe(400)
    expect(response.text).toContain('value="Kept"')
    expect(response.text).toMatch(new RegExp(`value="${V2}"[^>]*checked`))
    expect(response.text).toMatch(/id="opensOn-day" name="opensOn-day" type="text" inputmode="numeric" value="30"/)
    expect(response.text.match(/name="organisations" type="checkbox" value="[a-z-]+" checked/g)).toEqual([
      'name="organisations" type="checkbox" value="brent" checked',
      'name="organisations" type="checkbox" value="ealing" checked',
    ])
  })
})

describe('extending a round', () => {
  it('moves the closing date later, and says so', async () => {
    const id = await createRound({ ...dateInput('closesOn', '2027-01-31') })
    const response = await post(`/admin/rounds/${id}/extend`, dateInput('closesOn', '2027-02-28'))
    expect(response.status).toBe(302)
    expect(response.headers.location).toBe(`/admin/rounds/${id}`)
    expect((await t.repos.rounds.findById(id))?.closesOn).toBe('2027-02-28')
    const page = await admin.agent.get(`/admin/rounds/${id}`).expect(200)
    expect(page.text).toContain('Closing date extended')
    expect(page.text).toContain('28 February 2027')
  })

  it.each([
    ['an earlier date', dateInput('closesOn', '2027-01-30'), 'The new closing date must be after the current one'],
    ['the same date', dateInput('closesOn', '2027-01-31'), 'The new closing date must be after the current one'],
    ['31 April', dateInput('closesOn', '2027-04-31'), 'Enter a real closing date'],
    ['nothing', {}, 'Enter a real closing date'],
  ])('refuses %s with 400 and changes nothing', async (_case, fields, message) => {
    const id = await createRound({ ...dateInput('closesOn', '2027-01-31') })
    const response = await post(`/admin/rounds/${id}/extend`, fields)
    expect(response.status).toBe(400)
    expect(response.text).toMatch(new RegExp(`<a href="#closesOn-day">${message}`))
    expect((await t.repos.rounds.findById(id))?.closesOn).toBe('2027-01-31')
  })

  it('is refused with 409 once the round is closed', async () => {
    const id = await createRound()
    await post(`/admin/rounds/${id}/close`, {}).expect(302)
    const response = await post(`/admin/rounds/${id}/extend`, dateInput('closesOn', '2030-01-01'))
    expect(response.status).toBe(409)
    expect(response.text).toContain('This round has been closed')
  })
})

describe('closing a round', () => {
  it('makes it Closed, hides the forms that change it, and cannot be done twice', async () => {
    const id = await createRound({ name: 'To close' })
    const response = await post(`/admin/rounds/${id}/close`, {})
    expect(response.status).toBe(302)
    expect(response.headers.location).toBe(`/admin/rounds/${id}`)
    expect((await t.services.rounds.get(id)).status).toBe('closed')
    const page = await admin.agent.get(`/admin/rounds/${id}`).expect(200)
    expect(page.text).toContain('Round closed')
    expect(page.text).toContain('>Closed<')
    expect(page.text).not.toContain(`/admin/rounds/${id}/extend`)
    expect(page.text).not.toContain(`/admin/rounds/${id}/close`)
    expect(await listRow('To close')).toContain('>Closed<')
    await post(`/admin/rounds/${id}/close`, {}).expect(409)
  })

  it('leaves an audit event for each change', async () => {
    const id = await createRound({ ...dateInput('closesOn', '2027-01-31') })
    await post(`/admin/rounds/${id}/extend`, dateInput('closesOn', '2027-02-28')).expect(302)
    await post(`/admin/rounds/${id}/close`, {}).expect(302)
    const events = await t.repos.audit.forEntity('round', id)
    expect(events.map(e => e.action)).toEqual(['round.created', 'round.extended', 'round.closed'])
    expect(events[0]?.after).toMatchObject({
      questionnaire: { key: 'london-digital-maturity', version: 2 },
      organisations: 33,
    })
    expect(events[1]).toMatchObject({ before: { closesOn: '2027-01-31' }, after: { closesOn: '2027-02-28' } })
    expect(events.every(e => e.actorUserId !== null)).toBe(true)
  })
})

describe('unknown rounds', () => {
  it.each(['99999', 'abc', '-1', '1.5'])('answer 404 for /admin/rounds/%s', async id => {
    await admin.agent.get(`/admin/rounds/${id}`).expect(404)
    await post(`/admin/rounds/${id}/extend`, dateInput('closesOn', '2030-01-01')).expect(404)
    await post(`/admin/rounds/${id}/close`, {}).expect(404)
  })
})

describe('a round’s status follows the clock', () => {
  it('is Scheduled before it opens, Open until the end of its closing day, then Closed', async () => {
    const name = 'Clockwork'
    const id = await createRound({
      name,
      ...dateInput('opensOn', daysFromNow(1)),
      ...dateInput('closesOn', daysFromNow(2)),
    })
    const status = async () => {
      admin = await signIn(t.app, (await t.createUser('admin')).email)
      const row = await listRow(name)
      return ['Scheduled', 'Open', 'Closed'].filter(s => row.includes(`>${s}<`))
    }
    expect(await status()).toEqual(['Scheduled'])
    t.clock.advance(DAY)
    expect(await status()).toEqual(['Open'])
    t.clock.advance(DAY)
    expect(await status()).toEqual(['Open'])
    t.clock.advance(DAY)
    expect(await status()).toEqual(['Closed'])

    // Past its closing date but never closed by hand, it can still be extended, which opens it again.
    const page = await admin.agent.get(`/admin/rounds/${id}`).expect(200)
    expect(page.text).toContain('Its closing date has passed')
    await post(`/admin/rounds/${id}/extend`, dateInput('closesOn', daysFromNow(7))).expect(302)
    expect(await status()).toEqual(['Open'])
  })
})

describe('the rounds API', () => {
  const body = (overrides: Record<string, unknown> = {}) => ({
    name: `API round ${++sequence}`,
    questionnaire: { key: 'london-digital-maturity', version: 2 },
    opensAt: daysFromNow(-1),
    closesAt: daysFromNow(30),
    ...overrides,
  })
  const create = (json: unknown) =>
    admin.agent
      .post('/api/v1/rounds')
      .set('X-CSRF-Token', admin.csrf)
      .send(json as object)

  it('creates a round (201) for every organisation, and lists it for any signed-in role', async () => {
    const response = await create(body({ name: 'From the API' }))
    expect(response.status).toBe(201)
    expect(response.body).toEqual({ id: expect.any(Number) })
    const id = response.body.id as number
    expect(await t.repos.assessments.list({ roundId: id })).toHaveLength(33)

    const respondent = await signIn(t.app, (await t.createUser('respondent')).email)
    const list = await respondent.agent.get('/api/v1/rounds').expect(200)
    expect(list.body).toContainEqual({
      id,
      name: 'From the API',
      questionnaire: { key: 'london-digital-maturity', version: 2 },
      opensAt: daysFromNow(-1),
      closesAt: daysFromNow(30),
      status: 'open',
    })
    for (const r of list.body) expect(['scheduled', 'open', 'closed']).toContain(r.status)
  })

  it('takes organisations as GSS codes', async () => {
    const camden = everyone.find(o => o.slug === 'camden')!
    const hackney = everyone.find(o => o.slug === 'hackney')!
    const response = await create(body({ organisations: [camden.gss, hackney.gss] }))
    expect(response.status).toBe(201)
    expect(await t.repos.assessments.list({ roundId: response.body.id })).toHaveLength(2)
  })

  it('refuses an empty body with 422, pointing at every missing member', async () => {
    const response = await create({})
    expect(response.status).toBe(422)
    expect(response.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/name',
      '/questionnaire',
      '/opensAt',
      '/closesAt',
    ])
  })

  it.each([
    ['a draft questionnaire', { questionnaire: { key: 'pilot', version: 1 } }, ['/questionnaire']],
    ['a questionnaire given as text', { questionnaire: 'london-digital-maturity@2' }, ['/questionnaire']],
    ['30 February', { opensAt: '2027-02-30' }, ['/opensAt']],
    ['a date and time', { closesAt: '2027-06-30T23:59:59Z' }, ['/closesAt']],
    ['closing before opening', { opensAt: '2027-03-02', closesAt: '2027-03-01' }, ['/closesAt']],
    ['a name already used', { name: 'taken' }, ['/name']],
    ['no organisations', { organisations: [] }, ['/organisations']],
    ['an unknown GSS code', { organisations: ['E09000001', 'E09999999'] }, ['/organisations']],
    ['slugs instead of GSS codes', { organisations: ['hackney'] }, ['/organisations']],
    ['organisations that are not a list', { organisations: 'E09000001' }, ['/organisations']],
    ['an unknown code and a missing name', { name: '', organisations: ['E09999999'] }, ['/name', '/organisations']],
  ])('refuses %s with 422 and JSON pointers, storing nothing', async (_case, overrides, pointers) => {
    const before = await stored()
    const response = await create(body(overrides))
    expect(response.status).toBe(422)
    expect(response.body.error).toBe('invalid')
    expect(response.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(pointers)
    for (const e of response.body.errors) expect(typeof e.message).toBe('string')
    expect(await stored()).toEqual(before)
  })

  it('names the unknown GSS codes', async () => {
    const response = await create(body({ organisations: ['E09000001', 'E09999999'] }))
    expect(response.body.errors).toEqual([
      { pointer: '/organisations', message: 'E09999999 is not the GSS code of a London authority' },
    ])
  })

  it.each(['respondent', 'assessor', 'analyst'] as const)('refuses to let a %s create a round (403)', async role => {
    const user = await signIn(t.app, (await t.createUser(role)).email)
    const before = await stored()
    const response = await user.agent.post('/api/v1/rounds').set('X-CSRF-Token', user.csrf).send(body())
    expect(response.status).toBe(403)
    expect(await stored()).toEqual(before)
  })

  it('answers 401 when signed out, and 403 without the CSRF token', async () => {
    await request(t.app).get('/api/v1/rounds').expect(401)
    await request(t.app).post('/api/v1/rounds').send(body()).expect(401)
    const response = await admin.agent.post('/api/v1/rounds').send(body())
    expect(response.status).toBe(403)
    expect(response.body.error).toBe('csrf')
  })
})

describe('round names and closing dates, at the service', () => {
  it('treats names that differ only in case as the same round, and refuses a closing date in the past', async () => {
    const form = {
      questionnaire: { key: 'london-digital-maturity', version: 2 },
      opensOn: '2026-11-01',
      closesOn: '2026-12-31',
    }
    const id = await t.services.rounds.create({ ...form, name: 'Case Test Round' }, null)
    await expect(t.services.rounds.create({ ...form, name: 'case test round' }, null)).rejects.toThrow(
      'A round with this name already exists',
    )
    const admin = await t.createUser('admin')
    await expect(t.services.rounds.extend(id, '2027-01-15', admin.id)).resolves.toBeUndefined()
    t.clock.advance(90 * 24 * 3600 * 1000)
    await expect(t.services.rounds.extend(id, '2027-01-20', admin.id)).rejects.toThrow(
      'The new closing date must be today or later',
    )
    expect((await t.services.rounds.get(id)).closesOn).toBe('2027-01-15')
  })
})
