import type { AnswerContent } from '../../../src/domain/assessment/answer'
import { answersTable, fileSlug, scoresTable, type ExportSource } from '../../../src/domain/export-rows'
import type { QuestionnaireDefinition } from '../../../src/domain/questionnaire/definition'
import { validateDefinition } from '../../../src/domain/questionnaire/validate'
import type { CellValue } from '../../../src/domain/spreadsheet-safe'
import { validDefinition } from '../../support/definitions'

const result = validateDefinition(validDefinition())
if (!result.valid) throw new Error(JSON.stringify(result.errors))
const definition: QuestionnaireDefinition = result.definition

const answer = (content: Partial<AnswerContent>): AnswerContent => ({
  level: null,
  value: null,
  notApplicable: false,
  evidence: null,
  ...content,
})

const source: ExportSource = {
  definition,
  assessments: [
    {
      organisation: { gss: 'E09000012', name: 'Hackney' },
      state: 'moderated',
      answers: new Map([
        ['data.quality.standards', answer({ level: 2, evidence: 'Strategy 2025' })],
        ['data.quality.shared', answer({ value: 'yes' })],
        ['data.quality.who', answer({ value: 'Islington, Camden' })],
        ['tech.cloud.first', answer({ level: 5 })],
        ['tech.cloud.share', answer({ value: 40 })],
        ['tech.cloud.platforms', answer({ value: ['notify', 'pay'] })],
      ]),
      moderatedLevels: new Map([['tech.cloud.first', 4]]),
    },
    {
      organisation: { gss: 'E09000007', name: 'Camden' },
      state: 'in_progress',
      answers: new Map([['tech.cloud.first', answer({ notApplicable: true })]]),
      moderatedLevels: new Map([['tech.cloud.first', 3]]),
    },
  ],
}

/** Rows as header → cell records, as a reader of the spreadsheet would look them up. */
const records = (table: { headers: string[]; rows: CellValue[][] }) =>
  table.rows.map(row => Object.fromEntries(table.headers.map((h, i) => [h, row[i]])))

describe('the answers rows', () => {
  const rows = records(answersTable(source))

  it('has one row per organisation and question, in questionnaire order', () => {
    expect(rows).toHaveLength(2 * 6)
    expect(rows.slice(0, 6).map(r => r['Question key'])).toEqual([
      'data.quality.standards',
      'data.quality.shared',
      'data.quality.who',
      'tech.cloud.first',
      'tech.cloud.share',
      'tech.cloud.platforms',
    ])
    expect(rows.map(r => r['Organisation'])).toEqual([...Array(6).fill('Hackney'), ...Array(6).fill('Camden')])
  })

  it('gives self, moderated and final levels, with where the question sits', () => {
    expect(rows[0]).toEqual({
      'GSS code': 'E09000012',
      Organisation: 'Hackney',
      State: 'Moderated',
      Dimension: 'Data',
      Theme: 'Quality',
      'Question key': 'data.quality.standards',
      Question: 'Standards?',
      'Self level': 2,
      'Moderated level': null,
      'Final level': 2,
      'Not applicable': 'No',
      Value: null,
      Evidence: 'Strategy 2025',
    })
    expect(rows[3]).toMatchObject({ 'Self level': 5, 'Moderated level': 4, 'Final level': 4 })
  })

  it('shows choices by their labels and numbers as numbers', () => {
    expect(rows.slice(1, 6).map(r => r['Value'])).toEqual(['Yes', 'Islington, Camden', null, 40, 'Notify; Pay'])
  })

  it('gives a "not applicable" answer no final level, even where an assessor set one', () => {
    expect(rows[9]).toMatchObject({
      State: 'In progress',
      'Self level': null,
      'Moderated level': 3,
      'Final level': null,
      'Not applicable': 'Yes',
    })
    expect(rows[6]).toMatchObject({ 'Self level': null, 'Final level': null, 'Not applicable': 'No', Value: null })
  })
})

describe('the scores rows', () => {
  const rows = records(scoresTable(source))

  it('scores each organisation by the published rule, to two decimals', () => {
    // self: data = (2 + 4) / 2 = 3, tech = 5, overall = (3 + 2 × 5) / 3 = 4.33;
    // final: tech moderated to 4, overall = (3 + 2 × 4) / 3 = 3.67.
    expect(rows[0]).toEqual({
      'GSS code': 'E09000012',
      Organisation: 'Hackney',
      State: 'Moderated',
      'Moderation complete': 'Yes',
      'Overall (self)': 4.33,
      'Overall (final)': 3.67,
      'Coverage (%)': 100,
      'Data (final)': 3,
      'Technology (final)': 4,
    })
  })

  it('leaves scores empty where nothing is scored', () => {
    expect(rows[1]).toMatchObject({
      Organisation: 'Camden',
      'Moderation complete': 'No',
      'Overall (self)': null,
      'Overall (final)': null,
      'Coverage (%)': 0,
      'Data (final)': null,
      'Technology (final)': null,
    })
  })
})

describe('file names', () => {
  it.each([
    ['Autumn 2026: Round 2 (Ealing & Brent)', 'autumn-2026-round-2-ealing-brent'],
    ['Café résumé', 'cafe-resume'],
    ['../../etc/passwd', 'etc-passwd'],
    ['"; filename=evil.exe', 'filename-evil-exe'],
    ['—', ''],
  ])('makes %j into %j', (name, slug) => {
    expect(fileSlug(name)).toBe(slug)
  })

  it('stays short enough for any file system', () => {
    expect(fileSlug('a '.repeat(100))).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    expect(fileSlug('a '.repeat(100)).length).toBeLessThanOrEqual(60)
  })
})
