import { progress } from '../../domain/assessment/progress'
import { roundStatus } from '../../domain/assessment/round'
import type { QuestionnaireDefinition } from '../../domain/questionnaire/definition'
import { isCentralRole } from '../../domain/roles'
import type { User } from '../../domain/user'
import type { AssessmentDeps } from './assessment-access'

/** The assessments this user may see (central roles: all; others: their organisation's), with progress. */
export function listAssessments({ repos, questionnaires, clock }: AssessmentDeps) {
  return async function list(user: User, roundId?: number) {
    const filter = isCentralRole(user.role) ? { roundId } : { roundId, organisationId: user.organisationId ?? -1 }
    const records = await repos.assessments.list(filter)
    const [rounds, organisations, answers] = await Promise.all([
      repos.rounds.list(),
      repos.organisations.list(),
      repos.assessments.answersFor(records.map(r => r.id)),
    ])
    const definitions = new Map<string, QuestionnaireDefinition>()
    for (const r of rounds)
      definitions.set(
        `${r.questionnaireKey}@${r.questionnaireVersion}`,
        await questionnaires.definitionOf(r.questionnaireKey, r.questionnaireVersion),
      )
    return records.map(record => {
      const round = rounds.find(r => r.id === record.roundId)
      const organisation = organisations.find(o => o.id === record.organisationId)
      const definition = round && definitions.get(`${round.questionnaireKey}@${round.questionnaireVersion}`)
      if (!round || !organisation || !definition)
        throw new Error(`assessment ${record.id} is missing its round or organisation`)
      const map = new Map((answers.get(record.id) ?? []).map(a => [a.questionKey, a]))
      return {
        assessment: record,
        round: { ...round, status: roundStatus(round, clock()) },
        organisation,
        progress: progress(definition, map),
      }
    })
  }
}
