import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

let t: TestApp
let admin: { agent: Agent; csrf: string }

beforeAll(async () => {
  t = await createTestApp()
  admin = await signIn(t.app, (await t.createUser('admin')).email)
})
afterAll(() => t.close())

const post = (path: string, fields: Record<string, unknown>) =>
  admin.agent
    .post(path)
    .type('form')
    .send({ _csrf: admin.csrf, ...fields })

describe('partnerships', () => {
  it('are added with their members, shown on the list and on each member’s page', async () => {
    const response = await post('/admin/partnerships/new', {
      name: 'West London Shared ICT',
      description: 'One ICT service for three boroughs',
      members: ['brent', 'ealing', 'harrow'],
    })
    expect(response.status).toBe(302)
    const list = await admin.agent.get('/admin/partnerships').expect(200)
    expect(list.text).toContain('West London Shared ICT')
    expect(list.text).toContain('Brent, Ealing, Harrow')
    const brent = await admin.agent.get('/organisations/brent').expect(200)
    expect(brent.text).toContain('West London Shared ICT')
  })

  it('refuse a partnership of fewer than two, or with an unknown member, and store nothing', async () => {
    const before = (await t.repos.partnerships.list()).length
    const one = await post('/admin/partnerships/new', { name: 'Lonely', members: 'brent' })
    expect(one.status).toBe(400)
    expect(one.text).toContain('Select at least 2 member organisations')
    expect(one.text).toMatch(/value="brent" checked/)
    const unknown = await post('/admin/partnerships/new', { name: 'Ghost', members: ['brent', 'atlantis'] })
    expect(unknown.status).toBe(400)
    expect(unknown.text).toContain('Select members from the list')
    expect((await t.repos.partnerships.list()).length).toBe(before)
  })

  it('refuse a duplicate name, whatever its case', async () => {
    await post('/admin/partnerships/new', { name: 'South London Waste', members: ['croydon', 'sutton'] })
    const again = await post('/admin/partnerships/new', { name: 'south london waste', members: ['merton', 'sutton'] })
    expect(again.status).toBe(400)
    expect(again.text).toContain('A partnership with this name already exists')
  })

  it('are changed and removed, every step audited', async () => {
    await post('/admin/partnerships/new', { name: 'East Partnership', members: ['newham', 'hackney'] })
    const p = (await t.repos.partnerships.list()).find(x => x.name === 'East Partnership')!
    await post(`/admin/partnerships/${p.id}`, {
      name: 'East Partnership',
      members: ['newham', 'hackney', 'tower-hamlets'],
    }).expect(302)
    expect((await t.repos.partnerships.findById(p.id))?.memberIds).toHaveLength(3)
    await post(`/admin/partnerships/${p.id}/delete`, {}).expect(302)
    expect(await t.repos.partnerships.findById(p.id)).toBeUndefined()
    const actions = (await t.repos.audit.forEntity('partnership', p.id)).map(e => e.action)
    expect(actions).toEqual(['partnership.created', 'partnership.updated', 'partnership.deleted'])
  })

  it('answer 404 for one that does not exist', async () => {
    await admin.agent.get('/admin/partnerships/99999').expect(404)
  })
})

describe('the audit trail', () => {
  it('is append-only in the database itself', async () => {
    await expect(t.db.knex('audit_events').update({ action: 'tampered' })).rejects.toThrow(/append-only/)
    await expect(t.db.knex('audit_events').delete()).rejects.toThrow(/append-only/)
  })
})
