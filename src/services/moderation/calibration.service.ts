import { calibrate, type AssessorRow, type CalibrationRow, type ModeratedQuestion } from '../../domain/calibration'
import { ForbiddenError } from '../../domain/errors'
import { allQuestions } from '../../domain/questionnaire/definition'
import { isCentralRole } from '../../domain/roles'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { QuestionnaireService } from '../admin/questionnaire.service'
import { loadRoundResults } from '../insights/round-results'

export interface RoundCalibration {
  round: { id: number; name: string }
  dimensions: { key: string; title: string }[]
  /** With their GSS codes, the API's name for an authority. */
  organisations: (CalibrationRow & { gss: string })[]
  assessors: AssessorRow[]
  /** Assessments of the round with no moderated question yet. */
  awaitingModeration: number
}

export function calibrationService(repos: Repositories, questionnaires: QuestionnaireService) {
  return {
    /**
     * The round calibration opens on: the newest with a moderated question, else the newest. A round just
     * opened has nothing to calibrate, and opening on it would hide the last round's findings.
     */
    async defaultRoundId(user: User): Promise<number | undefined> {
      const rounds = await repos.rounds.list()
      for (const round of rounds) {
        if ((await this.forRound(user, round.id)).organisations.length > 0) return round.id
      }
      return rounds[0]?.id
    },

    /**
     * Adjustments are measured against the borough's current self-assessed level, so after a return and
     * resubmission they show the disagreement still standing, not the one the borough has since resolved.
     */
    async forRound(user: User, roundId: number): Promise<RoundCalibration> {
      // Checked before the round is looked up, so a respondent learns nothing, not even which rounds exist.
      if (!isCentralRole(user.role)) {
        throw new ForbiddenError('Only assessors, analysts and administrators can see calibration')
      }
      const { round, definition, results } = await loadRoundResults(repos, questionnaires, roundId)
      const dimensionOf = new Map(allQuestions(definition).map(l => [l.question.key, l.dimension.key]))
      const questions: ModeratedQuestion[] = results.flatMap(r =>
        [...r.moderations.values()].flatMap(m => {
          const dimensionKey = dimensionOf.get(m.questionKey)
          if (!dimensionKey) return []
          return [
            {
              organisation: { id: r.organisation.id, name: r.organisation.name },
              assessor: m.assessor,
              dimensionKey,
              selfLevel: r.answers.get(m.questionKey)?.level ?? null,
              moderatedLevel: m.level,
            },
          ]
        }),
      )
      const dimensions = definition.dimensions.map(d => ({ key: d.key, title: d.title }))
      const { organisations, assessors } = calibrate(
        dimensions.map(d => d.key),
        questions,
      )
      const gss = new Map(results.map(r => [r.organisation.id, r.organisation.gss]))
      return {
        round: { id: round.id, name: round.name },
        dimensions,
        organisations: organisations.map(o => ({ ...o, gss: gss.get(o.id ?? 0) ?? '' })),
        assessors,
        awaitingModeration: results.filter(r => r.moderations.size === 0).length,
      }
    },
  }
}

export type CalibrationService = ReturnType<typeof calibrationService>
