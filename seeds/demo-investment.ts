import type { AuthorityFacts } from '../src/domain/organisation'
import type { NumberQuestion } from '../src/domain/questionnaire/definition'

/**
 * Synthetic figures for version 3's investment theme, consistent within each council: residents, a net
 * revenue budget that follows them, spend on change of 0.3% to 3% of the budget, loosely higher where the
 * council is more mature (so an investment chart shows a relation, with scatter), and staff by function in
 * proportion to the budget. Invented for the demo; no council's accounts.
 */

/** Rounds to a step: £100k budgets, whole £k spend, half FTEs. */
const toStep = (x: number, step: number) => Math.round(x / step) * step

const clamp = (x: number, low: number, high: number) => Math.min(high, Math.max(low, x))

/** Staff per £100 million of net revenue budget, by function: [fewest, most] permanent FTE. */
const STAFF_PER_100M: Record<string, [number, number]> = {
  operations: [6, 12],
  digital: [1.5, 5],
  data: [0.8, 3],
  cyber: [0.4, 1.2],
  commercial: [0.2, 0.8],
}

/**
 * Every figure one council gives, by question role or, for figures no analysis reads by role, by key.
 * `base` is the council's maturity around which its levels are drawn; the draws are made here, once, so
 * each figure agrees with the others.
 */
export function demoInvestment(
  authority: AuthorityFacts,
  base: number,
  random: () => number,
): (question: NumberQuestion) => number | undefined {
  const city = authority.slug === 'city-of-london'
  const population = city ? toStep(10_000 + random() * 1_500, 100) : toStep(160_000 + random() * 240_000, 1_000)
  const perResident = (authority.inner ? 1.6 : 1.2) + random() * 0.9
  const budget = city
    ? toStep(220_000 + random() * 100_000, 100)
    : toStep(clamp(population * perResident, 200_000, 1_500_000), 100)
  // Maturity tilts it and chance blurs it, so spend and maturity go together without lining up.
  const maturity = clamp((base - 1.8) / 3, 0, 1)
  const share = 0.003 + 0.027 * clamp(0.4 * maturity + 0.6 * random(), 0, 1)
  const change = budget * share
  const changeRevenue = toStep(change * (0.55 + random() * 0.3), 1)
  const figures = new Map<string, number>([
    ['population', population],
    ['net-revenue-budget', budget],
    ['change-spend-revenue', changeRevenue],
    ['change-spend-capital', toStep(change, 1) - changeRevenue],
    ['running-spend-revenue', toStep(budget * (0.012 + random() * 0.012), 1)],
    ['running-spend-capital', toStep(budget * (0.001 + random() * 0.004), 1)],
  ])
  for (const [fn, [fewest, most]] of Object.entries(STAFF_PER_100M)) {
    const tied = fn === 'digital' || fn === 'data' ? 0.5 * maturity + 0.5 * random() : random()
    const permanent = (budget / 100_000) * (fewest + (most - fewest) * tied)
    figures.set(`staff-${fn}-permanent`, toStep(permanent, 0.5))
    figures.set(`staff-${fn}-interim`, toStep(permanent * (0.05 + random() * 0.2), 0.5))
    figures.set(`staff-${fn}-vacancies`, toStep(permanent * (0.03 + random() * 0.12), 0.5))
  }
  return question => figures.get(question.role ?? question.key.split('.').pop() ?? '')
}
