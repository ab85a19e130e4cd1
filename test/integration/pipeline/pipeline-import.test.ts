import { paths } from '../../../src/paths'
import { CSV_HEADER, csvFile, csvRow, entriesOf, pipelineEvents } from '../../support/pipeline'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

let t: TestApp
type Person = { agent: Agent; csrf: string }
let hackney: Person
let camden: Person
let admin: Person

beforeAll(async () => {
  t = await createTestApp()
  hackney = await signIn(t.app, (await t.createUser('respondent', { organisation: 'hackney' })).email)
  camden = await signIn(t.app, (await t.createUser('respondent', { organisation: 'camden' })).email)
  admin = await signIn(t.app, (await t.createUser('admin')).email)
})
afterAll(() => t.close())

function upload(who: Person, bytes: Buffer | undefined, fields: Record<string, string> = {}) {
  const call = who.agent.post(paths.pipelineImport).field('_csrf', who.csrf)
  for (const [name, value] of Object.entries(fields)) void call.field(name, value)
  return bytes ? call.attach('entriesFile', bytes, { filename: 'entries.csv', contentType: 'text/csv' }) : call
}

/** The error summary's messages, in order, as a person reads them. */
const summary = (html: string): string[] =>
  [...html.matchAll(/<li><a href="#entriesFile">([^<]*)<\/a><\/li>/g)].map(m =>
    (m[1] ?? '').replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
  )

/** Uploads a file that must be refused, and shows nothing was stored and no event written. */
async function refused(who: Person, bytes: Buffer | undefined, status = 422, slug = 'hackney'): Promise<string[]> {
  const before = await entriesOf(t, slug)
  const events = await pipelineEvents(t)
  const response = await upload(who, bytes).expect(status)
  expect(response.text).toContain('There is a problem')
  expect(await entriesOf(t, slug)).toEqual(before)
  expect(await pipelineEvents(t)).toEqual(events)
  return summary(response.text)
}

describe('the import template', () => {
  it('downloads as CSV with the header and a commented example row, and the page documents each column', async () => {
    const response = await hackney.agent.get(paths.pipelineTemplate).expect(200)
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(response.headers['content-disposition']).toContain('pipeline-import-template.csv')
    const [header, example] = response.text.replace(/^\uFEFF/, '').split('\r\n')
    expect(header).toBe(CSV_HEADER)
    expect(example).toMatch(/^# example: finance-erp,/)

    const page = await hackney.agent.get(paths.pipelineImport).expect(200)
    expect(page.text).toContain(`href="${paths.pipelineTemplate}"`)
    for (const column of CSV_HEADER.split(',')) expect(page.text).toContain(`<code>${column}</code>`)
    expect(page.text).toContain('in_procurement (In procurement)')
    expect(page.text).toContain('waste (Waste)')
  })

  it('imports once filled in, ignoring its example row', async () => {
    const template = (await hackney.agent.get(paths.pipelineTemplate).expect(200)).text
    const filled = Buffer.from(`${template}${csvRow(1)}\r\n${csvRow(2, { category: 'Waste', shareable: 'Yes' })}\r\n`)
    const before = (await entriesOf(t, 'hackney')).length
    await upload(hackney, filled).expect(302).expect('location', paths.pipeline)
    const page = await hackney.agent.get(paths.pipeline).expect(200)
    expect(page.text).toContain('2 entries imported')
    const entries = await entriesOf(t, 'hackney')
    expect(entries).toHaveLength(before + 2)
    expect(entries.slice(-2)).toMatchObject([
      { categoryKey: 'hr-payroll', currentSystem: 'System 1', shareable: false, contractEnd: '2028-06-30' },
      { categoryKey: 'waste', currentSystem: 'System 2', shareable: true },
    ])
    expect(entries.some(e => e.currentSystem === 'Oracle E-Business Suite')).toBe(false)
  })
})

describe('importing a CSV file', () => {
  it('stores every row of a valid file, each audited, in columns in any order, with British dates', async () => {
    const header =
      'status,category,route,value_band,contract_end,planned_start,current_system,supplier,maturity_area,notes,shareable'
    const rows = [1, 2, 3, 4, 5].map(
      n =>
        `planned,data-platform,procure,100k-500k,31/03/2029,1/4/2028,Platform ${n},,data.infrastructure,"Notes, with a comma",no`,
    )
    await upload(camden, csvFile(rows, header)).expect(302)
    const entries = (await entriesOf(t, 'camden')).filter(e => e.currentSystem?.startsWith('Platform '))
    expect(entries).toHaveLength(5)
    expect(entries[0]).toMatchObject({
      contractEnd: '2029-03-31',
      plannedStart: '2028-04-01',
      notes: 'Notes, with a comma',
    })
    const events = await Promise.all(entries.map(e => t.repos.audit.forEntity('pipeline_entry', e.id)))
    expect(events.map(e => e.map(x => x.action))).toEqual(entries.map(() => ['pipeline_entry.imported']))
  })

  it('accepts a byte-order mark, as Excel writes one', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      csvFile([csvRow(1, { current_system: 'After a BOM' })]),
    ])
    await upload(camden, bytes).expect(302)
    expect((await entriesOf(t, 'camden')).some(e => e.currentSystem === 'After a BOM')).toBe(true)
  })

  it('reports every bad row and field, counting the header as row 1, and stores none of the file', async () => {
    const file = csvFile([
      csvRow(1, { contract_end: '2027-02-30' }),
      csvRow(2),
      csvRow(3, { category: 'spaceships', value_band: '2m' }),
      csvRow(4, { shareable: 'maybe', planned_start: '2029-01-01' }),
    ])
    expect(await refused(hackney, file)).toEqual([
      'Row 2, contract end date: the contract end date must be a real date written as YYYY-MM-DD, not “2027-02-30”',
      'Row 4, category: “spaceships” is not a category on the shared list',
      'Row 4, value band: the value band must be one of: under-100k (Under £100,000), 100k-500k (£100,000 to £499,999), 500k-1m (£500,000 to £999,999), 1m-5m (£1 million to £4.99 million), 5m-plus (£5 million or more), unknown (Not known yet); “2m” is not',
      'Row 5, sharing: write yes or no, not “maybe”',
      'Row 5, contract end date: the contract end date must be on or after the planned start date: work to replace a system starts before its contract ends',
    ])
  })

  it('counts rows as a spreadsheet does, when a quoted cell runs over several lines', async () => {
    const file = csvFile([csvRow(1, { notes: '"line one\nline two"' }), csvRow(2, { route: 'borrow' })])
    expect(await refused(hackney, file)).toEqual([expect.stringMatching(/^Row 3, route: the route must be one of/)])
  })

  it('refuses a wrong header, naming the missing and unknown columns', async () => {
    const header = CSV_HEADER.replace(',status', '').replace('notes', 'colour')
    const [message] = await refused(hackney, csvFile([csvRow(1)], header))
    expect(message).toBe(
      'The first row must be the template’s header: missing status, notes; unknown “colour”. Download the template and copy your rows into it.',
    )
  })

  it('refuses a file without a header, whose first row is an entry', async () => {
    const [message] = await refused(hackney, Buffer.from(`${csvRow(1)}\r\n${csvRow(2)}\r\n`))
    expect(message).toMatch(/^The first row must be the template’s header: missing category, current_system/)
  })

  it('refuses a file that is not UTF-8, such as Latin-1 from an old spreadsheet', async () => {
    const latin1 = Buffer.concat([
      Buffer.from(`${CSV_HEADER}\r\n`),
      Buffer.from(csvRow(1, { supplier: 'café' }), 'latin1'),
    ])
    expect(await refused(hackney, latin1)).toEqual([
      'The file is not UTF-8 text. In your spreadsheet, save it as “CSV UTF-8 (comma delimited)”.',
    ])
  })

  it('takes 500 entries at once and refuses 501', async () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => csvRow(i, { current_system: `Bulk ${i}` }))
    expect(await refused(hackney, csvFile(rows(501)))).toEqual([
      'The file has 501 entries: import at most 500 at a time, in several files.',
    ])
    await upload(camden, csvFile(rows(500))).expect(302)
    expect((await entriesOf(t, 'camden')).filter(e => e.currentSystem?.startsWith('Bulk '))).toHaveLength(500)
  })

  it.each([
    ['an empty file', Buffer.alloc(0), 'The file is empty. Download the template, add your entries and upload it.'],
    [
      'a file of blank lines',
      Buffer.from('\r\n\r\n'),
      'The file is empty. Download the template, add your entries and upload it.',
    ],
    ['a header alone', csvFile([]), 'The file has a header but no entries. Add a row for each entry.'],
    [
      'a row with more values than columns',
      csvFile([`${csvRow(1)},extra`]),
      'Row 2 has 12 values but the header names 11 columns: is a comma missing its quotes?',
    ],
    [
      'a quote never closed',
      csvFile([csvRow(1, { notes: '"never closed' })]),
      expect.stringMatching(/^The file is not valid CSV/),
    ],
  ])('refuses %s', async (_name, bytes, message) => {
    expect(await refused(hackney, bytes)).toEqual([message])
  })

  it('asks for a file when none was chosen', async () => {
    expect(await refused(hackney, undefined, 400)).toEqual(['Choose a CSV file to upload'])
  })

  it('refuses a respondent importing into another authority’s pipeline', async () => {
    const before = await entriesOf(t, 'hackney')
    await upload(camden, csvFile([csvRow(1)]), { organisation: 'hackney' }).expect(403)
    expect(await entriesOf(t, 'hackney')).toEqual(before)
  })

  it('lets an admin import on an organisation’s behalf', async () => {
    const page = await admin.agent.get(`${paths.pipelineImport}?organisation=lambeth`).expect(200)
    expect(page.text).toContain('name="organisation" value="lambeth"')
    await upload(admin, csvFile([csvRow(1, { current_system: 'For Lambeth' })]), { organisation: 'lambeth' })
      .expect(302)
      .expect('location', `${paths.pipeline}?organisation=lambeth`)
    expect((await entriesOf(t, 'lambeth')).map(e => e.currentSystem)).toEqual(['For Lambeth'])
  })
})
