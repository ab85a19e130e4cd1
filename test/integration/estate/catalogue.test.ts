import { paths } from '../../../src/paths'
import { undocumented } from '../../support/openapi'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

let t: TestApp
type Person = { agent: Agent; csrf: string; id: number }
let hackney: Person
let analyst: Person
let admin: Person

async function person(role: 'respondent' | 'analyst' | 'admin', organisation?: string): Promise<Person> {
  const user = await t.createUser(role, { organisation })
  return { ...(await signIn(t.app, user.email)), id: user.id }
}

beforeAll(async () => {
  t = await createTestApp()
  hackney = await person('respondent', 'hackney')
  analyst = await person('analyst')
  admin = await person('admin')
})
afterAll(() => t.close())

const postForm = (who: Person, path: string, fields: Record<string, string> = {}) =>
  who.agent
    .post(path)
    .type('form')
    .send({ _csrf: who.csrf, ...fields })

const api = (who: Person, method: 'post' | 'put', path: string) => who.agent[method](path).set('X-CSRF-Token', who.csrf)

async function propose(who: Person, body: Record<string, unknown>): Promise<number> {
  const response = await api(who, 'post', paths.api.products).send(body).expect(201)
  return (response.body as { id: number }).id
}

/** A system an authority runs, written straight to the table: the register's own forms are another feature's. */
async function estateEntry(slug: string, productId: number, categoryKey = 'finance-erp'): Promise<number> {
  const organisation = await t.repos.organisations.findBySlug(slug)
  const at = new Date('2026-11-01T09:00:00Z')
  const [row] = await t.db
    .knex('estate_entries')
    .insert({
      organisation_id: organisation!.id,
      category_key: categoryKey,
      product_id: productId,
      hosting: 'saas',
      created_at: at,
      updated_at: at,
    })
    .returning<{ id: number }[]>('id')
  return row!.id
}

const productIdsOf = async (entryIds: number[]): Promise<number[]> =>
  (
    await t.db
      .knex('estate_entries')
      .whereIn('id', entryIds)
      .orderBy('id')
      .select<{ product_id: number }[]>('product_id')
  ).map(r => r.product_id)

describe('proposing a product', () => {
  it('from a respondent awaits approval, but is usable by their own authority at once, and is audited', async () => {
    const response = await api(hackney, 'post', paths.api.products)
      .send({ name: '  Fernhollow Pay  ', supplier: 'Fernhollow', category: 'revenues-benefits' })
      .expect(201)
    expect(undocumented('post', '/api/v1/products', response)).toEqual([])
    const { id, status } = response.body as { id: number; status: string }
    expect(status).toBe('proposed')
    const product = await t.services.catalogue.get(id)
    expect(product).toMatchObject({ name: 'Fernhollow Pay', supplier: { name: 'Fernhollow' }, status: 'proposed' })
    const hackneyUser = (await t.services.auth.currentUser(hackney.id))!
    expect((await t.services.catalogue.usable(hackneyUser)).map(p => p.id)).toContain(id)
    const camden = await t.createUser('respondent', { organisation: 'camden' })
    const camdenUser = (await t.services.auth.currentUser(camden.id))!
    expect((await t.services.catalogue.usable(camdenUser)).map(p => p.id)).not.toContain(id)
    expect(await t.repos.audit.forEntity('product', id)).toMatchObject([
      { action: 'product.proposed', actorUserId: hackney.id, after: { name: 'Fernhollow Pay', status: 'proposed' } },
    ])
  })

  it('from an analyst is approved at once, and matches a supplier by an alias whatever its case', async () => {
    const first = await propose(analyst, { name: 'Oakmere', supplier: 'Wrenfield4', category: 'finance-erp' })
    expect((await t.services.catalogue.get(first)).status).toBe('approved')
    const unit4 = (await t.services.catalogue.get(first)).supplier.id
    await t.db.knex('supplier_aliases').insert({ supplier_id: unit4, alias: 'Unit 4 Business Software' })
    const second = await propose(analyst, {
      name: 'Wrenfield4 HR',
      supplier: 'UNIT 4 business software',
      category: 'hr-payroll',
    })
    expect((await t.services.catalogue.get(second)).supplier).toEqual({ id: unit4, name: 'Wrenfield4' })
  })

  it('refuses a duplicate, naming the product already there', async () => {
    const id = await propose(analyst, { name: 'Oracle Fusion', supplier: 'Oracle', category: 'finance-erp' })
    const response = await api(hackney, 'post', paths.api.products)
      .send({ name: 'oracle fusion', supplier: 'ORACLE', category: 'finance-erp' })
      .expect(409)
    expect(response.body).toMatchObject({ error: 'duplicate', existing: { id } })
    expect(undocumented('post', '/api/v1/products', response)).toEqual([])
    const page = await postForm(hackney, paths.productNew, {
      name: 'ORACLE FUSION',
      supplier: 'oracle',
      category: 'finance-erp',
    }).expect(409)
    expect(page.text).toContain(
      '<a href="#name">Oracle Fusion from Oracle is already in the catalogue: use that one</a>',
    )
  })

  it('adds a product proposed twice at the same moment once, and tells the second it is there', async () => {
    const body = { name: 'Larchwood Children’s', supplier: 'Sedgemoor Systems', category: 'childrens-social-care' }
    const answers = await Promise.all([
      api(hackney, 'post', paths.api.products).send(body),
      api(analyst, 'post', paths.api.products).send(body),
    ])
    expect(answers.map(a => a.status).sort()).toEqual([201, 409])
    const listed = await t.services.catalogue.list({ categoryKey: 'childrens-social-care' })
    expect(listed.filter(p => p.name === body.name)).toHaveLength(1)
  })

  it('refuses bad input with a message for each field, and saves nothing', async () => {
    const before = (await t.services.catalogue.list()).length
    const response = await api(hackney, 'post', paths.api.products)
      .send({ name: 'x'.repeat(201), supplier: 'Bad\u0007Supplier', category: 'not-a-category' })
      .expect(422)
    expect(response.body).toEqual({
      error: 'invalid',
      errors: [
        { pointer: '/name', message: 'The product’s name must be 200 characters or fewer' },
        {
          pointer: '/supplier',
          message: 'The supplier’s name must not contain control or broken characters; retype it rather than pasting',
        },
        { pointer: '/category', message: 'Choose a category from the list' },
      ],
    })
    expect(undocumented('post', '/api/v1/products', response)).toEqual([])
    expect((await t.services.catalogue.list()).length).toBe(before)
  })

  it('shows the form’s errors in a GOV.UK error summary', async () => {
    const form = await hackney.agent.get(paths.productNew).expect(200)
    expect(form.text).toContain('name="supplier"')
    expect(form.text).toContain('other name it is known by')
    const response = await postForm(hackney, paths.productNew, {
      name: '',
      supplier: 'Fernhollow',
      category: '',
    }).expect(400)
    expect(response.text).toContain('govuk-error-summary')
    expect(response.text).toContain('<a href="#name">Enter the product’s name</a>')
    expect(response.text).toContain('<a href="#category">Choose the product’s category</a>')
    expect(response.text).toContain('value="Fernhollow"')
  })

  it('from the form, says so in a banner and lists it as awaiting approval', async () => {
    await postForm(hackney, paths.productNew, {
      name: 'Larkspur Housing',
      supplier: 'Larkspur Systems',
      category: 'housing-management',
    })
      .expect(302)
      .expect('Location', paths.products)
    const page = await hackney.agent.get(paths.products).expect(200)
    expect(page.text).toContain('Product added: Larkspur Housing')
    const row = page.text.slice(page.text.indexOf('Larkspur Housing</a>'))
    expect(row.slice(0, row.indexOf('</tr>'))).toContain('Awaiting approval')
    expect(page.text).not.toContain('id="proposals"')
  })
})

describe('approving and changing a product', () => {
  it('lists proposals for analysts with an Approve button that approves it, audited', async () => {
    const id = await propose(hackney, {
      name: 'Brackenby Open Revenues',
      supplier: 'Brackenby',
      category: 'revenues-benefits',
    })
    const page = await analyst.agent.get(paths.products).expect(200)
    expect(page.text).toContain('id="proposals"')
    expect(page.text).toContain(`action="${paths.productApprove(id)}"`)
    await postForm(analyst, paths.productApprove(id)).expect(302)
    expect((await t.services.catalogue.get(id)).status).toBe('approved')
    const after = await analyst.agent.get(paths.products).expect(200)
    expect(after.text).toContain('Product approved: Brackenby Open Revenues')
    const events = await t.repos.audit.forEntity('product', id)
    expect(events.at(-1)).toMatchObject({
      action: 'product.approved',
      actorUserId: analyst.id,
      before: { status: 'proposed' },
      after: { status: 'approved', revision: 2 },
    })
  })

  it('approves through the API, for analysts and administrators only', async () => {
    const id = await propose(hackney, {
      name: 'Brackenby Classic',
      supplier: 'Brackenby',
      category: 'revenues-benefits',
    })
    await api(hackney, 'put', paths.api.product(id)).send({ status: 'approved' }).expect(403)
    await postForm(hackney, paths.productApprove(id)).expect(403)
    expect((await t.services.catalogue.get(id)).status).toBe('proposed')
    const response = await api(admin, 'put', paths.api.product(id)).send({ status: 'approved' }).expect(200)
    expect(response.body).toMatchObject({ id, status: 'approved' })
    expect(undocumented('put', '/api/v1/products/{id}', response)).toEqual([])
  })

  it('renames from the edit form, making the supplier when it is new, and refuses a stale revision', async () => {
    const id = await propose(analyst, { name: 'Integra', supplier: 'Advanced', category: 'finance-erp' })
    const form = await analyst.agent.get(paths.productEdit(id)).expect(200)
    expect(form.text).toContain('name="revision" value="1"')
    await postForm(analyst, paths.productEdit(id), {
      name: 'Integra Finance',
      supplier: 'Advanced Computer Software',
      category: 'finance-erp',
      revision: '1',
    }).expect(302)
    const renamed = await t.services.catalogue.get(id)
    expect(renamed).toMatchObject({
      name: 'Integra Finance',
      supplier: { name: 'Advanced Computer Software' },
      revision: 2,
    })
    expect((await t.repos.audit.forEntity('product', id)).at(-1)).toMatchObject({
      action: 'product.renamed',
      before: { name: 'Integra', supplier: 'Advanced' },
      after: { name: 'Integra Finance', supplier: 'Advanced Computer Software' },
    })
    const stale = await postForm(analyst, paths.productEdit(id), {
      name: 'Integra 2',
      supplier: 'Advanced',
      category: 'finance-erp',
      revision: '1',
    }).expect(409)
    expect(stale.text).toContain('Someone else changed this product')
    expect(stale.text).toContain('value="Integra Finance"')
    const apiStale = await api(analyst, 'put', paths.api.product(id))
      .send({ name: 'Integra 2', supplier: 'Advanced', category: 'finance-erp', revision: 1 })
      .expect(409)
    expect(apiStale.body).toMatchObject({ error: 'conflict', current: { name: 'Integra Finance', revision: 2 } })
    expect((await t.services.catalogue.get(id)).name).toBe('Integra Finance')
  })

  it('keeps the edit form from respondents', async () => {
    const id = await propose(hackney, { name: 'Lagan', supplier: 'Verint', category: 'customer-contact-crm' })
    await hackney.agent.get(paths.productEdit(id)).expect(403)
  })
})

describe('merging one product into another', () => {
  it('shows what will move, then moves every system, keeps the old row, and audits the count', async () => {
    const from = await propose(hackney, { name: 'SAP S4', supplier: 'SAP SE', category: 'finance-erp' })
    const into = await propose(analyst, { name: 'SAP S/4HANA', supplier: 'SAP', category: 'finance-erp' })
    const entries = [
      await estateEntry('hackney', from),
      await estateEntry('camden', from),
      await estateEntry('islington', from),
    ]
    const kept = await estateEntry('lambeth', into)

    const choice = await analyst.agent.get(paths.productMerge(from)).expect(200)
    expect(choice.text).toContain('SAP S/4HANA from SAP')
    const unused = await propose(analyst, { name: 'SAP Concur', supplier: 'SAP', category: 'finance-erp' })
    const nothing = await analyst.agent.get(`${paths.productMerge(unused)}?into=${into}`).expect(200)
    expect(nothing.text).toContain('No authority records a system as SAP Concur, so nothing moves to SAP S/4HANA.')
    const check = await analyst.agent.get(`${paths.productMerge(from)}?into=${into}`).expect(200)
    expect(check.text).toContain('3 authorities’ systems move to SAP S/4HANA')
    expect(check.text).toContain('This cannot be undone.')

    await postForm(analyst, `${paths.productMerge(from)}?into=${into}`)
      .expect(302)
      .expect('Location', paths.products)
    expect(await productIdsOf([...entries, kept])).toEqual([into, into, into, into])
    expect(await t.services.catalogue.get(from)).toMatchObject({ status: 'merged', mergedIntoId: into })
    const suppliers = await t.repos.catalogue.listSuppliers()
    expect(suppliers.find(s => s.name === 'SAP')?.aliases).toContain('SAP SE')
    expect((await t.repos.audit.forEntity('product', from)).at(-1)).toMatchObject({
      action: 'product.merged',
      actorUserId: analyst.id,
      after: { status: 'merged', mergedIntoId: into, movedEstateEntries: 3 },
    })
    const page = await analyst.agent.get(paths.products).expect(200)
    expect(page.text).toContain('SAP S4 merged into SAP S/4HANA')
    expect(page.text).not.toContain('SAP S4</a>')

    // Proposing the merged product's name again points to the one it joined.
    const again = await api(hackney, 'post', paths.api.products)
      .send({ name: 'SAP S4', supplier: 'SAP SE', category: 'finance-erp' })
      .expect(409)
    expect(again.body).toMatchObject({ existing: { id: into } })
  })

  it('merges through the API and answers how many systems moved', async () => {
    const from = await propose(analyst, {
      name: 'Fernhollow Financials',
      supplier: 'Fernhollow',
      category: 'finance-erp',
    })
    const into = await propose(analyst, {
      name: 'Fernhollow Financials Cloud',
      supplier: 'Fernhollow',
      category: 'finance-erp',
    })
    await estateEntry('hackney', from)
    await estateEntry('camden', from)
    await api(hackney, 'post', paths.api.productMerge(from)).send({ into }).expect(403)
    const response = await api(admin, 'post', paths.api.productMerge(from)).send({ into }).expect(200)
    expect(response.body).toEqual({ id: into, moved: 2 })
    expect(undocumented('post', '/api/v1/products/{id}/merge', response)).toEqual([])
    const listed = await analyst.agent.get(`${paths.api.products}?category=finance-erp`).expect(200)
    expect(undocumented('get', '/api/v1/products', listed)).toEqual([])
    const ids = (listed.body as { id: number; category: string }[]).map(p => p.id)
    expect(ids).toContain(into)
    expect(ids).not.toContain(from)
    expect((listed.body as { category: string }[]).every(p => p.category === 'finance-erp')).toBe(true)
    const unknown = await analyst.agent.get(`${paths.api.products}?category=nope`).expect(400)
    expect(undocumented('get', '/api/v1/products', unknown)).toEqual([])
  })

  it('refuses merging into itself, into a merged product, or across categories, and changes nothing', async () => {
    const a = await propose(analyst, { name: 'Ivelbrook Uniform', supplier: 'Ivelbrook', category: 'finance-erp' })
    const b = await propose(analyst, { name: 'Ivelbrook HR', supplier: 'Ivelbrook', category: 'hr-payroll' })
    const entry = await estateEntry('hackney', a)

    const self = await api(analyst, 'post', paths.api.productMerge(a)).send({ into: a }).expect(422)
    expect(self.body).toEqual({
      error: 'invalid',
      errors: [{ pointer: '/into', message: 'A product cannot be merged into itself' }],
    })
    const across = await api(analyst, 'post', paths.api.productMerge(a)).send({ into: b }).expect(422)
    expect(JSON.stringify(across.body)).toContain('Only products in the same category can be merged')

    const page = await postForm(analyst, `${paths.productMerge(a)}?into=${a}`).expect(400)
    expect(page.text).toContain('govuk-error-summary')
    expect(page.text).toContain('A product cannot be merged into itself')

    const c = await propose(analyst, { name: 'Ivelbrook Cloud', supplier: 'Ivelbrook', category: 'finance-erp' })
    const d = await propose(analyst, { name: 'Ivelbrook Cloud 2', supplier: 'Ivelbrook', category: 'finance-erp' })
    await api(analyst, 'post', paths.api.productMerge(c)).send({ into: d }).expect(200)
    const merged = await api(analyst, 'post', paths.api.productMerge(a)).send({ into: c }).expect(422)
    expect(JSON.stringify(merged.body)).toContain('has been merged into another product')

    expect(await productIdsOf([entry])).toEqual([a])
    expect((await t.services.catalogue.get(a)).status).toBe('approved')
  })

  it('keeps the merge pages from respondents', async () => {
    const a = await propose(hackney, { name: 'Jadu CXM', supplier: 'Jadu', category: 'customer-contact-crm' })
    await hackney.agent.get(paths.productMerge(a)).expect(403)
    await postForm(hackney, `${paths.productMerge(a)}?into=1`).expect(403)
  })
})
