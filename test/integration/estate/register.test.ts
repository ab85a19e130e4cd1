import { paths } from '../../../src/paths'
import { undocumented } from '../../support/openapi'
import { catalogueProduct, estateForm, estateJson, estateOf } from '../../support/estate'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

let t: TestApp
type Person = { agent: Agent; csrf: string; id: number }
let hackney: Person
let camden: Person
let analyst: Person
let admin: Person
let ledger: number
let binRoute: number

const HACKNEY = 'E09000012'
const CAMDEN = 'E09000007'

async function person(role: 'respondent' | 'analyst' | 'admin', organisation?: string): Promise<Person> {
  const user = await t.createUser(role, { organisation })
  return { ...(await signIn(t.app, user.email)), id: user.id }
}

beforeAll(async () => {
  t = await createTestApp()
  hackney = await person('respondent', 'hackney')
  camden = await person('respondent', 'camden')
  analyst = await person('analyst')
  admin = await person('admin')
  ledger = await catalogueProduct(t, { name: 'Ledger One', supplier: 'Example Software Ltd' })
  binRoute = await catalogueProduct(t, { name: 'Bin Route', supplier: 'Binware', category: 'waste' })
})
afterAll(() => t.close())

const postForm = (who: Person, path: string, fields: Record<string, string>) =>
  who.agent
    .post(path)
    .type('form')
    .send({ _csrf: who.csrf, ...fields })

const api = (who: Person, method: 'post' | 'put' | 'delete', path: string) =>
  who.agent[method](path).set('X-CSRF-Token', who.csrf)

async function apiEntry(who: Person, change: Record<string, unknown> = {}): Promise<number> {
  const response = await api(who, 'post', paths.api.estate).send(estateJson(ledger, change)).expect(201)
  return (response.body as { id: number }).id
}

describe('a respondent’s own register, on its pages', () => {
  it('starts empty, saying what to do', async () => {
    const page = await camden.agent.get(paths.estate).expect(200)
    expect(page.text).toContain('Your systems')
    expect(page.text).toContain('No systems recorded yet. Add each system you run')
    expect(page.text).toContain(`href="${paths.estateNew()}"`)
    expect(page.text).toContain(`href="${paths.estateImport}"`)
  })

  it('offers products grouped by category, and a way to propose a missing one', async () => {
    const page = await camden.agent.get(paths.estateNew()).expect(200)
    expect(page.text).toMatch(
      /<optgroup label="Finance and ERP">\s*<option value="\d+"[^>]*>Ledger One \(Example Software Ltd\)<\/option>/,
    )
    expect(page.text).toContain(`href="${paths.productNew}"`)
    expect(page.text).toContain('Product not listed? Propose it')
  })

  it('adds a system from the form, lists it in words, and audits it', async () => {
    const response = await postForm(camden, paths.estateNew(), estateForm(ledger)).expect(302)
    expect(response.headers.location).toBe(paths.estate)
    const page = await camden.agent.get(paths.estate).expect(200)
    expect(page.text).toContain('System added to the register')
    expect(page.text).toContain('Ledger One')
    expect(page.text).toContain('Example Software Ltd')
    expect(page.text).toContain('31 March 2028')
    expect(page.text).toContain('Software as a service')
    const [entry] = await estateOf(t, 'camden')
    expect(entry).toMatchObject({ productId: ledger, contractEnd: '2028-03-31', shareable: false, revision: 1 })
    expect(await t.repos.audit.forEntity('estate-entry', entry!.id)).toMatchObject([
      { action: 'estate.added', actorUserId: camden.id, after: { productId: ledger, revision: 1 } },
    ])
  })

  it('shows every wrong field in the error summary and keeps what was typed', async () => {
    const before = (await estateOf(t, 'camden')).length
    const response = await postForm(
      camden,
      paths.estateNew(),
      estateForm(binRoute, {
        hosting: '',
        'contractEnd-day': '30',
        'contractEnd-month': '2',
        shareable: '',
        notes: 'Kept',
      }),
    ).expect(400)
    expect(response.text).toContain('There is a problem')
    expect(response.text).toContain('“Bin Route” is in the catalogue under Waste, not Finance and ERP')
    expect(response.text).toContain('Select where the system is hosted')
    expect(response.text).toContain('Enter the contract end date as a real day, month and year')
    expect(response.text).toContain('href="#contractEnd-day"')
    expect(response.text).toContain('Select whether other authorities may see that you run this system')
    expect(response.text).toContain('>Kept</textarea>')
    expect(await estateOf(t, 'camden')).toHaveLength(before)
  })

  it('changes a system from its page, carrying the revision, and audits before and after', async () => {
    const id = await apiEntry(camden)
    const page = await camden.agent.get(paths.estateEntry(id)).expect(200)
    expect(page.text).toContain('name="revision" value="1"')
    expect(page.text).toContain('href="#hosting"')
    await postForm(camden, paths.estateEntry(id), {
      ...estateForm(ledger, { hosting: 'on_premises' }),
      revision: '1',
    }).expect(302)
    expect(await t.repos.estate.findById(id)).toMatchObject({ hosting: 'on_premises', revision: 2 })
    const events = await t.repos.audit.forEntity('estate-entry', id)
    expect(events.at(-1)).toMatchObject({
      action: 'estate.changed',
      before: { hosting: 'saas', revision: 1 },
      after: { hosting: 'on_premises', revision: 2 },
    })
  })

  it('refuses a stale revision on the page with what is there now, keeping the typed values', async () => {
    const id = await apiEntry(camden)
    await api(camden, 'put', paths.api.estateEntry(id))
      .send({ ...estateJson(ledger, { hosting: 'public_cloud' }), revision: 1 })
      .expect(200)
    const response = await postForm(camden, paths.estateEntry(id), {
      ...estateForm(ledger, { notes: 'My stale change' }),
      revision: '1',
    }).expect(409)
    expect(response.text).toContain('Someone else changed this system while you were editing it')
    expect(response.text).toContain('Public cloud')
    expect(response.text).toContain('>My stale change</textarea>')
    expect(response.text).toContain('name="revision" value="2"')
    expect(await t.repos.estate.findById(id)).toMatchObject({ notes: 'Renewed in 2025', revision: 2 })
  })

  it('removes a system after a check page that says it cannot be undone, and audits it', async () => {
    const id = await apiEntry(camden)
    const check = await camden.agent.get(paths.estateDelete(id)).expect(200)
    expect(check.text).toContain('cannot be undone')
    await postForm(camden, paths.estateDelete(id), { revision: '1' }).expect(302)
    expect(await t.repos.estate.findById(id)).toBeUndefined()
    expect((await t.repos.audit.forEntity('estate-entry', id)).at(-1)).toMatchObject({
      action: 'estate.removed',
      actorUserId: camden.id,
    })
  })

  it('refuses a stale delete with 409, removing nothing', async () => {
    const id = await apiEntry(camden)
    await api(camden, 'put', paths.api.estateEntry(id))
      .send({ ...estateJson(ledger, { notes: 'Newer' }), revision: 1 })
      .expect(200)
    const response = await postForm(camden, paths.estateDelete(id), { revision: '1' }).expect(409)
    expect(response.text).toContain('Someone else changed this system since you opened this page')
    expect(await t.repos.estate.findById(id)).toBeDefined()
  })
})

describe('another authority’s register', () => {
  it('cannot be changed by a respondent, on pages or through the API', async () => {
    const id = await apiEntry(hackney, { shareable: true })
    await postForm(camden, paths.estateEntry(id), { ...estateForm(ledger), revision: '1' }).expect(403)
    await postForm(camden, paths.estateDelete(id), { revision: '1' }).expect(403)
    await api(camden, 'put', paths.api.estateEntry(id))
      .send({ ...estateJson(ledger), revision: 1 })
      .expect(403)
    await api(camden, 'delete', paths.api.estateEntry(id)).send({ revision: 1 }).expect(403)
    await api(camden, 'post', paths.api.estate)
      .send(estateJson(ledger, { organisation: HACKNEY }))
      .expect(403)
    expect(await t.repos.estate.findById(id)).toMatchObject({ revision: 1 })
  })

  it('shows a respondent only the entries marked shareable, without their notes', async () => {
    const shared = await apiEntry(hackney, { shareable: true, notes: 'Private thoughts' })
    const hidden = await apiEntry(hackney, { shareable: false })
    const seen = (await camden.agent.get(`${paths.api.estate}?organisation=${HACKNEY}`).expect(200)).body as Record<
      string,
      unknown
    >[]
    const ids = seen.map(e => e.id)
    expect(ids).toContain(shared)
    expect(ids).not.toContain(hidden)
    expect(seen.every(e => e.shareable === true && !('notes' in e))).toBe(true)
    expect(seen.find(e => e.id === shared)).toMatchObject({
      organisation: { gss: HACKNEY, name: 'Hackney' },
      category: 'finance-erp',
      product: { id: ledger, name: 'Ledger One', supplier: { name: 'Example Software Ltd' } },
    })
    await camden.agent.get(paths.estateEntry(hidden)).expect(404)
    const page = await camden.agent.get(paths.estateEntry(shared)).expect(200)
    expect(page.text).not.toContain('Private thoughts')
    expect(page.text).not.toContain('name="revision"')
  })

  it('gives its own respondent every entry in full', async () => {
    const own = (await hackney.agent.get(paths.api.estate).expect(200)).body as Record<string, unknown>[]
    expect(own.some(e => e.shareable === false)).toBe(true)
    expect(own.every(e => 'notes' in e && (e.organisation as { gss: string }).gss === HACKNEY)).toBe(true)
  })
})

describe('central roles', () => {
  it('list the 33 authorities with how many systems each has recorded, linking to each register', async () => {
    const page = await analyst.agent.get(paths.estate).expect(200)
    expect(page.text).toContain('33 authorities')
    expect(page.text).toContain(`href="${paths.estateOrganisation('camden')}"`)
    const register = await analyst.agent.get(paths.estateOrganisation('hackney')).expect(200)
    expect(register.text).toContain('Hackney: systems')
    expect(register.text).not.toContain('Add a system')
    const all = (await analyst.agent.get(paths.api.estate).expect(200)).body as { organisation: { gss: string } }[]
    expect(new Set(all.map(e => e.organisation.gss))).toEqual(new Set([HACKNEY, CAMDEN]))
  })

  it('cannot change a register unless an admin, who adds and edits on an authority’s behalf', async () => {
    await api(analyst, 'post', paths.api.estate)
      .send(estateJson(ledger, { organisation: CAMDEN }))
      .expect(403)
    const register = await admin.agent.get(paths.estateOrganisation('camden')).expect(200)
    expect(register.text).toContain(`href="${paths.estateNew('?organisation=camden')}"`)
    const response = await postForm(admin, paths.estateNew('?organisation=camden'), {
      ...estateForm(ledger, { notes: 'Added by LOTI' }),
    }).expect(302)
    expect(response.headers.location).toBe(paths.estateOrganisation('camden'))
    const entry = (await estateOf(t, 'camden')).find(e => e.notes === 'Added by LOTI')!
    await postForm(admin, paths.estateEntry(entry.id), {
      ...estateForm(ledger, { notes: 'Edited by LOTI' }),
      revision: '1',
    }).expect(302)
    expect((await t.repos.audit.forEntity('estate-entry', entry.id)).map(e => [e.action, e.actorUserId])).toEqual([
      ['estate.added', admin.id],
      ['estate.changed', admin.id],
    ])
  })
})

describe('the API', () => {
  it('adds a system and answers 201 with its id and revision', async () => {
    const response = await api(camden, 'post', paths.api.estate)
      .send(estateJson(ledger, { organisation: CAMDEN }))
      .expect(201)
    expect(response.body).toEqual({ id: expect.any(Number) as number, revision: 1 })
    expect(response.headers.location).toBe(paths.api.estateEntry((response.body as { id: number }).id))
  })

  it('answers 422 with a pointer and message for each wrong field, saving nothing', async () => {
    const before = (await estateOf(t, 'camden')).length
    const response = await api(camden, 'post', paths.api.estate)
      .send(
        estateJson(binRoute, {
          hosting: 'cloud',
          contractEnd: '2028-02-30',
          shareable: 'yes',
          notes: 'x'.repeat(2001),
        }),
      )
      .expect(422)
    expect((response.body as { errors: { pointer: string }[] }).errors.map(e => e.pointer)).toEqual([
      '/productId',
      '/hosting',
      '/contractEnd',
      '/shareable',
      '/notes',
    ])
    const unknown = await api(admin, 'post', paths.api.estate)
      .send(estateJson(ledger, { organisation: 'E0900XXXX' }))
      .expect(422)
    expect(unknown.body).toMatchObject({ errors: [{ pointer: '/organisation' }] })
    const noCategory = await api(camden, 'post', paths.api.estate)
      .send(estateJson(ledger, { category: undefined }))
      .expect(422)
    expect(noCategory.body).toMatchObject({ errors: [{ pointer: '/category', message: 'Select a category' }] })
    expect(await estateOf(t, 'camden')).toHaveLength(before)
  })

  it('changes with the current revision, and refuses a stale one with 409 and what is there now', async () => {
    const id = await apiEntry(camden)
    const changed = await api(camden, 'put', paths.api.estateEntry(id))
      .send({ ...estateJson(ledger, { costBand: '1m-5m' }), revision: 1 })
      .expect(200)
    expect(changed.body).toEqual({ id, revision: 2 })
    const stale = await api(camden, 'put', paths.api.estateEntry(id))
      .send({ ...estateJson(ledger), revision: 1 })
      .expect(409)
    expect(stale.body).toMatchObject({ error: 'conflict', current: { id, costBand: '1m-5m', revision: 2 } })
    await api(camden, 'delete', `${paths.api.estateEntry(id)}?revision=1`).expect(409)
    await api(camden, 'delete', `${paths.api.estateEntry(id)}?revision=2`).expect(204)
    expect(await t.repos.estate.findById(id)).toBeUndefined()
  })

  it('leaves addresses under the estate that are not an entry’s number to other routes', async () => {
    await api(camden, 'put', '/api/v1/estate/not-a-number').send({ revision: 1 }).expect(404)
  })

  it('answers as the OpenAPI document says, for each status', async () => {
    const created = await api(camden, 'post', paths.api.estate).send(estateJson(ledger))
    expect(undocumented('post', '/api/v1/estate', created)).toEqual([])
    const id = (created.body as { id: number }).id
    const invalid = await api(camden, 'post', paths.api.estate).send(estateJson(ledger, { hosting: 'cloud' }))
    expect(undocumented('post', '/api/v1/estate', invalid)).toEqual([])
    const changed = await api(camden, 'put', paths.api.estateEntry(id)).send({
      ...estateJson(ledger, { notes: null }),
      revision: 1,
    })
    expect(undocumented('put', '/api/v1/estate/{id}', changed)).toEqual([])
    const stale = await api(camden, 'put', paths.api.estateEntry(id)).send({ ...estateJson(ledger), revision: 1 })
    expect(undocumented('put', '/api/v1/estate/{id}', stale)).toEqual([])
    for (const who of [camden, hackney, analyst])
      expect(
        undocumented('get', '/api/v1/estate', await who.agent.get(`${paths.api.estate}?organisation=${CAMDEN}`)),
      ).toEqual([])
    expect(
      undocumented('get', '/api/v1/estate', await camden.agent.get(`${paths.api.estate}?organisation=E09999999`)),
    ).toEqual([])
  })
})
