import fs from 'node:fs'
import path from 'node:path'
import { allQuestions, type QuestionnaireDefinition } from '../../../src/domain/questionnaire/definition'
import { validateDefinition } from '../../../src/domain/questionnaire/validate'

const dir = path.resolve(__dirname, '../../../seeds/data/questionnaires')
const read = (v: number) => JSON.parse(fs.readFileSync(path.join(dir, `london-digital-maturity.v${v}.json`), 'utf8'))
function definitionOf(result: ReturnType<typeof validateDefinition>): QuestionnaireDefinition {
  if (!result.valid) throw new Error(result.errors.map(e => e.message).join('\n'))
  return result.definition
}
const v2 = definitionOf(validateDefinition(read(2), { supersedesAlreadyChecked: true }))
const checked = validateDefinition(read(3), { previous: v2 })
const v3 = definitionOf(checked)
const questions = allQuestions(v3)
const maturity = questions.flatMap(l => (l.question.type === 'maturity' ? [{ ...l, question: l.question }] : []))
const services = v3.dimensions.find(d => d.key === 'services')!

describe('the shipped questionnaire, version 3', () => {
  it('passes the definition checks against version 2, which it supersedes', () => {
    expect(checked.valid).toBe(true)
    expect(v3.supersedes?.version).toBe(2)
  })

  it('asks for sharing with London in one question only: no other level 5 requires it', () => {
    // Sharing data is a topic of its own (information sharing); sharing with London names who with.
    const sharing = /\bLOTI\b|\bLondon\b|other (councils|boroughs)|\breuses?\b/i
    const needing = maturity.filter(l => sharing.test(l.question.levels['5'])).map(l => l.question.key)
    expect(needing).toEqual(['leadership.collaboration.sharing'])
  })

  it('needs evidence from level 4 on every maturity question, and says how a level is chosen', () => {
    expect(maturity.length).toBeGreaterThan(40)
    expect(maturity.filter(l => l.question.evidence !== 'optional' || l.question.evidenceFromLevel !== 4)).toEqual([])
    expect(v3.levelRule).toMatch(/only if every one of its statements is true, and so is every lower level/)
  })

  it('writes every level as at most four statements', () => {
    const long = maturity.flatMap(l =>
      Object.entries(l.question.levels)
        .filter(([, text]) => text.split(/(?<=\.)\s+/).length > 4)
        .map(([level]) => `${l.question.key} level ${level}`),
    )
    expect(long).toEqual([])
  })

  it('asks every service area how it is delivered, on which system, and what it can do; none is "not applicable"', () => {
    const areas = services.themes.filter(t => t.serviceArea)
    expect(areas.map(t => t.key)).toEqual(
      expect.arrayContaining([
        'services.housing',
        'services.homelessness',
        'services.repairs',
        'services.send',
        'services.finance',
        'services.hr',
      ]),
    )
    expect(services.themes.filter(t => !t.serviceArea).map(t => t.key)).toEqual(['services.innovation'])
    for (const area of areas) {
      const delivery = area.questions.filter(q => q.role === 'delivery')
      expect(delivery).toHaveLength(1)
      expect(delivery[0]!.type === 'choice' && delivery[0]!.options.map(o => o.value)).toEqual([
        'in-house',
        'shared',
        'outsourced',
      ])
      expect(area.questions.filter(q => q.role === 'system')).toHaveLength(1)
      expect(area.questions.filter(q => q.type === 'checklist')).toHaveLength(1)
      expect(area.questions.filter(q => q.allowNotApplicable)).toEqual([])
    }
  })

  it('adds the missing foundations and asks about investment by function, spend and funding', () => {
    const keys = questions.map(l => l.question.key)
    for (const theme of ['foundations.workplace', 'foundations.operations', 'foundations.sustainability'])
      expect(keys.some(k => k.startsWith(`${theme}.`))).toBe(true)
    expect(keys).toContain('data.governance.records-management')
    const roles = questions.flatMap(l => (l.question.role ? [l.question.role] : []))
    expect(roles).toEqual(
      expect.arrayContaining(['net-revenue-budget', 'change-spend-revenue', 'change-spend-capital', 'population']),
    )
    for (const fn of ['operations', 'digital', 'data', 'cyber', 'commercial'])
      for (const kind of ['permanent', 'interim', 'vacancies'])
        expect(keys).toContain(`leadership.investment.staff-${fn}-${kind}`)
    expect(maturity.map(l => l.question.key)).toContain('leadership.investment.product-funding')
  })

  it('maps every version 2 question it keeps, gives the cloud question a new key, and drops only the two replaced', () => {
    const kept = new Set(questions.map(l => l.question.key))
    const mapped = v3.supersedes!.keyMap
    const lost = allQuestions(v2)
      .map(l => l.question.key)
      .filter(k => !kept.has(k) && !(k in mapped))
    expect(lost).toEqual(['foundations.context.digital-team-size', 'foundations.context.digital-budget-share'])
    expect(kept.has('foundations.infrastructure.cloud')).toBe(false)
    expect(mapped['foundations.infrastructure.cloud']).toBe('foundations.hosting.cloud-use')
    expect(mapped['culture.ways-of-working.user-centred-design']).toEqual([
      'culture.ways-of-working.user-research',
      'culture.ways-of-working.accessibility',
    ])
  })
})
