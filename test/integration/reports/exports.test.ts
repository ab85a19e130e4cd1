import { parse } from 'csv-parse/sync'
import { Workbook, ValueType, type Worksheet } from 'exceljs'
import { allQuestions } from '../../../src/domain/questionnaire/definition'
import { paths } from '../../../src/paths'
import { fillAssessment, recordModerations } from '../../support/results'
import { assessmentOf, createRound } from '../../support/rounds'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

// What a borough might paste as evidence: each would run as a formula if a spreadsheet were let to.
// The last five got through before issue 14: a formula behind a space, a line break, a no-break space,
// a zero-width space or a full-width sign.
const HOSTILE = [
  '=HYPERLINK("http://evil","x")',
  '+1+1',
  '@SUM(A1)',
  '-2+3',
  ' =1+1',
  '\n@SUM(A2)',
  '\u00a0=HYPERLINK("http://evil","y")',
  '\u200b=SUM(A3)',
  '＋1+1',
]
// Text that must survive as typed; a bare line break alone is what a careless CSV leaves unquoted.
const AWKWARD = ['Café “strategy”, signed off by the board; £1,000 – "agreed"\nsecond line\r\nthird, 🙂', 'one\ntwo']

let t: TestApp
let roundId: number
let questionCount: number
let firstKey: string
let hostileKeys: string[]
let analyst: Agent
let hackney: Agent

/** The raw bytes of a download: supertest would otherwise decode, or drop, a binary body. */
const download = (agent: Agent, path: string) =>
  agent
    .get(path)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => done(null, Buffer.concat(chunks)))
    })

/** Read as a spreadsheet reads it: a bare LF outside quotes ends a row, as CR LF does. */
const csvRecords = (body: Buffer): Record<string, string>[] =>
  parse(body, { bom: true, columns: true, record_delimiter: ['\r\n', '\n'] })

async function workbook(body: Buffer): Promise<Workbook> {
  const book = new Workbook()
  await book.xlsx.load(body as unknown as ArrayBuffer)
  return book
}

/** A sheet's data rows as header → value records. */
function sheetRecords(sheet: Worksheet): Record<string, unknown>[] {
  const headers = (sheet.getRow(1).values as unknown[]).slice(1)
  const records: Record<string, unknown>[] = []
  sheet.eachRow((row, n) => {
    if (n > 1) records.push(Object.fromEntries(headers.map((h, i) => [String(h), row.getCell(i + 1).value])))
  })
  return records
}

beforeAll(async () => {
  t = await createTestApp()
  roundId = await createRound(t, { name: 'Autumn 2026 – Round 1', organisations: ['hackney', 'camden', 'lambeth'] })
  const questions = allQuestions((await t.services.questionnaires.get('london-digital-maturity', 2)).definition)
  questionCount = questions.length
  const maturity = questions.filter(q => q.question.type === 'maturity').map(q => q.question.key)
  firstKey = maturity[0]!
  hostileKeys = maturity.slice(1, 1 + HOSTILE.length + AWKWARD.length)

  const hackneyId = await assessmentOf(t, roundId, 'hackney')
  await fillAssessment(t, hackneyId, q => (hostileKeys.includes(q.key) ? null : 3), {
    state: 'moderated',
    evidence: 'Board minutes',
  })
  await t.repos.assessments.insertAnswers(
    [...HOSTILE, ...AWKWARD].map((evidence, i) => ({
      assessmentId: hackneyId,
      questionKey: hostileKeys[i]!,
      content: { level: 3, value: null, notApplicable: false, evidence },
      revision: 1,
      at: t.clock(),
      by: null,
    })),
  )
  const assessor = await t.createUser('assessor')
  await recordModerations(t, hackneyId, assessor.id, { [firstKey]: { level: 2, rationale: 'No strategy yet' } })
  await fillAssessment(t, await assessmentOf(t, roundId, 'camden'), () => 4, { state: 'submitted' })

  analyst = (await signIn(t.app, (await t.createUser('analyst')).email)).agent
  hackney = (await signIn(t.app, (await t.createUser('respondent', { organisation: 'hackney' })).email)).agent
})
afterAll(() => t.close())

describe('the CSV export of a round', () => {
  it('downloads as a named UTF-8 attachment that Excel recognises', async () => {
    const response = await download(analyst, paths.roundExportCsv(roundId)).expect(200)
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="?autumn-2026-round-1\.csv"?$/)
    expect(response.headers['cache-control']).toBe('no-store')
    expect([...(response.body as Buffer).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  })

  it('has a row per organisation and question, with self, moderated and final levels', async () => {
    const rows = csvRecords((await download(analyst, paths.roundExportCsv(roundId))).body)
    expect(rows).toHaveLength(3 * questionCount)
    expect(new Set(rows.map(r => r['Organisation']))).toEqual(new Set(['Hackney', 'Camden', 'Lambeth']))
    expect(rows.find(r => r['Organisation'] === 'Hackney' && r['Question key'] === firstKey)).toEqual({
      'GSS code': 'E09000012',
      Organisation: 'Hackney',
      State: 'Moderated',
      Dimension: 'Leadership and strategy',
      Theme: 'Digital strategy and leadership',
      'Question key': firstKey,
      Question: 'How does your council set, own and keep up to date its digital, data and technology strategy?',
      'Self level': '3',
      'Moderated level': '2',
      'Final level': '2',
      'Not applicable': 'No',
      Value: '',
      Evidence: 'Board minutes',
    })
    const lambeth = rows.filter(r => r['Organisation'] === 'Lambeth')
    expect(lambeth).toHaveLength(questionCount)
    expect(lambeth.every(r => r['State'] === 'Not started' && r['Self level'] === '')).toBe(true)
  })

  it('turns evidence a spreadsheet would run as a formula into text, and keeps other text intact', async () => {
    const rows = csvRecords((await download(analyst, paths.roundExportCsv(roundId))).body)
    const evidence = (key: string) => rows.find(r => r['Organisation'] === 'Hackney' && r['Question key'] === key)
    expect(hostileKeys.map(key => evidence(key)?.['Evidence'])).toEqual([...HOSTILE.map(h => `'${h}`), ...AWKWARD])
  })
})

describe('the XLSX export of a round', () => {
  it('holds a Scores and an Answers sheet, each with a bold, frozen header row', async () => {
    const response = await download(analyst, paths.roundExportXlsx(roundId)).expect(200)
    expect(response.headers['content-type']).toBe(XLSX)
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="?autumn-2026-round-1\.xlsx"?$/)
    const book = await workbook(response.body)
    expect(book.worksheets.map(s => s.name)).toEqual(['Scores', 'Answers'])
    for (const sheet of book.worksheets) {
      expect(sheet.getRow(1).getCell(1).font).toMatchObject({ bold: true })
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    }
    expect(sheetRecords(book.getWorksheet('Answers')!)).toHaveLength(3 * questionCount)
  })

  it('scores each organisation as numbers that match the published rule', async () => {
    const book = await workbook((await download(analyst, paths.roundExportXlsx(roundId))).body)
    const scores = sheetRecords(book.getWorksheet('Scores')!)
    expect(scores.map(s => s['Organisation'])).toEqual(['Camden', 'Hackney', 'Lambeth'])
    const hackneyRow = scores[1]!
    const api = await analyst.get(`/api/v1/assessments/${await assessmentOf(t, roundId, 'hackney')}/scores?basis=final`)
    expect(hackneyRow).toMatchObject({
      'GSS code': 'E09000012',
      'Moderation complete': 'Yes',
      'Overall (self)': 3,
      'Overall (final)': Number((api.body.overall as number).toFixed(2)),
      'Coverage (%)': 100,
    })
    expect(hackneyRow['Overall (final)']).toBeLessThan(3)
    expect(scores[0]).toMatchObject({ 'Overall (self)': 4, 'Overall (final)': 4, 'Leadership and strategy (final)': 4 })
    expect(scores[2]).toMatchObject({ State: 'Not started', 'Overall (self)': null, 'Coverage (%)': 0 })
  })

  it('writes hostile evidence as text exactly as typed, never as a formula', async () => {
    const book = await workbook((await download(analyst, paths.roundExportXlsx(roundId))).body)
    const sheet = book.getWorksheet('Answers')!
    const evidenceColumn = (sheet.getRow(1).values as unknown[]).indexOf('Evidence')
    const cells: { type: ValueType; value: unknown }[] = []
    sheet.eachRow(row => {
      const cell = row.getCell(evidenceColumn)
      if (typeof cell.value === 'string' && /HYPERLINK|SUM|\+1|-2|Café|two/.test(cell.value)) cells.push(cell)
    })
    // A string cell is text to a spreadsheet, so it needs no quote, which would change what was typed.
    // A line break in an Excel cell is LF alone.
    expect(cells.map(c => c.value)).toEqual([...HOSTILE, ...AWKWARD.map(a => a.replace(/\r\n/g, '\n'))])
    expect(cells.every(c => c.type === ValueType.String)).toBe(true)
  })
})

describe('what a respondent may export', () => {
  it('is their own organisation’s rows only, in a file named for it', async () => {
    const csv = await download(hackney, paths.roundExportCsv(roundId)).expect(200)
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="?autumn-2026-round-1-hackney\.csv"?$/)
    const rows = csvRecords(csv.body)
    expect(rows).toHaveLength(questionCount)
    expect(rows.every(r => r['GSS code'] === 'E09000012' && r['Organisation'] === 'Hackney')).toBe(true)

    const xlsx = await download(hackney, paths.roundExportXlsx(roundId)).expect(200)
    const book = await workbook(xlsx.body)
    expect(sheetRecords(book.getWorksheet('Scores')!).map(r => r['Organisation'])).toEqual(['Hackney'])
    expect(sheetRecords(book.getWorksheet('Answers')!)).toHaveLength(questionCount)
    expect(JSON.stringify(sheetRecords(book.getWorksheet('Answers')!))).not.toMatch(/Camden|Lambeth|E09000007/)
  })

  it('is nothing at all for an organisation not in the round', async () => {
    const westminster = await signIn(t.app, (await t.createUser('respondent', { organisation: 'westminster' })).email)
    await download(westminster.agent, paths.roundExportCsv(roundId)).expect(404)
    await download(westminster.agent, paths.roundExportXlsx(roundId)).expect(404)
  })
})

it('answers 404 for a round that does not exist', async () => {
  await download(analyst, paths.roundExportCsv(999999)).expect(404)
  await download(analyst, paths.roundExportXlsx(999999)).expect(404)
  await download(analyst, '/rounds/abc/export.csv').expect(404)
})
