import { capabilityGaps, type CapabilityGap } from '../../domain/insights/capability-gaps'
import type { Round } from '../../domain/assessment/round'
import type { Organisation } from '../../domain/organisation'
import type { Repositories } from '../../data'
import type { QuestionnaireService } from '../admin/questionnaire.service'
import { loadRoundResults } from './round-results'

export interface CapabilityGapsView {
  round: Round
  rounds: Round[]
  /** How many authorities handed in: gaps are read only from their answers. */
  scored: number
  /** Whether the round's questionnaire has capability checklists at all. */
  hasChecklists: boolean
  gaps: CapabilityGap[]
  organisations: Map<string, Organisation>
  categoryNames: Map<string, string>
}

/**
 * A round's capability gaps for the central roles (the route says who): read from the handed-in answers,
 * with buyers counted through every partnership and systems from the estate register as it stands now,
 * since contracts are what London would act on.
 */
export function capabilityGapsService(repos: Repositories, questionnaires: QuestionnaireService) {
  return async (roundId: number): Promise<CapabilityGapsView> => {
    const [data, everyone, estate, categories] = await Promise.all([
      loadRoundResults(repos, questionnaires, roundId),
      repos.organisations.list(),
      repos.estateAnalysis.entries(),
      repos.pipeline.categories(),
    ])
    const gssOf = new Map(everyone.map(o => [o.id, o.gss]))
    const scored = data.results.filter(r => r.scored)
    return {
      round: data.round,
      rounds: data.rounds,
      scored: scored.length,
      hasChecklists: data.definition.dimensions.some(d =>
        d.themes.some(t => t.serviceArea && t.questions.some(q => q.type === 'checklist')),
      ),
      gaps: capabilityGaps({
        definition: data.definition,
        results: scored.map(r => ({ gss: r.organisation.gss, answers: r.answers })),
        partnerships: data.partnerships.map(p => p.memberIds.map(id => gssOf.get(id) ?? '')),
        estate: estate.map(e => ({
          gss: e.organisation,
          category: e.categoryKey,
          product: e.productName,
          contractEnd: e.contractEnd,
        })),
      }),
      organisations: new Map(everyone.map(o => [o.gss, o])),
      categoryNames: new Map(categories.map(c => [c.key, c.name])),
    }
  }
}
