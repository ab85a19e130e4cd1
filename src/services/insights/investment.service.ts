import { NotFoundError } from '../../domain/errors'
import type { Round } from '../../domain/assessment/round'
import {
  asksInvestment,
  investmentPoints,
  investmentSpread,
  type InvestmentPoint,
  type InvestmentSpread,
} from '../../domain/insights/investment'
import { isCentralRole } from '../../domain/roles'
import { score } from '../../domain/scoring'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { QuestionnaireService } from '../admin/questionnaire.service'
import { loadRoundResults, moderatedLevels } from './round-results'

export interface InvestmentView {
  round: Round
  /** Whether the round's questionnaire asks for the figures at all. */
  asked: boolean
  /** Every handed-in authority's point, for the central roles; empty for anyone else. */
  points: InvestmentPoint[]
  /** A respondent's own authority's point, from its assessment whatever its state; null for central roles. */
  own: InvestmentPoint | null
  /** London's quartiles, or null where too few authorities stand behind them to show a respondent. */
  spread: InvestmentSpread | null
  london: { count: number; minimum: number }
}

/**
 * Spend on digital change against maturity. The central roles see every authority that handed in;
 * a respondent sees only its own authority's point, against London's quartiles once at least the
 * disclosure minimum of authorities stand behind them, so no one else's figures can be read off.
 */
export function investmentService(
  repos: Repositories,
  questionnaires: QuestionnaireService,
  options: { disclosureMinimum: number },
) {
  return async (user: User, roundId: number): Promise<InvestmentView> => {
    const { round, definition, results } = await loadRoundResults(repos, questionnaires, roundId)
    const central = isCentralRole(user.role)
    const mine = results.find(r => r.organisation.id === user.organisationId)
    if (!central && !mine) throw new NotFoundError('There is no such round')
    const inputs = (rows: typeof results) =>
      rows.map(r => ({
        gss: r.organisation.gss,
        name: r.organisation.name,
        answers: r.answers,
        overall: score(definition, { answers: r.answers, moderatedLevels: moderatedLevels(r), basis: 'final' }).overall,
      }))
    const points = investmentPoints(definition, inputs(results.filter(r => r.scored)))
    const shown = central || points.length >= options.disclosureMinimum
    return {
      round,
      asked: asksInvestment(definition),
      points: central ? points : [],
      own: !central && mine ? (investmentPoints(definition, inputs([mine]))[0] ?? null) : null,
      spread: shown ? investmentSpread(points) : null,
      london: { count: points.length, minimum: options.disclosureMinimum },
    }
  }
}
