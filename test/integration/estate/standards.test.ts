import { paths } from '../../../src/paths'
import { undocumented } from '../../support/openapi'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

let t: TestApp
type Person = { agent: Agent; csrf: string; id: number }
let admin: Person
let analyst: Person
let respondent: Person

async function person(role: 'respondent' | 'analyst' | 'admin'): Promise<Person> {
  const user = await t.createUser(role)
  return { ...(await signIn(t.app, user.email)), id: user.id }
}

beforeAll(async () => {
  t = await createTestApp()
  admin = await person('admin')
  analyst = await person('analyst')
  respondent = await person('respondent')
})
afterAll(() => t.close())

const standard = (overrides: Record<string, unknown> = {}) => ({
  key: 'cyber',
  version: 1,
  title: 'Cyber basics',
  source: 'Made up for this test, first edition',
  points: [
    { key: 'patching', title: 'Patch promptly', description: 'Apply security updates within 14 days.' },
    { key: 'mfa', title: 'Use multi-factor sign-in', description: 'Everywhere it is offered.' },
  ],
  ...overrides,
})

const upload = (document: unknown) =>
  admin.agent
    .post(paths.admin.standards)
    .field('_csrf', admin.csrf)
    .attach('definitionFile', Buffer.from(JSON.stringify(document)), {
      filename: 'standard.json',
      contentType: 'application/json',
    })

const post = (who: Person, path: string) => who.agent.post(path).type('form').send({ _csrf: who.csrf })

describe('the shipped standards', () => {
  it('are published at every start, once', async () => {
    const published = await t.services.standards.listPublished()
    expect(published.map(s => [s.key, s.version, s.definition.points.length])).toEqual([
      ['lgdss', 1, 15],
      ['tcop', 1, 13],
    ])
    expect(await t.services.standards.seed()).toEqual([])
    expect(await t.services.standards.listAll()).toHaveLength(2)
  })
})

describe('standards, for everyone signed in', () => {
  it('lists the published standards with their source and number of points', async () => {
    const page = await respondent.agent.get(paths.standards).expect(200)
    expect(page.text).toContain(`href="${paths.standard('lgdss', 1)}"`)
    expect(page.text).toContain('Local Government Digital Service Standard')
    expect(page.text).toContain('LocalGov Digital, 2016 edition')
    expect(page.text).toContain('15 points')
    expect(page.text).toContain('Technology Code of Practice')
    expect(page.text).toContain('13 points')
    expect(page.text).not.toContain(`href="${paths.admin.standards}"`)
    const asAdmin = await admin.agent.get(paths.standards).expect(200)
    expect(asAdmin.text).toContain(`href="${paths.admin.standards}"`)
  })

  it('shows a standard’s points, numbered', async () => {
    const page = await analyst.agent.get(paths.standard('tcop', 1)).expect(200)
    expect(page.text).toContain('Make privacy integral')
    expect(page.text).toContain('Meet the Service Standard')
    expect(page.text).toMatch(/<ol class="govuk-list govuk-list--number/)
  })

  it('does not show a draft, or a version that does not exist, to those who are not administrators', async () => {
    await upload(standard({ key: 'hidden-draft' })).expect(302)
    await respondent.agent.get(paths.standard('hidden-draft', 1)).expect(404)
    await respondent.agent.get(paths.standard('lgdss', 99)).expect(404)
    const list = await respondent.agent.get(paths.api.standards).expect(200)
    expect((list.body as { key: string }[]).map(s => s.key)).not.toContain('hidden-draft')
    const asAdmin = await admin.agent.get(paths.api.standards).expect(200)
    expect(asAdmin.body).toContainEqual(expect.objectContaining({ key: 'hidden-draft', status: 'draft' }))
    expect(undocumented('get', paths.api.standards, asAdmin)).toEqual([])
  })

  it('gives the standards as data, with their points', async () => {
    const response = await respondent.agent.get(paths.api.standards).expect(200)
    const lgdss = (response.body as { key: string; points: unknown[] }[]).find(s => s.key === 'lgdss')
    expect(lgdss).toMatchObject({ version: 1, status: 'published', title: 'Local Government Digital Service Standard' })
    expect(lgdss?.points).toHaveLength(15)
    expect(lgdss?.points[6]).toEqual({ key: 'open-standards', title: 'Use open standards and share' })
    expect(undocumented('get', paths.api.standards, response)).toEqual([])
  })
})

describe('standards, for administrators', () => {
  it('are only for administrators', async () => {
    await analyst.agent.get(paths.admin.standards).expect(403)
    await respondent.agent.get(paths.admin.standardVersion('lgdss', 1)).expect(403)
  })

  it('lists every version with its status', async () => {
    const page = await admin.agent.get(paths.admin.standards).expect(200)
    expect(page.text).toContain(`href="${paths.admin.standardVersion('lgdss', 1)}"`)
    expect(page.text).toContain('Published')
    expect(page.text).toContain('Upload a standard')
  })

  it('offers an example standard and the schema to download, and the example passes every check', async () => {
    const page = await admin.agent.get(paths.admin.standards).expect(200)
    expect(page.text).toContain(
      `href="${paths.admin.standardExample}" download>Download an example standard (JSON)</a>`,
    )
    expect(page.text).toContain(`href="${paths.admin.standardSchema}" download>`)
    const example = await admin.agent.get(paths.admin.standardExample).expect(200)
    expect(example.headers['content-disposition']).toBe('attachment; filename=standard-example.json')
    const document = JSON.parse(example.text) as { key: string; points: unknown[] }
    expect(document).toMatchObject({ key: 'lgdss' })
    expect(document.points).toHaveLength(15)
    // As a new key it uploads cleanly: the example is a standard the checks accept.
    await upload({ ...document, key: 'example-copy' }).expect(302)
    const schema = await admin.agent.get(paths.admin.standardSchema).expect(200)
    expect((JSON.parse(schema.text) as { properties: Record<string, unknown> }).properties).toHaveProperty('points')
    await analyst.agent.get(paths.admin.standardSchema).expect(403)
  })

  it('uploads a draft, publishes it after a check page, then retires it, auditing each', async () => {
    const uploaded = await upload(standard()).expect(302)
    expect(uploaded.headers.location).toBe(paths.admin.standardVersion('cyber', 1))
    const draft = await admin.agent.get(paths.admin.standardVersion('cyber', 1)).expect(200)
    expect(draft.text).toContain('Draft uploaded: version 1')
    expect(draft.text).toContain('Patch promptly')
    expect(draft.text).toContain(`href="${paths.admin.standardPublish('cyber', 1)}"`)

    const check = await admin.agent.get(paths.admin.standardPublish('cyber', 1)).expect(200)
    expect(check.text).toContain('A published version can never change')
    await post(admin, paths.admin.standardPublish('cyber', 1)).expect(302)
    const published = await admin.agent.get(paths.admin.standardVersion('cyber', 1)).expect(200)
    expect(published.text).toContain('Version 1 published')
    expect(published.text).toContain(`href="${paths.admin.standardRetire('cyber', 1)}"`)
    expect((await respondent.agent.get(paths.standards)).text).toContain('Cyber basics')

    await admin.agent.get(paths.admin.standardRetire('cyber', 1)).expect(200)
    await post(admin, paths.admin.standardRetire('cyber', 1)).expect(302)
    expect((await t.repos.standards.find('cyber', 1))?.status).toBe('retired')
    const id = (await t.repos.standards.find('cyber', 1))!.id
    const events = await t.repos.audit.forEntity('standard_version', id)
    expect(events.map(e => [e.action, e.actorUserId])).toEqual([
      ['standard.uploaded', admin.id],
      ['standard.published', admin.id],
      ['standard.retired', admin.id],
    ])
  })

  it('deletes a draft after a check page that says it cannot be undone, and never a published version', async () => {
    await upload(standard({ key: 'mistake', title: 'Uploaded by mistake' })).expect(302)
    const draft = await admin.agent.get(paths.admin.standardVersion('mistake', 1)).expect(200)
    expect(draft.text).toContain(`href="${paths.admin.standardDelete('mistake', 1)}">Delete this draft</a>`)
    const check = await admin.agent.get(paths.admin.standardDelete('mistake', 1)).expect(200)
    expect(check.text).toContain('You cannot undo this')
    const id = (await t.repos.standards.find('mistake', 1))!.id
    await post(admin, paths.admin.standardDelete('mistake', 1)).expect(302).expect('Location', paths.admin.standards)
    expect(await t.repos.standards.find('mistake', 1)).toBeUndefined()
    expect((await t.repos.audit.forEntity('standard_version', id)).map(e => e.action)).toContain(
      'standard.draft-deleted',
    )

    const published = await admin.agent.get(paths.admin.standardVersion('lgdss', 1)).expect(200)
    expect(published.text).not.toContain('Delete this draft')
    expect((await admin.agent.get(paths.admin.standardDelete('lgdss', 1)).expect(200)).text).toContain(
      'Version 1 is published: only a draft can be deleted.',
    )
    await post(admin, paths.admin.standardDelete('lgdss', 1)).expect(409)
    expect((await t.repos.standards.find('lgdss', 1))?.status).toBe('published')
  })

  it('lists every problem at once, with its place, and stores nothing', async () => {
    const points = [
      { key: 'same', title: 'One', description: '' },
      { key: 'same', title: 'One', description: '' },
      { key: 'open-standards', description: '' },
    ]
    const response = await upload(standard({ key: 'broken', points })).expect(422)
    expect(response.text).toContain('3 problems with this definition')
    expect(response.text).toContain('Point 2: key is the same as point 1’s key')
    expect(response.text).toContain('Point 2 (key “same”): title is the same as point 1’s title')
    expect(response.text).toContain('Point 3 (key “open-standards”): title is missing')
    expect(await t.repos.standards.find('broken', 1)).toBeUndefined()
  })

  it('refuses a file that is not JSON, saying where', async () => {
    const response = await admin.agent
      .post(paths.admin.standards)
      .field('_csrf', admin.csrf)
      .attach('definitionFile', Buffer.from('{ "key": '), { filename: 'broken.json', contentType: 'application/json' })
      .expect(400)
    expect(response.text).toContain('is not valid JSON')
  })

  it('never changes a published version: a new version must have a higher number', async () => {
    const again = await upload(standard({ key: 'lgdss', title: 'Changed' })).expect(409)
    expect(again.text).toContain(
      'Version 1 of “lgdss” is published and can never change. Upload your changes as version 2.',
    )
    await upload(standard({ key: 'stepped', version: 3 })).expect(302)
    const lower = await upload(standard({ key: 'stepped', version: 2 })).expect(409)
    expect(lower.text).toContain('“stepped” already has version 3: a new version must have a higher number, such as 4.')
    expect((await t.repos.standards.find('lgdss', 1))?.title).toBe('Local Government Digital Service Standard')
  })

  it('is kept unchanged by the database itself once published', async () => {
    const knex = t.db.knex
    await expect(
      knex('standard_versions').where({ standard_key: 'lgdss', version: 1 }).update({ title: 'Sneaked in' }),
    ).rejects.toThrow(/can never change/)
    const stored = (await t.repos.standards.find('lgdss', 1))!
    await expect(t.repos.standards.deleteDraft(stored.id)).rejects.toThrow(/never deleted/)
    await expect(t.services.standards.publish('lgdss', 1, admin.id)).rejects.toThrow(
      /only a draft version can be published/,
    )
  })

  it('refuses to publish twice, saying why on the check page', async () => {
    const check = await admin.agent.get(paths.admin.standardPublish('lgdss', 1)).expect(200)
    expect(check.text).toContain('Version 1 is published: only a draft can be published.')
    await post(admin, paths.admin.standardPublish('lgdss', 1)).expect(409)
  })
})
