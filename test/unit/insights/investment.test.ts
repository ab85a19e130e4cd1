import type { QuestionnaireDefinition, QuestionRole } from '../../../src/domain/questionnaire/definition'
import {
  asksInvestment,
  investmentPoints,
  investmentSpread,
  quarterOf,
  type InvestmentInput,
} from '../../../src/domain/insights/investment'

const figure = (role: QuestionRole) => ({
  key: `i.money.${role}`,
  type: 'number' as const,
  prompt: role,
  required: false,
  weight: 1,
  allowNotApplicable: false,
  evidence: 'none' as const,
  role,
})
const roles: QuestionRole[] = ['net-revenue-budget', 'change-spend-revenue', 'change-spend-capital', 'population']
const definition: QuestionnaireDefinition = {
  ...{ key: 'q', version: 1, title: 'Q', description: '', scale: { levels: [] }, weakThreshold: 2.5 },
  dimensions: [
    {
      key: 'i',
      title: 'I',
      description: '',
      weight: 1,
      themes: [{ key: 'i.money', title: 'Money', weight: 1, questions: roles.map(figure) }],
    },
  ],
}

const authority = (
  gss: string,
  overall: number | null,
  figures: Partial<Record<QuestionRole, number>>,
): InvestmentInput => ({
  gss,
  name: gss,
  overall,
  answers: new Map(
    Object.entries(figures).map(([role, value]) => [`i.money.${role}`, { value, notApplicable: false }]),
  ),
})

// Worked by hand, in £ thousand: A spends 2,000 + 1,000 of 250,000 on change for 300,000 residents.
const points = investmentPoints(definition, [
  authority('A', 3.2, {
    'net-revenue-budget': 250_000,
    'change-spend-revenue': 2_000,
    'change-spend-capital': 1_000,
    population: 300_000,
  }),
  authority('B', 2.5, { 'net-revenue-budget': 400_000, 'change-spend-revenue': 1_000, population: 200_000 }),
  authority('C', 4, { 'change-spend-revenue': 500, 'change-spend-capital': 500, population: 100_000 }),
  authority('D', null, {}),
])

describe('investment in digital against maturity', () => {
  it('works out change spend as a share of the budget and per resident, null where a figure is missing', () => {
    expect(points).toEqual([
      { gss: 'A', name: 'A', changeSpendShare: 0.012, changeSpendPerResident: 10, overall: 3.2 },
      { gss: 'B', name: 'B', changeSpendShare: 0.0025, changeSpendPerResident: 5, overall: 2.5 },
      { gss: 'C', name: 'C', changeSpendShare: null, changeSpendPerResident: 10, overall: 4 },
      { gss: 'D', name: 'D', changeSpendShare: null, changeSpendPerResident: null, overall: null },
    ])
  })

  it('gives London’s quartiles of what was answered, and places an authority in its quarter', () => {
    const spread = investmentSpread(points)
    const share = spread.changeSpendShare!
    expect(share.count).toBe(2)
    expect(share.lowerQuartile).toBeCloseTo(0.004875, 12)
    expect(share.median).toBeCloseTo(0.00725, 12)
    expect(share.upperQuartile).toBeCloseTo(0.009625, 12)
    expect(spread.changeSpendPerResident).toEqual({ count: 3, lowerQuartile: 7.5, median: 10, upperQuartile: 10 })
    expect(quarterOf(0.012, spread.changeSpendShare)).toBe(4)
    expect(quarterOf(0.0025, spread.changeSpendShare)).toBe(1)
    expect(quarterOf(0.006, spread.changeSpendShare)).toBe(2)
    expect(quarterOf(null, spread.changeSpendShare)).toBeNull()
  })

  it('knows a questionnaire that does not ask for the figures', () => {
    expect(asksInvestment(definition)).toBe(true)
    const without = structuredClone(definition)
    without.dimensions[0]!.themes[0]!.questions.pop()
    expect(asksInvestment(without)).toBe(false)
  })
})
