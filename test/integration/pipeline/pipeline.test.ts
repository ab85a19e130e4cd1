import { paths } from '../../../src/paths'
import { undocumented } from '../../support/openapi'
import { entriesOf, entryForm, entryJson, pipelineEvents } from '../../support/pipeline'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

let t: TestApp
type Person = { agent: Agent; csrf: string; id: number }
let hackney: Person
let camden: Person
let analyst: Person
let assessor: Person
let admin: Person

const HACKNEY_GSS = 'E09000012'

async function person(role: 'respondent' | 'analyst' | 'assessor' | 'admin', organisation?: string): Promise<Person> {
  const user = await t.createUser(role, { organisation })
  return { ...(await signIn(t.app, user.email)), id: user.id }
}

beforeAll(async () => {
  t = await createTestApp()
  hackney = await person('respondent', 'hackney')
  camden = await person('respondent', 'camden')
  analyst = await person('analyst')
  assessor = await person('assessor')
  admin = await person('admin')
})
afterAll(() => t.close())

const postForm = (who: Person, path: string, fields: Record<string, string>) =>
  who.agent
    .post(path)
    .type('form')
    .send({ _csrf: who.csrf, ...fields })

const api = (who: Person, method: 'post' | 'put' | 'delete', path: string) =>
  who.agent[method](path).set('X-CSRF-Token', who.csrf)

/** Adds an entry for Hackney through the API, as its respondent. */
async function hackneyEntry(change: Record<string, unknown> = {}): Promise<number> {
  const response = await api(hackney, 'post', paths.api.pipeline).send(entryJson(change)).expect(201)
  return (response.body as { id: number }).id
}

describe('a respondent’s own pipeline, on its pages', () => {
  it('is in the navigation and starts empty', async () => {
    const page = await camden.agent.get(paths.pipeline).expect(200)
    expect(page.text).toContain(`href="${paths.pipeline}"`)
    expect(page.text).toContain('Your pipeline')
    expect(page.text).toContain('<span class="govuk-caption-l">Camden</span>')
    expect(page.text).toContain('No entries yet.')
  })

  it('adds an entry from the form, shows it in words, and audits it', async () => {
    const before = (await entriesOf(t, 'camden')).length
    const response = await postForm(camden, paths.pipelineNew, entryForm({ status: 'in_procurement' })).expect(302)
    expect(response.headers.location).toBe(paths.pipeline)
    const page = await camden.agent.get(paths.pipeline).expect(200)
    expect(page.text).toContain('Entry added: Finance and ERP')
    expect(page.text).toContain('31 March 2028')
    expect(page.text).toContain('1 April 2027')
    expect(page.text).toMatch(/<strong class="govuk-tag [^"]*">In procurement<\/strong>/)
    const entries = await entriesOf(t, 'camden')
    expect(entries).toHaveLength(before + 1)
    const entry = entries.at(-1)!
    expect(entry).toMatchObject({ contractEnd: '2028-03-31', plannedStart: '2027-04-01', shareable: true, revision: 1 })
    const events = await t.repos.audit.forEntity('pipeline_entry', entry.id)
    expect(events).toMatchObject([
      { action: 'pipeline_entry.created', actorUserId: camden.id, after: { contractEnd: '2028-03-31', revision: 1 } },
    ])
  })

  it('changes an entry from its form, which carries the revision, and audits before and after', async () => {
    await postForm(camden, paths.pipelineNew, entryForm({ currentSystem: 'Agresso' })).expect(302)
    const entry = (await entriesOf(t, 'camden')).find(e => e.currentSystem === 'Agresso')!
    const form = await camden.agent.get(paths.pipelineEntry(entry.id)).expect(200)
    expect(form.text).toContain('name="revision" value="1"')
    expect(form.text).toMatch(/id="contractEnd-day" name="contractEnd-day" type="text" inputmode="numeric" value="31"/)
    await postForm(
      camden,
      paths.pipelineEntry(entry.id),
      entryForm({ currentSystem: 'Agresso', status: 'awarded', revision: '1' }),
    ).expect(302)
    expect(await t.repos.pipeline.findById(entry.id)).toMatchObject({ status: 'awarded', revision: 2 })
    const events = await t.repos.audit.forEntity('pipeline_entry', entry.id)
    expect(events.at(-1)).toMatchObject({
      action: 'pipeline_entry.updated',
      before: { status: 'planned', revision: 1 },
      after: { status: 'awarded', revision: 2 },
    })
  })

  it('shows a stale save what is there now, keeps the typed values, and changes nothing', async () => {
    await postForm(camden, paths.pipelineNew, entryForm({ currentSystem: 'iTrent' })).expect(302)
    const entry = (await entriesOf(t, 'camden')).find(e => e.currentSystem === 'iTrent')!
    // Two colleagues open the same entry; the first saves.
    await postForm(
      camden,
      paths.pipelineEntry(entry.id),
      entryForm({ currentSystem: 'iTrent', supplier: 'MHR', revision: '1' }),
    ).expect(302)
    const stale = await postForm(
      camden,
      paths.pipelineEntry(entry.id),
      entryForm({ currentSystem: 'iTrent', supplier: 'Zellis', revision: '1' }),
    ).expect(409)
    expect(stale.text).toContain('Someone else changed this entry while you were editing it')
    expect(stale.text).toContain('What this entry says now')
    expect(stale.text).toContain('MHR')
    expect(stale.text).toContain('value="Zellis"')
    expect(stale.text).toContain('name="revision" value="2"')
    expect(await t.repos.pipeline.findById(entry.id)).toMatchObject({ supplier: 'MHR', revision: 2 })
    // Saving again from that page is a knowing overwrite.
    await postForm(
      camden,
      paths.pipelineEntry(entry.id),
      entryForm({ currentSystem: 'iTrent', supplier: 'Zellis', revision: '2' }),
    ).expect(302)
    expect(await t.repos.pipeline.findById(entry.id)).toMatchObject({ supplier: 'Zellis', revision: 3 })
  })

  it('deletes an entry after a confirmation page, refusing a stale confirmation', async () => {
    await postForm(camden, paths.pipelineNew, entryForm({ currentSystem: 'To delete' })).expect(302)
    const entry = (await entriesOf(t, 'camden')).find(e => e.currentSystem === 'To delete')!
    const confirm = await camden.agent.get(paths.pipelineDelete(entry.id)).expect(200)
    expect(confirm.text).toContain('Delete this pipeline entry?')
    expect(confirm.text).toContain('To delete')
    expect(confirm.text).toContain('name="revision" value="1"')
    await postForm(
      camden,
      paths.pipelineEntry(entry.id),
      entryForm({ currentSystem: 'To delete', notes: 'changed', revision: '1' }),
    )
    const stale = await postForm(camden, paths.pipelineDelete(entry.id), { revision: '1' }).expect(409)
    expect(stale.text).toContain('Someone else changed this entry since you opened this page')
    expect(stale.text).toContain('name="revision" value="2"')
    expect(await t.repos.pipeline.findById(entry.id)).toBeDefined()
    await postForm(camden, paths.pipelineDelete(entry.id), { revision: '2' }).expect(302)
    expect(await t.repos.pipeline.findById(entry.id)).toBeUndefined()
    expect((await camden.agent.get(paths.pipeline)).text).toContain('Entry deleted: Finance and ERP')
    const events = await t.repos.audit.forEntity('pipeline_entry', entry.id)
    expect(events.at(-1)).toMatchObject({
      action: 'pipeline_entry.deleted',
      before: { currentSystem: 'To delete', revision: 2 },
    })
  })

  it.each([
    [
      'a date that does not exist',
      { 'contractEnd-day': '30', 'contractEnd-month': '2', 'contractEnd-year': '2028' },
      '#contractEnd-day',
      'Enter the contract end date as a real day, month and year, for example 31 3 2028',
    ],
    [
      'a date with a part missing',
      { 'plannedStart-day': '', 'plannedStart-month': '4', 'plannedStart-year': '2027' },
      '#plannedStart-day',
      'Enter the planned start date as a real day, month and year, for example 31 3 2028',
    ],
    [
      'an end before a start',
      { 'plannedStart-day': '1', 'plannedStart-month': '4', 'plannedStart-year': '2029' },
      '#contractEnd-day',
      'The contract end date must be on or after the planned start date',
    ],
    [
      'an unknown category',
      { categoryKey: 'spaceships' },
      '#categoryKey',
      '“spaceships” is not a category on the shared list',
    ],
    ['no category', { categoryKey: '' }, '#categoryKey', 'Select a category'],
    ['a value band off the list', { valueBand: '2m' }, '#valueBand', 'The value band must be one of:'],
    ['no status', { status: '' }, '#status', 'Select the status'],
  ])('refuses %s with a message linked to its field, storing nothing', async (_name, change, href, message) => {
    const before = await entriesOf(t, 'camden')
    const events = await pipelineEvents(t)
    const response = await postForm(camden, paths.pipelineNew, entryForm(change)).expect(400)
    expect(response.text).toContain('There is a problem')
    expect(response.text).toMatch(new RegExp(`<a href="${href}">${message.replace(/[()]/g, '\\$&')}`))
    expect(response.text).toContain('value="Oracle E-Business Suite"')
    expect(await entriesOf(t, 'camden')).toEqual(before)
    expect(await pipelineEvents(t)).toEqual(events)
  })
})

describe('priorities', () => {
  it('are up to five service areas of the questionnaire, ranked, gaps closed up, and audited', async () => {
    const page = await camden.agent.get(paths.pipelinePriorities).expect(200)
    for (const rank of [1, 2, 3, 4, 5]) expect(page.text).toContain(`id="priority${rank}"`)
    expect(page.text).toContain('value="services.housing"')
    expect(page.text).not.toContain('value="data.quality"')
    await postForm(camden, paths.pipelinePriorities, {
      priority1: 'services.adult-social-care',
      priority2: '',
      priority3: 'services.housing',
    }).expect(302)
    const list = await camden.agent.get(paths.pipeline).expect(200)
    expect(list.text).toMatch(
      /<ol class="govuk-list govuk-list--number">\s*<li>Adult social care<\/li><li>Housing allocations and lettings<\/li>/,
    )
    const camdenId = (await t.repos.organisations.findBySlug('camden'))!.id
    expect(await t.repos.pipeline.priorities(camdenId)).toEqual([
      { rank: 1, serviceArea: 'services.adult-social-care', notes: null },
      { rank: 2, serviceArea: 'services.housing', notes: null },
    ])
    expect((await t.repos.audit.forEntity('service_priorities', camdenId)).at(-1)).toMatchObject({
      action: 'service_priorities.replaced',
      actorUserId: camden.id,
      after: ['services.adult-social-care', 'services.housing'],
    })
  })

  it.each([
    [
      'the same area twice',
      { priority1: 'services.waste-street', priority2: 'services.waste-street' },
      'priority2',
      'Waste and street services is already priority 1: choose each service area once',
    ],
    [
      'an area that is not a service area',
      { priority1: 'data.quality' },
      'priority1',
      '“data.quality” is not a service area of the questionnaire',
    ],
  ])('refuse %s, changing nothing', async (_name, fields, field, message) => {
    const camdenId = (await t.repos.organisations.findBySlug('camden'))!.id
    const before = await t.repos.pipeline.priorities(camdenId)
    const response = await postForm(camden, paths.pipelinePriorities, fields).expect(400)
    expect(response.text).toContain(`<a href="#${field}">${message}</a>`)
    expect(await t.repos.pipeline.priorities(camdenId)).toEqual(before)
  })
})

describe('who may see and change which pipeline', () => {
  let entry: number
  beforeAll(async () => {
    entry = await hackneyEntry({ currentSystem: 'Hackney secret system', shareable: false })
  })

  it('keeps another authority’s entries from a respondent, on every page and endpoint', async () => {
    const own = await camden.agent.get(paths.pipeline).expect(200)
    expect(own.text).not.toContain('Hackney secret system')
    const named = await camden.agent.get(`${paths.pipeline}?organisation=hackney`).expect(403)
    expect(named.text).not.toContain('Hackney secret system')
    await camden.agent.get(paths.pipelineEntry(entry)).expect(404)
    await camden.agent.get(paths.pipelineDelete(entry)).expect(404)
    const listed = await camden.agent.get(paths.api.pipeline).expect(200)
    expect(JSON.stringify(listed.body)).not.toContain('Hackney secret system')
  })

  it('lets no respondent change another authority’s entries or add to its pipeline', async () => {
    const events = await pipelineEvents(t)
    const before = await entriesOf(t, 'hackney')
    await postForm(camden, paths.pipelineEntry(entry), entryForm({ revision: '1' })).expect(404)
    await postForm(camden, paths.pipelineDelete(entry), { revision: '1' }).expect(404)
    await api(camden, 'put', paths.api.pipelineEntry(entry))
      .send(entryJson({ revision: 1 }))
      .expect(404)
    await api(camden, 'delete', `${paths.api.pipelineEntry(entry)}?revision=1`).expect(404)
    await api(camden, 'post', paths.api.pipeline)
      .send(entryJson({ organisation: HACKNEY_GSS }))
      .expect(403)
    await postForm(camden, paths.pipelineNew, entryForm({ organisation: 'hackney' })).expect(403)
    await postForm(camden, paths.pipelinePriorities, { organisation: 'hackney', priority1: 'services.housing' }).expect(
      403,
    )
    expect(await entriesOf(t, 'hackney')).toEqual(before)
    expect(await pipelineEvents(t)).toEqual(events)
  })

  it.each(['analyst', 'assessor'] as const)('lets an %s read every pipeline but change none', async role => {
    const who = role === 'analyst' ? analyst : assessor
    const index = await who.agent.get(paths.pipeline).expect(200)
    expect(index.text).toContain(`href="${paths.pipeline}?organisation=hackney"`)
    const page = await who.agent.get(`${paths.pipeline}?organisation=hackney`).expect(200)
    expect(page.text).toContain('Hackney secret system')
    expect(page.text).not.toContain('Add an entry')
    expect(page.text).not.toContain(`href="${paths.pipelineDelete(entry)}"`)
    const read = await who.agent.get(paths.pipelineEntry(entry)).expect(200)
    expect(read.text).toContain('Hackney secret system')
    expect(read.text).not.toContain('<form method="post" action="/pipeline')
    const listed = await who.agent.get(paths.api.pipeline).expect(200)
    expect(listed.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: entry, organisation: { gss: HACKNEY_GSS, name: 'Hackney' } }),
      ]),
    )

    const events = await pipelineEvents(t)
    const before = await entriesOf(t, 'hackney')
    await postForm(who, paths.pipelineEntry(entry), entryForm({ revision: '1' })).expect(403)
    await postForm(who, paths.pipelineDelete(entry), { revision: '1' }).expect(403)
    await postForm(who, paths.pipelineNew, entryForm({ organisation: 'hackney' })).expect(403)
    await api(who, 'post', paths.api.pipeline)
      .send(entryJson({ organisation: HACKNEY_GSS }))
      .expect(403)
    await api(who, 'put', paths.api.pipelineEntry(entry))
      .send(entryJson({ revision: 1 }))
      .expect(403)
    await api(who, 'delete', `${paths.api.pipelineEntry(entry)}?revision=1`).expect(403)
    expect(await entriesOf(t, 'hackney')).toEqual(before)
    expect(await pipelineEvents(t)).toEqual(events)
  })

  it('lets an admin keep any organisation’s pipeline on its behalf, audited as the admin', async () => {
    const page = await admin.agent.get(`${paths.pipeline}?organisation=hackney`).expect(200)
    expect(page.text).toContain('Add an entry')
    expect(page.text).toContain(`href="${paths.pipelineNew}?organisation=hackney"`)
    const form = await admin.agent.get(`${paths.pipelineNew}?organisation=hackney`).expect(200)
    expect(form.text).toContain('name="organisation" value="hackney"')
    const created = await postForm(
      admin,
      paths.pipelineNew,
      entryForm({ organisation: 'hackney', currentSystem: 'On behalf' }),
    ).expect(302)
    expect(created.headers.location).toBe(`${paths.pipeline}?organisation=hackney`)
    const made = (await entriesOf(t, 'hackney')).find(e => e.currentSystem === 'On behalf')!
    expect((await t.repos.audit.forEntity('pipeline_entry', made.id))[0]).toMatchObject({ actorUserId: admin.id })

    await postForm(
      admin,
      paths.pipelineEntry(made.id),
      entryForm({ currentSystem: 'On behalf', status: 'idea', revision: '1' }),
    ).expect(302)
    expect(await t.repos.pipeline.findById(made.id)).toMatchObject({ status: 'idea', revision: 2 })

    const viaApi = await api(admin, 'post', paths.api.pipeline)
      .send(entryJson({ organisation: HACKNEY_GSS }))
      .expect(201)
    expect((await t.repos.pipeline.findById(viaApi.body.id))?.organisationId).toBe(made.organisationId)
  })

  it('asks an admin which organisation an entry is for', async () => {
    const missing = await api(admin, 'post', paths.api.pipeline).send(entryJson()).expect(422)
    expect(missing.body.errors).toEqual([
      { pointer: '/organisation', message: 'Say which organisation this is for, by its GSS code' },
    ])
    const unknown = await api(admin, 'post', paths.api.pipeline)
      .send(entryJson({ organisation: 'E09999999' }))
      .expect(422)
    expect(unknown.body.errors).toEqual([
      { pointer: '/organisation', message: 'There is no London authority with the GSS code “E09999999”' },
    ])
    await admin.agent.get(paths.pipelineNew).expect(302).expect('location', paths.pipeline)
  })
})

describe('the pipeline API', () => {
  it('creates, lists, changes and deletes an entry, each with its revision and audit event', async () => {
    const created = await api(hackney, 'post', paths.api.pipeline)
      .send(entryJson({ currentSystem: 'API system' }))
      .expect(201)
    const id = created.body.id as number
    expect(created.headers.location).toBe(paths.api.pipelineEntry(id))
    expect(undocumented('post', '/api/v1/pipeline', created)).toEqual([])

    const listed = await hackney.agent.get(paths.api.pipeline).expect(200)
    expect(listed.body.find((e: { id: number }) => e.id === id)).toEqual({
      id,
      organisation: { gss: HACKNEY_GSS, name: 'Hackney' },
      ...entryJson({ currentSystem: 'API system' }),
      revision: 1,
      updatedAt: expect.any(String),
    })
    expect(undocumented('get', '/api/v1/pipeline', listed)).toEqual([])

    const changed = await api(hackney, 'put', paths.api.pipelineEntry(id))
      .send(entryJson({ currentSystem: 'API system', status: 'awarded', revision: 1 }))
      .expect(200)
    expect(changed.body).toEqual({ revision: 2 })
    expect(undocumented('put', '/api/v1/pipeline/{id}', changed)).toEqual([])

    await api(hackney, 'delete', paths.api.pipelineEntry(id)).send({ revision: 2 }).expect(204)
    expect(await t.repos.pipeline.findById(id)).toBeUndefined()
    expect((await t.repos.audit.forEntity('pipeline_entry', id)).map(e => e.action)).toEqual([
      'pipeline_entry.created',
      'pipeline_entry.updated',
      'pipeline_entry.deleted',
    ])
  })

  it('answers a stale revision with 409 and the entry as it is now, changing nothing', async () => {
    const id = await hackneyEntry({ currentSystem: 'Raced' })
    await api(hackney, 'put', paths.api.pipelineEntry(id))
      .send(entryJson({ currentSystem: 'Raced', supplier: 'First', revision: 1 }))
      .expect(200)
    const events = await pipelineEvents(t)

    const stale = await api(hackney, 'put', paths.api.pipelineEntry(id))
      .send(entryJson({ currentSystem: 'Raced', supplier: 'Second', revision: 1 }))
      .expect(409)
    expect(stale.body).toMatchObject({ error: 'conflict', current: { id, supplier: 'First', revision: 2 } })
    expect(undocumented('put', '/api/v1/pipeline/{id}', stale)).toEqual([])
    const staleDelete = await api(hackney, 'delete', `${paths.api.pipelineEntry(id)}?revision=1`).expect(409)
    expect(staleDelete.body.current).toMatchObject({ supplier: 'First', revision: 2 })

    expect(await t.repos.pipeline.findById(id)).toMatchObject({ supplier: 'First', revision: 2 })
    expect(await pipelineEvents(t)).toEqual(events)
  })

  it.each([
    [
      'a date that does not exist',
      { contractEnd: '2027-02-30' },
      '/contractEnd',
      'The contract end date must be a real date written as YYYY-MM-DD, not “2027-02-30”',
    ],
    [
      'an end before a start',
      { plannedStart: '2028-04-01', contractEnd: '2028-03-31' },
      '/contractEnd',
      'The contract end date must be on or after the planned start date: work to replace a system starts before its contract ends',
    ],
    [
      'an unknown category',
      { categoryKey: 'spaceships' },
      '/categoryKey',
      '“spaceships” is not a category on the shared list',
    ],
    [
      'a value band off the list',
      { valueBand: '2m' },
      '/valueBand',
      expect.stringContaining('The value band must be one of: under-100k'),
    ],
    [
      'a maturity area not in the questionnaire',
      { addresses: 'moonshots' },
      '/addresses',
      '“moonshots” is not a dimension or theme of the questionnaire',
    ],
    ['sharing as text', { shareable: 'yes' }, '/shareable', 'Sharing must be true or false'],
  ])('refuses %s with 422 naming the field, storing nothing', async (_name, change, pointer, message) => {
    const id = await hackneyEntry()
    const before = await entriesOf(t, 'hackney')
    const events = await pipelineEvents(t)
    const created = await api(hackney, 'post', paths.api.pipeline).send(entryJson(change)).expect(422)
    expect(created.body).toEqual({ error: 'invalid', errors: [{ pointer, message }] })
    expect(undocumented('post', '/api/v1/pipeline', created)).toEqual([])
    const changed = await api(hackney, 'put', paths.api.pipelineEntry(id))
      .send(entryJson({ ...change, revision: 1 }))
      .expect(422)
    expect(changed.body.errors).toEqual([{ pointer, message }])
    expect(await entriesOf(t, 'hackney')).toEqual(before)
    expect(await pipelineEvents(t)).toEqual(events)
  })

  it('refuses a body that is not an object, and a change or deletion without a revision', async () => {
    const id = await hackneyEntry()
    const notObject = await api(hackney, 'post', paths.api.pipeline).send([entryJson()]).expect(422)
    expect(notObject.body.errors).toEqual([{ pointer: '', message: 'must be a JSON object' }])
    const noRevision = await api(hackney, 'put', paths.api.pipelineEntry(id)).send(entryJson()).expect(422)
    expect(noRevision.body.errors).toEqual([
      { pointer: '/revision', message: 'Send the revision the change is based on: the whole number you were given' },
    ])
    await api(hackney, 'delete', paths.api.pipelineEntry(id)).expect(422)
    expect(await t.repos.pipeline.findById(id)).toMatchObject({ revision: 1 })
  })

  it('answers 404 for an entry that does not exist', async () => {
    await api(hackney, 'put', paths.api.pipelineEntry(999999))
      .send(entryJson({ revision: 1 }))
      .expect(404)
  })
})
