import type { Answer } from '../domain/assessment/answer'
import type { Round } from '../domain/assessment/round'
import type { AssessmentState } from '../domain/assessment/workflow'
import type { Organisation } from '../domain/organisation'
import type { QuestionnaireDefinition } from '../domain/questionnaire/definition'
import type { Repositories } from '../data'
import type { AssessmentRecord } from '../data/assessment.repository'
import type { Moderation } from '../data/moderation.repository'
import { NotFoundError } from '../domain/errors'
import type { QuestionnaireService } from './questionnaire.service'

/** Only assessments a borough has handed in are scored across London; drafts would skew every comparison. */
export const SCORED_STATES: readonly AssessmentState[] = ['submitted', 'in_moderation', 'moderated']

export interface OrganisationResult {
  assessment: AssessmentRecord
  organisation: Organisation
  answers: Map<string, Answer>
  moderations: Map<string, Moderation>
  /** Whether the assessment counts in London's figures (see SCORED_STATES). */
  scored: boolean
}

export interface RoundResults {
  round: Round
  definition: QuestionnaireDefinition
  /** Every assessment of the round, ordered by organisation name. */
  results: OrganisationResult[]
}

/** The moderated levels of one assessment, as the scoring rule takes them. */
export const moderatedLevels = (result: { moderations: ReadonlyMap<string, Moderation> }): Map<string, number> =>
  new Map([...result.moderations].map(([key, m]) => [key, m.level]))

/**
 * Everything a round holds, in a fixed number of queries whatever its size: the building block of the
 * report, calibration, exports and insights. It checks no permissions: the services that call it do.
 */
export async function loadRoundResults(
  repos: Repositories,
  questionnaires: QuestionnaireService,
  roundId: number,
): Promise<RoundResults> {
  const round = Number.isSafeInteger(roundId) ? await repos.rounds.findById(roundId) : undefined
  if (!round) throw new NotFoundError('There is no such round')
  const [version, records, organisations, moderations] = await Promise.all([
    questionnaires.get(round.questionnaireKey, round.questionnaireVersion),
    repos.assessments.list({ roundId }),
    repos.organisations.list(),
    repos.moderations.forRound(roundId),
  ])
  const answers = await repos.assessments.answersFor(records.map(r => r.id))
  const byId = new Map(organisations.map(o => [o.id, o]))
  const results = records
    .map(assessment => {
      const organisation = byId.get(assessment.organisationId)
      if (!organisation) throw new Error(`assessment ${assessment.id} has lost its organisation`)
      return {
        assessment,
        organisation,
        answers: new Map((answers.get(assessment.id) ?? []).map(a => [a.questionKey, a])),
        moderations: new Map((moderations.get(assessment.id) ?? []).map(m => [m.questionKey, m])),
        scored: SCORED_STATES.includes(assessment.state),
      }
    })
    .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, 'en-GB'))
  return { round, definition: version.definition, results }
}
