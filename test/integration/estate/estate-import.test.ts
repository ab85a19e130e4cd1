import { paths } from '../../../src/paths'
import { catalogueProduct, ESTATE_CSV_HEADER, estateOf } from '../../support/estate'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

let t: TestApp
type Person = { agent: Agent; csrf: string; id: number }
let hackney: Person
let admin: Person
let analyst: Person

async function person(role: 'respondent' | 'analyst' | 'admin', organisation?: string): Promise<Person> {
  const user = await t.createUser(role, { organisation })
  return { ...(await signIn(t.app, user.email)), id: user.id }
}

beforeAll(async () => {
  t = await createTestApp()
  hackney = await person('respondent', 'hackney')
  admin = await person('admin')
  analyst = await person('analyst')
  await catalogueProduct(t, { name: 'Ledger One', supplier: 'Example Software Ltd' })
  await catalogueProduct(t, { name: 'Bin Route', supplier: 'Binware', category: 'waste', status: 'proposed' })
})
afterAll(() => t.close())

function upload(who: Person, bytes: Buffer | undefined, fields: Record<string, string> = {}) {
  const call = who.agent.post(paths.estateImport).field('_csrf', who.csrf)
  for (const [name, value] of Object.entries(fields)) void call.field(name, value)
  return bytes ? call.attach('systemsFile', bytes, { filename: 'systems.csv', contentType: 'text/csv' }) : call
}

const file = (...rows: string[]) => Buffer.from([ESTATE_CSV_HEADER, ...rows].join('\r\n') + '\r\n')

/** The error summary's messages, in order, as a person reads them. */
const summary = (html: string): string[] =>
  [...html.matchAll(/<li><a href="#systemsFile">([^<]*)<\/a><\/li>/g)].map(m =>
    (m[1] ?? '').replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
  )

const importEvents = async () =>
  (await t.db.knex('audit_events').where({ entity_type: 'estate-entry' }).count<{ count: string }[]>('* as count'))[0]
    ?.count

describe('the estate import', () => {
  it('offers a template with the header and a commented example row, and documents each column', async () => {
    const template = await hackney.agent.get(paths.estateTemplate).expect(200)
    expect(template.headers['content-type']).toBe('text/csv; charset=utf-8')
    const [header, example] = template.text.replace(/^\uFEFF/, '').split('\r\n')
    expect(header).toBe(ESTATE_CSV_HEADER)
    expect(example).toMatch(/^# example: finance-erp,/)
    const page = await hackney.agent.get(paths.estateImport).expect(200)
    expect(page.text).toContain(`href="${paths.estateTemplate}"`)
    for (const column of ESTATE_CSV_HEADER.split(',')) expect(page.text).toContain(`<code>${column}</code>`)
    expect(page.text).toContain('saas (Software as a service)')
  })

  it('imports every row, matching products by name whatever their case, and audits each', async () => {
    const response = await upload(
      hackney,
      file(
        'Finance-ERP,LEDGER ONE,example software ltd,SaaS,31/03/2028,500k-1m,yes,Main ledger',
        'waste,bin route,,on premises,,,no,',
      ),
    ).expect(302)
    expect(response.headers.location).toBe(paths.estate)
    const entries = await estateOf(t, 'hackney')
    expect(entries.map(e => [e.categoryKey, e.hosting, e.contractEnd, e.shareable])).toEqual([
      ['finance-erp', 'saas', '2028-03-31', true],
      ['waste', 'on_premises', null, false],
    ])
    for (const e of entries)
      expect(await t.repos.audit.forEntity('estate-entry', e.id)).toMatchObject([
        { action: 'estate.imported', actorUserId: hackney.id },
      ])
    const page = await hackney.agent.get(paths.estate).expect(200)
    expect(page.text).toContain('2 systems imported')
  })

  it('imports nothing from a file with any bad row, listing every bad row and field', async () => {
    const before = await estateOf(t, 'hackney')
    const events = await importEvents()
    const response = await upload(
      hackney,
      file(
        'finance-erp,Ledger One,,saas,,,no,',
        'finance-erp,Ledger Two,,cloud,,,no,',
        'waste,Ledger One,,saas,2028-13-01,,perhaps,',
      ),
    ).expect(422)
    expect(summary(response.text)).toEqual([
      'Row 3, product: there is no product called “Ledger Two” in the catalogue: check the spelling, or propose the product first',
      'Row 3, hosting: the hosting must be one of: on_premises (On premises), private_cloud (Private cloud), public_cloud (Public cloud), saas (Software as a service); “cloud” is not',
      'Row 4, product: “Ledger One” is in the catalogue under Finance and ERP, not Waste: choose a product from the entry’s category, or change the category',
      'Row 4, contract end date: the contract end date must be a real date written as YYYY-MM-DD, not “2028-13-01”',
      'Row 4, sharing: write yes or no, not “perhaps”',
    ])
    expect(response.text).toContain('Nothing was imported. Fix the 5 problems listed above')
    expect(await estateOf(t, 'hackney')).toEqual(before)
    expect(await importEvents()).toEqual(events)
  })

  it('asks for a file when none is chosen', async () => {
    const response = await upload(hackney, undefined).expect(400)
    expect(summary(response.text)).toEqual(['Choose a CSV file to upload'])
  })

  it('lets an admin import on an authority’s behalf, and no analyst at all', async () => {
    const response = await upload(admin, file('finance-erp,Ledger One,,private_cloud,,,no,'), {
      organisation: 'camden',
    }).expect(302)
    expect(response.headers.location).toBe(paths.estateOrganisation('camden'))
    expect((await estateOf(t, 'camden')).map(e => e.hosting)).toEqual(['private_cloud'])
    await upload(analyst, file('finance-erp,Ledger One,,saas,,,no,'), { organisation: 'camden' }).expect(403)
  })
})
