/**
 * Investment in digital against maturity: each authority's spend on digital change (revenue and capital
 * together) as a share of its net revenue budget and per resident, beside its overall score, read from
 * the questions whose roles say what they hold. Spend and budget are in £ thousand, as the questions ask.
 */
import type { QuestionnaireDefinition, QuestionRole } from '../questionnaire/definition'
import { allQuestions } from '../questionnaire/definition'
import { distribution, type Distribution } from '../statistics'

export interface InvestmentInput {
  gss: string
  name: string
  answers: ReadonlyMap<string, { value: unknown; notApplicable: boolean }>
  overall: number | null
}

export interface InvestmentPoint {
  gss: string
  name: string
  /** Change spend over net revenue budget, a fraction (0.012 is 1.2%); null where either is not answered. */
  changeSpendShare: number | null
  /** Change spend in pounds per resident; null where either is not answered. */
  changeSpendPerResident: number | null
  overall: number | null
}

export interface InvestmentSpread {
  changeSpendShare: Distribution | null
  changeSpendPerResident: Distribution | null
  overall: Distribution | null
}

const INVESTMENT_ROLES: readonly QuestionRole[] = [
  'net-revenue-budget',
  'change-spend-revenue',
  'change-spend-capital',
  'population',
]

/** Whether the questionnaire asks for every figure the view needs. */
export function asksInvestment(definition: QuestionnaireDefinition): boolean {
  const roles = new Set(allQuestions(definition).map(l => l.question.role))
  return INVESTMENT_ROLES.every(r => roles.has(r))
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places

export function investmentPoints(
  definition: QuestionnaireDefinition,
  inputs: readonly InvestmentInput[],
): InvestmentPoint[] {
  const keyOf = new Map(
    allQuestions(definition).flatMap(l => (l.question.role ? [[l.question.role, l.question.key]] : [])),
  )
  return inputs.map(input => {
    const figure = (role: QuestionRole): number | null => {
      const key = keyOf.get(role)
      const answer = key === undefined ? undefined : input.answers.get(key)
      return answer && !answer.notApplicable && typeof answer.value === 'number' ? answer.value : null
    }
    const revenue = figure('change-spend-revenue')
    const capital = figure('change-spend-capital')
    // A council that spends nothing on change capital may leave it blank; revenue spend is the figure that counts.
    const change = revenue === null ? null : revenue + (capital ?? 0)
    const budget = figure('net-revenue-budget')
    const population = figure('population')
    return {
      gss: input.gss,
      name: input.name,
      changeSpendShare: change !== null && budget ? round(change / budget, 5) : null,
      changeSpendPerResident: change !== null && population ? round((change * 1000) / population, 2) : null,
      overall: input.overall,
    }
  })
}

export function investmentSpread(points: readonly InvestmentPoint[]): InvestmentSpread {
  const of = (pick: (p: InvestmentPoint) => number | null) =>
    distribution(points.flatMap(p => (pick(p) === null ? [] : [pick(p) as number])))
  return {
    changeSpendShare: of(p => p.changeSpendShare),
    changeSpendPerResident: of(p => p.changeSpendPerResident),
    overall: of(p => p.overall),
  }
}

/** Which quarter of London a value falls in (1 lowest to 4 highest), or null where it cannot be placed. */
export function quarterOf(value: number | null, spread: Distribution | null): 1 | 2 | 3 | 4 | null {
  if (value === null || spread === null) return null
  if (value < spread.lowerQuartile) return 1
  if (value < spread.median) return 2
  if (value < spread.upperQuartile) return 3
  return 4
}
